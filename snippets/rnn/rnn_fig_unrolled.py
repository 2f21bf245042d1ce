import matplotlib.pyplot as plt
from cell_palette import HIGHLIGHT, STATE
from drawing import arrow, box


def rnn_fig_unrolled():
    fig, ax = plt.subplots(figsize=(8.4, 3.2), layout="constrained")
    ax.set_xlim(-0.8, 8.6)
    ax.set_ylim(-1.45, 1.55)
    ax.set_aspect("equal")
    ax.axis("off")

    # Folded: one cell with a loop back to itself.
    box(ax, 0, 0, r"$\tanh$")
    arrow(ax, (0, -1.15), (0, -0.42))
    ax.text(0, -1.32, r"$x_t$", ha="center", va="center", fontsize=13)
    arrow(ax, (0, 0.42), (0, 1.15), color=STATE)
    ax.text(0, 1.32, r"$h_t$", ha="center", va="center", fontsize=13)
    arrow(
        ax,
        (0.5, 0.2),
        (0.5, -0.2),
        color=STATE,
        connectionstyle="arc3,rad=-2.2",
    )
    ax.text(1.05, 0.45, r"$W_h$", fontsize=11, color=STATE)
    ax.text(1.65, 0, "=", ha="center", va="center", fontsize=22)

    # Unrolled: the same cell (same W_x, W_h, b) at every time step.
    steps = [(3.0, "t-1"), (5.0, "t"), (7.0, "t+1")]
    for x, t in steps:
        box(ax, x, 0, r"$\tanh$")
        arrow(ax, (x, -1.15), (x, -0.42))
        ax.text(
            x, -1.32, rf"$x_{{{t}}}$", ha="center", va="center", fontsize=13
        )
        ax.text(x + 0.1, -0.8, r"$W_x$", fontsize=10, color=HIGHLIGHT)
        arrow(ax, (x, 0.42), (x, 1.15), color=STATE)
        ax.text(x, 1.32, rf"$h_{{{t}}}$", ha="center", va="center", fontsize=13)
    for x in (2.0, 4.0, 6.0, 8.0):
        arrow(
            ax,
            (x - 0.45 if x > 2 else x + 0.05, 0),
            (x + 0.45 if x < 8 else x + 0.5, 0),
            color=STATE,
        )
    for x, label in ((4.0, r"$h_{t-1}$"), (6.0, r"$h_t$")):
        ax.text(x, 0.22, label, ha="center", fontsize=10, color=STATE)
    ax.text(2.1, 0.22, r"$h_{t-2}$", ha="center", fontsize=10, color=STATE)
    ax.text(8.1, 0.22, r"$h_{t+1}$", ha="center", fontsize=10, color=STATE)
    return fig


if __name__ == "__main__":
    rnn_fig_unrolled().savefig("rnn_fig_unrolled.svg")
    print("wrote rnn_fig_unrolled.svg")
