import matplotlib.pyplot as plt

from classify_train import trained


def classify_fig_curves():
    result = trained("lstm")
    h, best = result["history"], result["best_epoch"]
    epochs = range(1, len(h["loss"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(7.2, 3.2), layout="constrained")
    for ax, key, label in zip(axes, ("loss", "accuracy"), (r"$\mathcal{L}$", r"$a$")):
        ax.plot(epochs, h[key], color="#3949ab", lw=2, marker="o", ms=4)
        ax.plot(epochs, h[f"val_{key}"], color="#d84315", lw=2, ls="--", marker="s", ms=4)
        ax.axvline(best, color="0.55", lw=1, ls=":")
        ax.set_xlabel(r"$e$")
        ax.set_ylabel(label)
        ax.set_xticks(list(epochs))
        ax.grid(True, color="0.9")
        ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    classify_fig_curves().savefig("classify_fig_curves.svg")
    print("wrote classify_fig_curves.svg")
