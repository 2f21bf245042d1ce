from functools import partial

import matplotlib.pyplot as plt
from cell_palette import HIGHLIGHT, STATE
from drawing import arrow, box

FADED = "0.75"
thin_arrow = partial(arrow, scale=13, lw=1.5)  # a grid of 12 cells

LAYERS = 3
COLUMNS = [(0.0, "1"), (2.2, "2"), (4.4, "3"), (7.4, "T")]
ROW_GAP = 1.7


def stacked_fig_unrolled():
    fig, ax = plt.subplots(figsize=(8.4, 5.0), layout="constrained")
    top = (LAYERS - 1) * ROW_GAP
    ax.set_xlim(-2.5, 8.4)
    ax.set_ylim(-1.35, top + 1.45)
    ax.set_aspect("equal")
    ax.axis("off")

    for layer in range(1, LAYERS + 1):
        y = (layer - 1) * ROW_GAP
        for x, _ in COLUMNS:
            box(
                ax,
                x,
                y,
                rf"$W^{{({layer})}}$",
                size=(1.0, 0.68),
                lw=1.6,
                fontsize=12,
            )
        thin_arrow(ax, (-1.4, y), (-0.55, y), color=STATE)
        ax.text(
            -1.5,
            y,
            rf"$h^{{({layer})}}_0, c^{{({layer})}}_0$",
            ha="right",
            va="center",
            fontsize=10,
            color=STATE,
        )
        for (x0, t0), (x1, _) in zip(COLUMNS, COLUMNS[1:]):
            if x1 - x0 > 2.5:
                thin_arrow(ax, (x0 + 0.55, y), (x0 + 1.3, y), color=STATE)
                ax.text(
                    (x0 + x1) / 2 + 0.15,
                    y,
                    r"$\cdots$",
                    ha="center",
                    va="center",
                    fontsize=14,
                )
                thin_arrow(ax, (x1 - 1.0, y), (x1 - 0.55, y), color=STATE)
            else:
                thin_arrow(ax, (x0 + 0.55, y), (x1 - 0.55, y), color=STATE)
                ax.text(
                    (x0 + x1) / 2,
                    y + 0.12,
                    rf"$h^{{({layer})}}_{t0}, c^{{({layer})}}_{t0}$",
                    ha="center",
                    va="bottom",
                    fontsize=9.5,
                    color=STATE,
                )

    for x, t in COLUMNS:
        thin_arrow(ax, (x, -1.0), (x, -0.4))
        ax.text(
            x, -1.15, rf"$x_{{{t}}}$", ha="center", va="center", fontsize=12
        )
        for layer in range(1, LAYERS):
            y = (layer - 1) * ROW_GAP
            thin_arrow(ax, (x, y + 0.4), (x, y + ROW_GAP - 0.4))
            ax.text(
                x + 0.08,
                y + ROW_GAP / 2,
                rf"$h^{{({layer})}}_{{{t}}}$",
                ha="left",
                va="center",
                fontsize=10,
                color=HIGHLIGHT,
            )
        last = t == "T"
        thin_arrow(
            ax,
            (x, top + 0.4),
            (x, top + 1.0),
            color=HIGHLIGHT if last else FADED,
            linestyle="-" if last else (0, (3, 2)),
        )
        ax.text(
            x,
            top + 1.2,
            rf"$h^{{({LAYERS})}}_{{{t}}}$",
            ha="center",
            va="center",
            fontsize=12 if last else 10,
            color="black" if last else FADED,
        )
    return fig


if __name__ == "__main__":
    stacked_fig_unrolled().savefig("stacked_fig_unrolled.svg")
    print("wrote stacked_fig_unrolled.svg")
