import matplotlib.pyplot as plt
from classify_train import result


def curves(key, symbol):
    """One quantity of the note's LSTM after each epoch: training (solid)
    and validation (dashed); dotted, the epoch whose weights were kept."""
    run = result("lstm", 0, "normalised")
    h, best = run["history"], run["best_epoch"]
    epochs = range(1, len(h["loss"]) + 1)
    fig, ax = plt.subplots(figsize=(5.0, 2.8), layout="constrained")
    ax.plot(epochs, h[key], color="#3949ab", lw=2, marker="o", ms=4)
    ax.plot(
        epochs,
        h[f"val_{key}"],
        color="#d84315",
        lw=2,
        ls="--",
        marker="s",
        ms=4,
    )
    ax.axvline(best, color="0.45", lw=1, ls=":")
    ax.set_xlabel(r"$e$")
    ax.set_ylabel(symbol)
    ax.set_xticks(list(epochs))
    ax.grid(True, color="0.9")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def classify_fig_curves():
    return curves("loss", r"$L$")


if __name__ == "__main__":
    classify_fig_curves().savefig("classify_fig_curves.svg")
    print("wrote classify_fig_curves.svg")
