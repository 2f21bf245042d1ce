from gru_diagram import XLIM, YLIM, draw_gru_cell
from svg_animation import build_up

EQUATIONS = {
    "inputs": r"$x_t,\quad h_{t-1}$",
    "reset": r"$r_t = \sigma(x_t W_{xr} + h_{t-1} W_{hr} + b_r)$",
    "candidate": r"$\tilde h_t = \tanh(x_t W_{xh} + b_{xh}"
    r" + r_t \odot (h_{t-1} W_{hh} + b_{hh}))$",
    "update": r"$z_t = \sigma(x_t W_{xz} + h_{t-1} W_{hz} + b_z)$",
    "new_state": r"$h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde h_t$",
    "step": r"$h_t = z_t \odot h_{t-1} + (1 - z_t) \odot \tilde h_t$",
}
STAGES = (
    "inputs",
    "reset",
    "candidate",
    "update",
    "new_state",
)  # the order the step computes them


def gru_anim_step():
    return build_up(
        STAGES,
        draw_base=lambda ax: draw_gru_cell(ax, lit=()),
        draw_part=lambda ax, part, now: draw_gru_cell(
            ax, lit={part}, accent=now, only={part}
        ),
        equations={name: EQUATIONS[name] for name in (*STAGES, "step")},
        xlim=XLIM,
        ylim=YLIM,
        width=6.4,
        band=1.0,
    )


if __name__ == "__main__":
    for name in gru_anim_step().save("gru_anim_step"):
        print("wrote", name)
