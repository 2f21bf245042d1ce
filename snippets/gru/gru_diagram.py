"""The GRU cell drawn once, so each figure can highlight the path one step of
the cell uses.

``gru_cell_figure(step)`` returns a matplotlib Figure; ``step`` is one of STEPS,
drawn in the highlight colour the LSTM's figures use (cell_palette.py) and the
rest in grey, or None for the plain cell. The gru_fig_*.py snippets call it;
``python snippets/gru/gru_diagram.py`` writes every variant. ``draw_gru_cell(ax,
...)`` draws onto an axes that has XLIM and YLIM; the animation
(gru_anim_step.py) stacks several drawings, one per layer.
"""

import matplotlib.pyplot as plt
from cell_palette import ACCENT, ACCENT_FILL, HIGHLIGHT, HIGHLIGHT_FILL, MUTED
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

STEPS = ("reset", "update", "candidate", "new_state")
PARTS = ("inputs", *STEPS)  # "inputs": where h_{t-1} and x_t come in
XLIM, YLIM = (-1.3, 11.1), (-1.3, 6.7)

PLAIN, ACTIVE, ACTIVE_FILL, IDLE, BOX_FILL = (
    HIGHLIGHT,
    ACCENT,
    ACCENT_FILL,
    MUTED,
    HIGHLIGHT_FILL,
)
CELL_FILL = "#f3f4fa"

Z_WIRE = [(2.2, 2.68), (2.2, 4.8), (6.8, 4.8)]
CROSSING = (
    4.6,
    4.8,
)  # where Z_WIRE passes over the h_{t-1} wire dropping to the reset
UNDER_CROSSING = (
    "candidate",
)  # the steps of that wire: drawing it redraws Z_WIRE over it

# Each wire: the points it runs through, whether it ends in an arrowhead, and
# the steps that use it.
WIRES = [
    ([(0.0, 6.0), (0.8, 6.0)], False, PARTS),
    (
        [(0.8, 6.0), (0.8, 1.0), (1.6, 1.0)],
        False,
        ("inputs", "reset", "update"),
    ),
    ([(1.6, 1.0), (2.2, 1.0)], False, ("inputs", "reset", "update")),
    ([(2.2, 1.0), (3.4, 1.0)], False, ("inputs", "reset")),
    (
        [(1.6, -0.4), (1.6, 0.4)],
        False,
        ("inputs", "reset", "update", "candidate"),
    ),
    ([(1.6, 0.4), (1.6, 1.0)], False, ("inputs", "reset", "update")),
    ([(1.6, 0.4), (4.6, 0.4), (4.6, 1.92)], True, ("candidate",)),
    ([(2.2, 1.0), (2.2, 1.92)], True, ("update",)),
    ([(3.4, 1.0), (3.4, 1.92)], True, ("reset",)),
    ([(3.4, 2.68), (3.4, 3.6), (4.36, 3.6)], True, ("reset", "candidate")),
    ([(0.8, 6.0), (4.6, 6.0)], False, ("candidate", "new_state")),
    ([(4.6, 6.0), (4.6, 3.84)], True, ("candidate",)),
    ([(4.6, 3.36), (4.6, 2.68)], True, ("candidate",)),
    ([(5.06, 2.3), (7.8, 2.3), (7.8, 3.36)], True, ("candidate", "new_state")),
    ([(4.6, 6.0), (6.56, 6.0)], True, ("new_state",)),
    (Z_WIRE, False, ("update", "new_state")),
    ([(6.8, 4.8), (6.8, 5.76)], True, ("new_state",)),
    ([(6.8, 4.8), (7.5, 4.8)], True, ("new_state",)),
    ([(7.8, 4.5), (7.8, 3.84)], True, ("new_state",)),
    ([(7.04, 6.0), (8.56, 6.0)], True, ("new_state",)),
    ([(8.04, 3.6), (8.8, 3.6), (8.8, 5.76)], True, ("new_state",)),
    ([(9.04, 6.0), (10.2, 6.0)], True, ("new_state",)),
]
BOXES = [
    ((2.2, 2.3), r"$\sigma$", "update"),
    ((3.4, 2.3), r"$\sigma$", "reset"),
    ((4.6, 2.3), r"$\tanh$", "candidate"),
]
NODES = [
    ((4.6, 3.6), r"$\odot$", "candidate"),
    ((6.8, 6.0), r"$\odot$", "new_state"),
    ((7.8, 3.6), r"$\odot$", "new_state"),
    ((8.8, 6.0), r"$+$", "new_state"),
    ((7.8, 4.8), r"$1-$", "new_state"),
]
JUNCTIONS = [
    ((0.8, 6.0), PARTS),
    ((1.6, 1.0), ("inputs", "reset", "update")),
    ((2.2, 1.0), ("inputs", "reset", "update")),
    ((1.6, 0.4), ("inputs", "reset", "update", "candidate")),
    ((4.6, 6.0), ("candidate", "new_state")),
    ((6.8, 4.8), ("update", "new_state")),
]
LABELS = [
    ((-0.15, 6.0), r"$h_{t-1}$", dict(ha="right"), PARTS),
    (
        (1.6, -0.6),
        r"$x_t$",
        dict(va="top"),
        ("inputs", "reset", "update", "candidate"),
    ),
    ((10.35, 6.0), r"$h_t$", dict(ha="left"), ("new_state",)),
    ((3.55, 3.05), r"$r_t$", dict(ha="left"), ("reset", "candidate")),
    ((2.05, 3.6), r"$z_t$", dict(ha="right"), ("update", "new_state")),
    (
        (6.2, 2.45),
        r"$\tilde h_t$",
        dict(va="bottom"),
        ("candidate", "new_state"),
    ),
]


