import numpy as np

from classify_results import accuracies, compare, kinds, strongest_baseline
from classify_train import EPOCHS, SEEDS, result
from labels import label

WORDS = {
    "majority": ("majority class", "多数类"),
    "order_free_features": ("marks and line lengths", "标点与句长"),
    "bag_of_characters": ("bag of characters", "字符袋"),
}
CODE = {"simple_rnn": "`SimpleRNN(32)`", "gru": "`GRU(32)`", "lstm": "`LSTM(32)`",
        "bidirectional_lstm": "`Bidirectional(LSTM(32))`"}


def name(kind):
    """A row's name: code for a layer, words in the reader's language."""
    return label(*WORDS[kind]) if kind in WORDS else CODE[kind]
VARIANT = {"as_published": ("as published", "原样"),
           "normalised": ("normalised", "规整后")}


def cell(kind, variant):
    if kind not in kinds(variant):
        return "–"
    a = accuracies(kind, variant)
    return f"{a.mean():.3f} ± {a.std(ddof=1):.3f}"


def extra(kind):
    """Best epochs and mean CPU seconds of the normalised runs."""
    if kind == "majority":
        return "", ""
    runs = [result(kind, seed, "normalised") for seed in SEEDS]
    best = [r["best_epoch"] for r in runs if "best_epoch" in r]
    epochs = f"{min(best)}–{max(best)}" if best else ""
    seconds = np.mean([r["cpu_seconds"] for r in runs])
    return epochs, f"{seconds:.1f}"


def sentence(variant):
    """The page's conclusion for one variant, from the numbers above."""
    base = strongest_baseline(variant)
    recurrent = max(kinds(variant)[3:],
                    key=lambda k: accuracies(k, variant).mean())
    verdict = compare(accuracies(recurrent, variant), accuracies(base, variant))
    middle = {"higher": (", scores above the strongest order-free baseline, ",
                         " 高于最强的无序基线（"),
              "lower": (", scores below the strongest order-free baseline, ",
                        " 低于最强的无序基线（"),
              "level": (", is level with the strongest order-free baseline, ",
                        " 与最强的无序基线（")}[verdict]
    end = "）持平。" if verdict == "level" else "）。"
    en, zh = VARIANT[variant]
    return (label(f"{en.capitalize()}: the best recurrent model, ",
                  f"{zh}：最好的循环模型 ")
            + name(recurrent) + label(*middle) + name(base)
            + label(".", end))


def bidirectional_sentence():
    """Reading both ways against the note's LSTM, normalised, and its cost."""
    a = accuracies("bidirectional_lstm", "normalised")
    b = accuracies("lstm", "normalised")
    cost = [np.mean([result(k, s, "normalised")["cpu_seconds"] for s in SEEDS])
            for k in ("bidirectional_lstm", "lstm")]
    middle = {"higher": (" scores above ", " 高于 "),
              "lower": (" scores below ", " 低于 "),
              "level": (" is level with ", " 与 ")}[compare(a, b)]
    end = " 持平" if compare(a, b) == "level" else ""
    ratio = cost[0] / cost[1]
    return (name("bidirectional_lstm") + label(*middle) + name("lstm")
            + label(f" (normalised), at {ratio:.1f} times its CPU seconds.",
                    f"{end}（规整后），CPU 秒是它的 {ratio:.1f} 倍。"))


def budget_sentence():
    """How many trainings had their best epoch at the end of the budget."""
    runs = [(k, s) for k in kinds("normalised")[3:] for s in SEEDS]
    runs += [("lstm", s) for s in SEEDS]  # as published
    variants = (["normalised"] * (len(runs) - len(SEEDS))
                + ["as_published"] * len(SEEDS))
    last = sum(result(k, s, v)["best_epoch"] == EPOCHS
               for (k, s), v in zip(runs, variants))
    return label(f"Trainings whose best epoch was the last of the budget: "
                 f"{last} of {len(runs)}.",
                 f"最好的轮次落在预算最后一轮的训练：{last} 次（共 {len(runs)} 次）。")


if __name__ == "__main__":
    header = [label("model", "模型"),
              label("as published", "原样"), label("normalised", "规整后"),
              label(f"best epoch (of {EPOCHS})", f"最好的轮次（共 {EPOCHS}）"),
              label("CPU s", "CPU 秒")]
    print("| " + " | ".join(header) + " |")
    print("|---|---:|---:|---:|---:|")
    for kind in kinds("normalised"):
        epochs, seconds = extra(kind)
        cells = [name(kind), cell(kind, "as_published"),
                 cell(kind, "normalised"), epochs, seconds]
        print("| " + " | ".join(cells) + " |")
    for line in (sentence("as_published"), sentence("normalised"),
                 bidirectional_sentence(), budget_sentence()):
        print()
        print(line)
