import matplotlib.pyplot as plt
from training_exploding import input_gradient_norms


def training_fig_exploding():
    fig, ax = plt.subplots(figsize=(5.0, 3.0), layout="constrained")
    colors = ("#3949ab", "#00897b", "#c68400", "#d84315")
    for rho, color in zip((0.8, 1.0, 1.25, 1.5), colors):
        norms = input_gradient_norms(rho)
        ax.semilogy(
            range(len(norms)),
            norms,
            color=color,
            lw=2,
            label=rf"$\rho = {rho}$",
        )
    ax.set_xlabel(r"$T - t$")
    ax.set_ylabel(r"$\|\partial L / \partial x_t\|_2$")
    ax.legend(frameon=False, ncols=2)
    ax.grid(True, which="major", color="0.9")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    training_fig_exploding().savefig("training_fig_exploding.svg")
    print("wrote training_fig_exploding.svg")
