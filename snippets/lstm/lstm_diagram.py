"""The LSTM cell, drawn once for every figure of it; each step highlights its
path.

``lstm_cell_figure(highlight)`` is the still figure. ``draw_lstm_cell(ax, ...)``
draws onto an axes that has XLIM and YLIM; the animation (lstm_anim_step.py)
stacks several drawings, one per layer.
"""

import matplotlib.pyplot as plt
from cell_palette import (
    ACCENT_FILL,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    MUTED,
    STATE,
)
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

PARTS = ("inputs", "forget", "input", "cell", "output")
GATE, BOX = HIGHLIGHT, HIGHLIGHT_FILL
XLIM, YLIM = (-1.9, 11.9), (-1.6, 7.6)

C_Y, BUS_Y, GATE_Y = 5.2, 0.8, 2.6
X_F, X_I, X_C, X_O, X_H = 2.0, 3.5, 5.0, 6.8, 8.4


def lstm_cell_figure(highlight=PARTS):
    """The cell with the parts in `highlight` (of PARTS) in colour, the rest
    grey."""
    fig, ax = plt.subplots(figsize=(5.9, 3.96), layout="constrained")
    ax.set_xlim(*XLIM)
    ax.set_ylim(*YLIM)
    ax.set_aspect("equal")
    ax.axis("off")
    draw_lstm_cell(ax, highlight)
    return fig