def _wire(ax, points, arrow, color, width):
    for (x0, y0), (x1, y1) in zip(points[:-1], points[1:]):
        last = arrow and (x1, y1) == points[-1]
        ax.add_patch(
            FancyArrowPatch(
                (x0, y0),
                (x1, y1),
                arrowstyle="-|>" if last else "-",
                mutation_scale=13,
                color=color,
                lw=width,
                shrinkA=0,
                shrinkB=0,
                capstyle="round",
                joinstyle="round",
            )
        )


def gru_cell_figure(step=None):
    if step is not None and step not in STEPS:
        raise ValueError(f"step: expected one of {STEPS} or None, got {step!r}")
    fig, ax = plt.subplots(figsize=(6.4, 3.91), layout="constrained")
    ax.set_xlim(*XLIM)
    ax.set_ylim(*YLIM)
    ax.set_aspect("equal")
    ax.axis("off")
    draw_gru_cell(ax, lit=PARTS if step is None else {step})
    return fig


def draw_gru_cell(ax, lit=PARTS, accent=False, only=None):
    """Draw the cell on `ax`: the parts in `lit` (of PARTS) in colour, the rest
    grey.

    The colour is PLAIN, or ACTIVE with thicker lines if `accent`. With `only`
    (a set of PARTS), draw just the elements of those parts: no frame, nothing
    untagged.
    """
    lit = set(lit)
    for name, parts in (("lit", lit), ("only", set(only or ()))):
        if not parts <= set(PARTS):
            raise ValueError(
                f"{name}: expected a subset of {PARTS}, got {sorted(parts)}"
            )

    def drawn(steps):
        return only is None or bool(set(only) & set(steps))

    def on(steps):
        return bool(lit & set(steps))

    def color(steps):
        return (ACTIVE if accent else PLAIN) if on(steps) else IDLE

    if only is None:
        ax.add_patch(
            FancyBboxPatch(
                (0.35, 0.05),
                9.0,
                6.35,
                boxstyle="round,pad=0.1,rounding_size=0.4",
                facecolor=CELL_FILL,
                edgecolor="#9fa8da",
                lw=1.2,
            )
        )

    for points, arrow, steps in WIRES:
        if not (drawn(steps) or (points is Z_WIRE and drawn(UNDER_CROSSING))):
            continue
        if points is Z_WIRE:
            ax.add_patch(
                Circle(CROSSING, 0.17, facecolor=CELL_FILL, edgecolor="none")
            )
        width = 2.4 if accent and on(steps) else 1.6
        _wire(ax, points, arrow, color(steps), width)

    for (x, y), label, owner in BOXES:
        if not drawn((owner,)):
            continue
        active = accent and on((owner,))
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.42, y - 0.32),
                0.84,
                0.64,
                boxstyle="round,pad=0.04",
                facecolor=ACTIVE_FILL if active else BOX_FILL,
                edgecolor=color((owner,)),
                lw=2.2 if active else 1.6,
            )
        )
        ax.text(
            x,
            y,
            label,
            ha="center",
            va="center",
            fontsize=13 if "tanh" in label else 14,
        )

    for (x, y), label, owner in NODES:
        if not drawn((owner,)):
            continue
        active = accent and on((owner,))
        ax.add_patch(
            Circle(
                (x, y),
                0.28 if label != r"$1-$" else 0.4,
                facecolor=ACTIVE_FILL if active else "white",
                edgecolor=color((owner,)),
                lw=2.2 if active else 1.6,
            )
        )
        ax.text(x, y, label, ha="center", va="center", fontsize=13)

    for (x, y), steps in JUNCTIONS:
        if drawn(steps):
            ax.add_patch(Circle((x, y), 0.07, color=color(steps)))

    for (x, y), label, placement, steps in LABELS:
        if not drawn(steps):
            continue
        placement = {"ha": "center", "va": "center", **placement}
        ax.text(
            x,
            y,
            label,
            fontsize=14,
            color="black" if on(steps) else "#9e9e9e",
            **placement,
        )


if __name__ == "__main__":
    for step in (None, *STEPS):
        name = f"gru_cell_{step or 'plain'}.svg"
        gru_cell_figure(step).savefig(name)
        print("wrote", name)
