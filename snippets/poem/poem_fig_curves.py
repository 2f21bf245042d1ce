import matplotlib.pyplot as plt
from poem_model import result
from poem_results import baseline_results


def poem_fig_curves():
    """Bits per token after each epoch, on the training set (solid) and the
    validation set (dashed); dotted vertical, the epoch kept; dotted
    horizontal, the n-gram model with the fewest validation bits."""
    run = result()
    h, best = run["history"], run["best_epoch"]
    trigram = min(b["validation"] for b in baseline_results().values())
    epochs = range(1, len(h["train"]) + 1)
    fig, ax = plt.subplots(figsize=(5.0, 2.8), layout="constrained")
    ax.plot(epochs, h["train"], color="#3949ab", lw=2, marker="o", ms=4)
    ax.plot(
        epochs,
        h["validation"],
        color="#d84315",
        lw=2,
        ls="--",
        marker="s",
        ms=4,
    )
    ax.axhline(trigram, color="#2e7d32", lw=1.5, ls=":")
    ax.axvline(best, color="0.45", lw=1, ls=":")
    ax.set_xlabel(r"$e$")
    ax.set_ylabel(r"$b$")
    ax.set_xticks(list(epochs))
    ax.grid(True, color="0.9")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    poem_fig_curves().savefig("poem_fig_curves.svg")
    print("wrote poem_fig_curves.svg")