def draw_lstm_cell(ax, highlight=PARTS, only=None, accent=None):
    """Draw the cell on `ax`: parts in `highlight` in colour (all in `accent`,
    if given), the rest grey.

    With `only` (a set of PARTS), draw just the elements of those parts: no
    frame, nothing untagged.
    """
    highlight = set(highlight)
    for name, parts in (("highlight", highlight), ("only", set(only or ()))):
        if not parts <= set(PARTS):
            raise ValueError(
                f"{name}: expected a subset of {PARTS}, got {sorted(parts)}"
            )

    # an accent layer lies over a coloured one: slightly wider strokes hide the
    # colour beneath
    line_width, edge_width = (2.6, 2.2) if accent else (2, 1.6)

    def drawn(tags):
        return only is None or bool(set(only) & set(tags))

    def color(tags, active=GATE):
        return (accent or active) if highlight & set(tags) else MUTED

    def path(points, tags, active=GATE, arrow=True):
        if not drawn(tags):
            return
        col = color(tags, active)
        xs, ys = zip(*points)
        end = -1 if arrow else None
        ax.plot(
            xs[:end],
            ys[:end],
            color=col,
            lw=line_width,
            solid_capstyle="round",
            zorder=1,
        )
        if arrow:
            ax.add_patch(
                FancyArrowPatch(
                    points[-2],
                    points[-1],
                    arrowstyle="-|>",
                    mutation_scale=13,
                    color=col,
                    lw=line_width,
                    shrinkA=0,
                    shrinkB=0,
                    zorder=1,
                )
            )

    def layer(x, y, label, tags):
        if not drawn(tags):
            return
        col = color(tags)
        active = col != MUTED
        fill = (ACCENT_FILL if accent else BOX) if active else "white"
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.5, y - 0.33),
                1.0,
                0.66,
                boxstyle="round,pad=0.04",
                facecolor=fill,
                edgecolor=col,
                lw=edge_width,
                zorder=2,
            )
        )
        ax.text(
            x,
            y,
            label,
            ha="center",
            va="center",
            fontsize=12,
            color="black" if active else MUTED,
            zorder=3,
        )

    def op(x, y, symbol, tags, active=GATE):
        if not drawn(tags):
            return
        col = color(tags, active)
        ax.add_patch(
            Circle(
                (x, y),
                0.3,
                facecolor="white",
                edgecolor=col,
                lw=edge_width,
                zorder=2,
            )
        )
        ax.text(
            x,
            y,
            symbol,
            ha="center",
            va="center",
            fontsize=13,
            color=col,
            zorder=3,
        )

    def label(x, y, text, tags, active=GATE):
        if not drawn(tags):
            return
        ax.text(
            x,
            y,
            text,
            fontsize=12,
            color=(accent or active) if highlight & set(tags) else "0.6",
        )

    if only is None:
        ax.add_patch(
            FancyBboxPatch(
                (0, 0),
                10.0,
                6.0,
                boxstyle="round,pad=0.1",
                facecolor="#fafafa",
                edgecolor="0.75",
                lw=1.2,
                zorder=0,
            )
        )

    # cell state: c_{t-1} -> x f_t -> + i_t*c~_t -> c_t
    path([(-1.5, C_Y), (X_F - 0.3, C_Y)], {"inputs", "forget", "cell"}, STATE)
    path([(X_F + 0.3, C_Y), (X_C - 0.3, C_Y)], {"cell"}, STATE)
    path([(X_C + 0.3, C_Y), (11.5, C_Y)], {"cell", "output"}, STATE)
    op(X_F, C_Y, r"$\times$", {"forget", "cell"}, STATE)
    op(X_C, C_Y, r"$+$", {"cell"}, STATE)
    label(-1.6, C_Y + 0.3, r"$c_{t-1}$", {"inputs", "forget", "cell"}, STATE)
    label(10.8, C_Y + 0.3, r"$c_t$", {"cell", "output"}, STATE)

    # [h_{t-1}, x_t] feeds every gate
    gates = {"inputs", "forget", "input", "output"}
    path([(-1.5, BUS_Y), (X_F, BUS_Y)], gates, arrow=False)
    path(
        [(X_F, BUS_Y), (X_C, BUS_Y)], {"inputs", "input", "output"}, arrow=False
    )
    path([(X_C, BUS_Y), (X_O, BUS_Y)], {"inputs", "output"}, arrow=False)
    path([(1.0, -1.1), (1.0, BUS_Y)], gates, arrow=False)
    label(-1.6, BUS_Y + 0.3, r"$h_{t-1}$", gates)
    label(1.15, -1.2, r"$x_t$", gates)
    for x, tags in (
        (X_F, {"forget"}),
        (X_I, {"input"}),
        (X_C, {"input"}),
        (X_O, {"output"}),
    ):
        path([(x, BUS_Y), (x, GATE_Y - 0.37)], tags)

    # forget gate
    layer(X_F, GATE_Y, r"$\sigma$", {"forget"})
    path([(X_F, GATE_Y + 0.37), (X_F, C_Y - 0.3)], {"forget", "cell"})
    label(X_F + 0.15, 3.6, r"$f_t$", {"forget", "cell"})

    # input gate and candidate
    layer(X_I, GATE_Y, r"$\sigma$", {"input"})
    layer(X_C, GATE_Y, r"$\tanh$", {"input"})
    path([(X_I, GATE_Y + 0.37), (X_I, 4.0), (X_C - 0.3, 4.0)], {"input"})
    path([(X_C, GATE_Y + 0.37), (X_C, 4.0 - 0.3)], {"input"})
    op(X_C, 4.0, r"$\times$", {"input"})
    path([(X_C, 4.3), (X_C, C_Y - 0.3)], {"input", "cell"})
    label(X_I - 0.6, 3.3, r"$i_t$", {"input"})
    label(X_C + 0.15, 3.1, r"$\tilde c_t$", {"input"})

    # output gate and h_t = o_t * tanh(c_t)
    layer(X_O, GATE_Y, r"$\sigma$", {"output"})
    path([(X_H, C_Y), (X_H, 4.1 + 0.33)], {"output"}, arrow=True)
    layer(X_H, 4.1, r"$\tanh$", {"output"})
    path([(X_H, 4.1 - 0.37), (X_H, GATE_Y + 0.3)], {"output"})
    path([(X_O + 0.54, GATE_Y), (X_H - 0.3, GATE_Y)], {"output"})
    op(X_H, GATE_Y, r"$\times$", {"output"})
    label(X_O + 0.75, GATE_Y + 0.2, r"$o_t$", {"output"})
    path([(X_H, GATE_Y - 0.3), (X_H, BUS_Y), (11.5, BUS_Y)], {"output"})
    path([(9.4, BUS_Y), (9.4, 7.3)], {"output"})
    label(10.8, BUS_Y + 0.3, r"$h_t$", {"output"})
    label(9.55, 6.9, r"$h_t$", {"output"})


if __name__ == "__main__":
    print(
        "lstm_cell_figure(highlight) draws the LSTM cell; highlight any of",
        PARTS,
    )
