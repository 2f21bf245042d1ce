import matplotlib.pyplot as plt
from gradient_norms import gradient_norms


def rnn_fig_vanishing_gradient():
    fig, ax = plt.subplots(figsize=(5.0, 3.0), layout="constrained")
    for scale, color in zip(
        (0.5, 1.0, 1.5, 3.0), ("#3949ab", "#00897b", "#c68400", "#d84315")
    ):
        norms = gradient_norms(scale)
        ax.semilogy(
            range(len(norms)),
            norms,
            color=color,
            lw=2,
            label=rf"$\|W_h\|_2 = {scale}$",
        )
    ax.axhline(1.0, color="0.6", lw=1, ls="--")
    ax.set_xlabel(r"$T - t$")
    ax.set_ylabel(r"$\|\partial h_T / \partial h_t\|_2$")
    ax.legend(frameon=False, ncols=2)
    ax.grid(True, which="major", color="0.9")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    rnn_fig_vanishing_gradient().savefig("rnn_fig_vanishing_gradient.svg")
    print("wrote rnn_fig_vanishing_gradient.svg")
