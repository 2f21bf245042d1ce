import matplotlib.pyplot as plt
from count_params import count_params

INPUT_DIM = 16
UNITS = [2**k for k in range(10)]
CELLS = [  # label, layer, options, color, line style
    ("LSTM", "LSTM", {}, "#3949ab", "-"),
    ("GRU", "GRU", {}, "#00897b", "-"),
    ("GRU(reset_after=False)", "GRU", {"reset_after": False}, "#00897b", "--"),
    ("SimpleRNN", "SimpleRNN", {}, "#d84315", "-"),
]


def params_fig_vs_units():
    fig, (counts, ratios) = plt.subplots(
        2, 1, figsize=(5.0, 4.8), sharex=True, layout="constrained"
    )
    simple = [count_params("SimpleRNN", INPUT_DIM, h) for h in UNITS]
    for label, layer, options, color, style in CELLS:
        values = [count_params(layer, INPUT_DIM, h, **options) for h in UNITS]
        line = dict(color=color, lw=1.8, marker="o", ms=3.5)
        counts.loglog(UNITS, values, style, label=label, **line)
        ratios.semilogx(
            UNITS, [v / s for v, s in zip(values, simple)], style, **line
        )
    counts.set_ylabel(r"$P$")
    counts.text(
        0.04, 0.94, rf"$x = {INPUT_DIM}$", transform=counts.transAxes, va="top"
    )
    counts.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, 0.9))
    ratios.set_xlabel(r"$h$")
    ratios.set_ylabel(r"$P \,/\, P_{\mathrm{SimpleRNN}}$")
    ratios.set_ylim(0, 4.6)
    ratios.set_yticks(range(5))
    ratios.set_xticks(UNITS[::3], [str(h) for h in UNITS[::3]])
    for ax in (counts, ratios):
        ax.grid(True, which="major", color="0.9")
        ax.spines[["top", "right"]].set_visible(False)
    return fig


if __name__ == "__main__":
    params_fig_vs_units().savefig("params_fig_vs_units.svg")
    print("wrote params_fig_vs_units.svg")
