import matplotlib.pyplot as plt
import numpy as np
from lstm_forward import sigmoid

SIGMOID = "#3949ab"
TANH = "#00897b"


def _open_interval(ax, x, low, high, color):
    ax.plot(
        [x, x],
        [low, high],
        color=color,
        lw=4,
        alpha=0.35,
        solid_capstyle="butt",
    )
    ax.plot([x, x], [low, high], "o", color=color, mfc="white", mew=1.8, ms=7)


def lstm_fig_activations():
    z = np.linspace(-6, 6, 121)
    fig, ax = plt.subplots(figsize=(5.0, 2.8), layout="constrained")
    for level in (-1, 0, 1):
        ax.axhline(level, color="0.75", lw=1, ls="--")
    ax.axvline(0, color="0.75", lw=1)
    ax.plot(
        z,
        sigmoid(z),
        color=SIGMOID,
        lw=2.2,
        label=r"$\sigma(z) = 1/(1+e^{-z})$",
    )
    ax.plot(z, np.tanh(z), color=TANH, lw=2.2, label=r"$\tanh(z)$")
    _open_interval(ax, 6.7, 0, 1, SIGMOID)
    _open_interval(ax, 7.3, -1, 1, TANH)
    ax.text(6.7, 1.12, r"$(0, 1)$", color=SIGMOID, ha="center", fontsize=10)
    ax.text(7.3, -1.22, r"$(-1, 1)$", color=TANH, ha="center", fontsize=10)
    ax.set_xlabel(r"$z$")
    ax.set_xlim(-6, 7.8)
    ax.set_xticks(range(-6, 7, 2))
    ax.set_ylim(-1.35, 1.3)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.legend(frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.spines["bottom"].set_bounds(-6, 6)
    return fig


if __name__ == "__main__":
    lstm_fig_activations().savefig("lstm_fig_activations.svg")
    print("wrote lstm_fig_activations.svg")
