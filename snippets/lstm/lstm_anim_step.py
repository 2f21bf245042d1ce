from cell_palette import ACCENT
from lstm_diagram import PARTS, XLIM, YLIM, draw_lstm_cell
from svg_animation import build_up

EQUATIONS = {
    "inputs": r"$x_t,\quad h_{t-1},\quad c_{t-1}$",
    "forget": r"$f_t = \sigma(x_t W_{xf} + h_{t-1} W_{hf} + b_f)$",
    "input": r"$i_t = \sigma(x_t W_{xi} + h_{t-1} W_{hi} + b_i)$"
    "\n"
    r"$\tilde c_t = \tanh(x_t W_{xc} + h_{t-1} W_{hc} + b_c)$",
    "cell": r"$c_t = f_t \odot c_{t-1} + i_t \odot \tilde c_t$",
    "output": r"$o_t = \sigma(x_t W_{xo} + h_{t-1} W_{ho} + b_o)$"
    "\n"
    r"$h_t = o_t \odot \tanh(c_t)$",
    "step": r"$c_t = f_t \odot c_{t-1} + i_t \odot \tilde c_t$"
    "\n"
    r"$h_t = o_t \odot \tanh(c_t)$",
}


def lstm_anim_step():
    return build_up(
        PARTS,
        draw_base=lambda ax: draw_lstm_cell(ax, highlight=()),
        draw_part=lambda ax, part, now: draw_lstm_cell(
            ax, {part}, only={part}, accent=ACCENT if now else None
        ),
        equations=EQUATIONS,
        xlim=XLIM,
        ylim=YLIM,
        width=5.9,
        band=1.7,
    )


if __name__ == "__main__":
    for name in lstm_anim_step().save("lstm_anim_step"):
        print("wrote", name)
