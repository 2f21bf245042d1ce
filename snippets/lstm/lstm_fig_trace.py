import matplotlib.pyplot as plt
import numpy as np
from lstm_trace import (
    READ,
    STORE,
    VALUE,
    memory_cell_weights,
    memory_sequence,
    trace,
)

STORE_COLOR = "#3949ab"
READ_COLOR = "#d84315"
STATE_COLOR = "#00897b"


def lstm_fig_trace():
    x = memory_sequence()
    states = trace(x, *memory_cell_weights())
    t = np.arange(1, len(x) + 1)
    stored, read = x[:, STORE] == 1, x[:, READ] == 1
    fig, (top, middle, bottom) = plt.subplots(
        3,
        1,
        figsize=(5.0, 4.6),
        sharex=True,
        layout="constrained",
        height_ratios=(1.1, 0.7, 1.3),
    )
    for ax in (top, bottom):
        for step, color in [(s, STORE_COLOR) for s in t[stored]] + [
            (s, READ_COLOR) for s in t[read]
        ]:
            ax.axvspan(step - 0.5, step + 0.5, color=color, alpha=0.13, lw=0)
        ax.axhline(0, color="0.75", lw=1)
        ax.spines[["top", "right"]].set_visible(False)

    top.vlines(t, 0, x[:, VALUE], color="0.6", lw=1.4)
    top.plot(t, x[:, VALUE], "o", color="0.4", ms=3.5, label=r"$v_t$")
    top.plot(
        t[stored],
        x[stored, VALUE],
        "o",
        color=STORE_COLOR,
        ms=7,
        label=r"$s_t = 1$",
    )
    top.plot(
        t[read], x[read, VALUE], "s", color=READ_COLOR, ms=6, label=r"$r_t = 1$"
    )
    top.set_ylim(-1.15, 1.15)
    top.legend(
        frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=10
    )

    gates = np.stack([states["i"], states["f"], states["o"]])
    image = middle.imshow(
        gates,
        aspect="auto",
        cmap="Blues",
        vmin=0,
        vmax=1,
        interpolation="nearest",
        extent=(0.5, len(x) + 0.5, 2.5, -0.5),
    )
    middle.set_yticks([0, 1, 2], [r"$i_t$", r"$f_t$", r"$o_t$"])
    middle.tick_params(length=0)
    fig.colorbar(image, ax=middle, ticks=[0, 1], aspect=6, pad=0.02)

    bottom.plot(
        t,
        states["c"],
        color=STATE_COLOR,
        lw=2.2,
        drawstyle="steps-mid",
        label=r"$c_t$",
    )
    bottom.plot(t, states["h"], color="black", lw=1, drawstyle="steps-mid")
    bottom.plot(t, states["h"], "o", color="black", ms=3.5, label=r"$h_t$")
    bottom.set_ylim(-1.0, 1.0)
    bottom.set_xlabel(r"$t$")
    bottom.set_xlim(0.5, len(x) + 0.5)
    bottom.legend(
        frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=10
    )
    return fig


if __name__ == "__main__":
    lstm_fig_trace().savefig("lstm_fig_trace.svg")
    print("wrote lstm_fig_trace.svg")
