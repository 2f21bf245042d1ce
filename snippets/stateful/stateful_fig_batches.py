import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, Rectangle
from stateful_data import example_layout

STREAM_COLORS = ("#3949ab", "#00897b", "#c68400")
STATE = "#00897b"
SHADE = (0.22, 0.38, 0.54)


def _box(ax, x, y, w, h, color, alpha, text=None, fontsize=9):
    ax.add_patch(
        Rectangle((x, y), w, h, facecolor=color, alpha=alpha, edgecolor="none")
    )
    ax.add_patch(
        Rectangle((x, y), w, h, facecolor="none", edgecolor="white", lw=1.2)
    )
    if text is not None:
        ax.text(
            x + w / 2,
            y + h / 2,
            text,
            ha="center",
            va="center",
            fontsize=fontsize,
        )


def stateful_fig_batches():
    layout = example_layout()
    batches, batch_size, chunk_len = layout.shape
    length = layout.size
    fig, ax = plt.subplots(figsize=(8.4, 3.3), layout="constrained")
    ax.set_aspect("equal")
    ax.axis("off")

    step = 0.3
    strip_y = 3.6
    for k in range(batches):
        for i in range(batch_size):
            start = int(layout[k, i, 0])
            _box(
                ax,
                start * step,
                strip_y,
                chunk_len * step,
                0.5,
                STREAM_COLORS[i],
                SHADE[k],
                str(k + 1),
                fontsize=10,
            )
    for i in range(batch_size):
        left, right = (
            i * length // batch_size * step,
            (i + 1) * length // batch_size * step,
        )
        ax.plot(
            [left + 0.05, left + 0.05, right - 0.05, right - 0.05],
            [strip_y + 0.62, strip_y + 0.72, strip_y + 0.72, strip_y + 0.62],
            color="0.3",
            lw=1,
        )
        ax.text(
            (left + right) / 2,
            strip_y + 0.9,
            rf"$i = {i + 1}$",
            ha="center",
            fontsize=11,
        )
    for t in range(0, length + 1, length // batch_size):
        ax.text(
            t * step,
            strip_y - 0.22,
            str(t),
            ha="center",
            va="center",
            fontsize=9,
            color="0.3",
        )
    ax.text(
        length * step + 0.3,
        strip_y + 0.25,
        r"$t$",
        ha="left",
        va="center",
        fontsize=12,
    )

    cell, gap = 0.58, 1.15
    block_w = chunk_len * cell
    origin = (length * step - (batches * block_w + (batches - 1) * gap)) / 2
    top = 2.3
    for k in range(batches):
        x0 = origin + k * (block_w + gap)
        ax.text(
            x0 + block_w / 2,
            top + 0.35,
            rf"$k = {k + 1}$",
            ha="center",
            fontsize=11,
        )
        for i in range(batch_size):
            y = top - (i + 1) * cell
            for j in range(chunk_len):
                _box(
                    ax,
                    x0 + j * cell,
                    y,
                    cell,
                    cell,
                    STREAM_COLORS[i],
                    SHADE[k],
                    str(layout[k, i, j]),
                )
            if k + 1 < batches:
                ax.add_patch(
                    FancyArrowPatch(
                        (x0 + block_w + 0.08, y + cell / 2),
                        (x0 + block_w + gap - 0.08, y + cell / 2),
                        arrowstyle="-|>",
                        mutation_scale=12,
                        color=STATE,
                        lw=1.5,
                    )
                )
            if k == 0:
                ax.text(
                    x0 - 0.15,
                    y + cell / 2,
                    rf"$i = {i + 1}$",
                    ha="right",
                    va="center",
                    fontsize=11,
                )
    ax.set_xlim(-0.6, length * step + 0.8)
    ax.set_ylim(top - batch_size * cell - 0.2, strip_y + 1.2)
    return fig


if __name__ == "__main__":
    stateful_fig_batches().savefig("stateful_fig_batches.svg")
    print("wrote stateful_fig_batches.svg")
