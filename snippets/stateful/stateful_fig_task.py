import matplotlib.pyplot as plt
import numpy as np
from stateful_task import T, trained_cue_task

TARGET = "0.15"
COLORS = {True: "#3949ab", False: "#d84315"}


def stateful_fig_task(steps=100):
    fig, axes = plt.subplots(
        2, 1, figsize=(5.0, 3.4), sharex=True, layout="constrained"
    )
    t = np.arange(steps)
    for ax, stateful, tag in zip(axes, (True, False), ("(a)", "(b)")):
        x, y, prediction = (a[0, :steps, 0] for a in trained_cue_task(stateful))
        for boundary in range(T, steps, T):
            ax.axvline(boundary - 0.5, color="0.8", lw=0.8, ls=":")
        ax.step(t, y, where="mid", color=TARGET, lw=1.6, label=r"$y_t$")
        ax.plot(
            t, prediction, color=COLORS[stateful], lw=1.8, label=r"$\hat{y}_t$"
        )
        cue = x != 0
        ax.scatter(
            t[cue],
            x[cue],
            marker="o",
            s=28,
            color=TARGET,
            zorder=3,
            label=r"$x_t \neq 0$",
        )
        ax.set_ylim(-1.7, 1.7)
        ax.set_yticks([-1, 0, 1])
        ax.text(0.005, 0.97, tag, transform=ax.transAxes, va="top", fontsize=12)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].legend(
        frameon=False, ncols=3, loc="lower right", bbox_to_anchor=(1, 0.98)
    )
    axes[1].set_xlabel(r"$t$")
    axes[1].set_xlim(-1, steps)
    return fig


if __name__ == "__main__":
    stateful_fig_task().savefig("stateful_fig_task.svg")
    print("wrote stateful_fig_task.svg")
