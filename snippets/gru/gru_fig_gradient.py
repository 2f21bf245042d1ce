import matplotlib.pyplot as plt
from gradient_norms import gradient_norms
from gru_gradients import gru_gradient_norms


def gru_fig_gradient():
    fig, ax = plt.subplots(figsize=(5.0, 3.0), layout="constrained")
    for update_bias, color in zip(
        (0.0, 2.0, 4.0), ("#3949ab", "#00897b", "#d84315")
    ):
        norms = gru_gradient_norms(update_bias)
        label = rf"$b_z = {update_bias:g}$"
        ax.semilogy(range(len(norms)), norms, color=color, lw=2, label=label)
    norms = gradient_norms(1.0)
    ax.semilogy(
        range(len(norms)),
        norms,
        color="0.55",
        lw=1.6,
        ls="--",
        label=r"$\tanh,\ \|W_h\|_2 = 1$",
    )
    ax.axhline(1.0, color="0.6", lw=1, ls=":")
    ax.set_xlabel(r"$T - t$")
    ax.set_ylabel(r"$\|\partial h_T / \partial h_t\|_2$")
    ax.legend(frameon=False, ncols=2)
    ax.grid(True, which="major", color="0.9")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    gru_fig_gradient().savefig("gru_fig_gradient.svg")
    print("wrote gru_fig_gradient.svg")
