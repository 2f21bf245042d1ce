"""Boxes and arrows for the schematic figures (the unrolled RNN, the stacked
LSTM grid), in the cell drawings' palette.

    box(ax, x, y, label)     a rounded cell centred at (x, y)
    arrow(ax, start, end)    a straight or curved arrow
"""

from cell_palette import HIGHLIGHT, HIGHLIGHT_FILL
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch


def box(ax, x, y, label, size=(0.9, 0.7), lw=1.8, fontsize=13):
    """A rounded box of `size` (width, height) centred at (x, y), holding
    `label`."""
    width, height = size
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.05",
            facecolor=HIGHLIGHT_FILL,
            edgecolor=HIGHLIGHT,
            lw=lw,
        )
    )
    ax.text(x, y, label, ha="center", va="center", fontsize=fontsize)


def arrow(ax, start, end, color=HIGHLIGHT, scale=14, lw=1.6, **kwargs):
    """An arrow from `start` to `end`; `kwargs` go to FancyArrowPatch
    (`connectionstyle` bends it, `linestyle` dashes it)."""
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=scale,
            color=color,
            lw=lw,
            **kwargs,
        )
    )


if __name__ == "__main__":
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 1.2))
    ax.set_xlim(-0.6, 2.6)
    ax.set_ylim(-0.6, 0.6)
    ax.axis("off")
    box(ax, 0, 0, "$a$")
    arrow(ax, (0.5, 0), (1.5, 0))
    box(ax, 2, 0, "$b$")
    fig.savefig("drawing.svg")
    print("wrote drawing.svg")
