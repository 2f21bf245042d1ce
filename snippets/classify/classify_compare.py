import numpy as np
from classify_results import REFERENCE, accuracies, compare, kinds
from classify_train import EPOCHS, SEEDS, result
from labels import label

WORDS = {
    "majority": ("majority class", "多数类"),
    "order_free_features": ("marks and line lengths", "标点与句长"),
    "bag_of_characters": ("bag of characters", "字符袋"),
}
CODE = {
    "simple_rnn": "`SimpleRNN(32)`",
    "gru": "`GRU(32)`",
    "lstm": "`LSTM(32)`",
    "bidirectional_lstm": "`Bidirectional(LSTM(32))`",
}


def name(kind):
    """A row's name: code for a layer, words in the reader's language."""
    return label(*WORDS[kind]) if kind in WORDS else CODE[kind]


def cell(kind, variant):
    if kind not in kinds(variant):
        return "–"
    a = 100 * accuracies(kind, variant)
    return f"{a.mean():.1f}\u00a0±\u00a0{a.std(ddof=1):.1f}"  # no break


def extra(kind):
    """Best epochs and mean CPU seconds of a recurrent layer's normalised
    runs (the baselines have neither epochs nor a comparable timing)."""
    if kind not in CODE:
        return "", ""
    runs = [result(kind, seed, "normalised") for seed in SEEDS]
    best = [r["best_epoch"] for r in runs]
    seconds = np.mean([r["cpu_seconds"] for r in runs])
    return f"{min(best)}–{max(best)}", f"{seconds:.1f}"


VERDICT = {
    "higher": ("above", "较高"),
    "lower": ("below", "较低"),
    "level": ("level", "持平"),
}


def published_sentence():
    """As published: the note's LSTM against the marks and line lengths."""
    base = REFERENCE["as_published"]
    verdict = compare(
        accuracies("lstm", "as_published"), accuracies(base, "as_published")
    )
    en = {
        "higher": "scores above",
        "lower": "scores below",
        "level": "is level with",
    }[verdict]
    zh = {"higher": "高于", "lower": "低于", "level": "与"}[verdict]
    return (
        label("As published, the note's ", "原样文本上，学习笔记中的 ")
        + name("lstm")
        + label(f" {en} the ", f" {zh}基线“")
        + name(base)
        + label(" baseline.", "”持平。" if verdict == "level" else "”。")
    )


def normalised_sentences():
    """Normalised: every recurrent layer against the bag of characters, and
    what that says about order."""
    base = REFERENCE["normalised"]
    verdicts = {
        k: compare(accuracies(k, "normalised"), accuracies(base, "normalised"))
        for k in kinds("normalised")[3:]
    }
    listed = label(", ", "，").join(
        name(k) + " " + label(*VERDICT[v]) for k, v in verdicts.items()
    )
    first = (
        label("Normalised, against the ", "规整后文本上，与")
        + name(base)
        + label(": ", "相比：")
        + listed
        + label(".", "。")
    )
    above = [k for k, v in verdicts.items() if v == "higher"]
    if not above:
        second = label(
            "None of the recurrent layers scores above it: with "
            "these data and this budget, reading the order buys "
            "nothing measurable.",
            "没有一种循环层高于它：在这份数据和这个预算下，"
            "读取字的顺序没有带来可以测出的好处。",
        )
    else:
        second = (
            label("Above it: ", "高于它的：")
            + label(", ", "、").join(name(k) for k in above)
            + label(
                ": there, reading the order helps.",
                "：在这里，读取字的顺序有帮助。",
            )
        )
    return first, second


def bidirectional_sentence():
    """Reading both ways against the note's LSTM, normalised, and its cost."""
    verdict = compare(
        accuracies("bidirectional_lstm", "normalised"),
        accuracies("lstm", "normalised"),
    )
    cost = [
        np.mean([result(k, s, "normalised")["cpu_seconds"] for s in SEEDS])
        for k in ("bidirectional_lstm", "lstm")
    ]
    ratio = cost[0] / cost[1]
    en = {
        "higher": "scores above",
        "lower": "scores below",
        "level": "is level with",
    }[verdict]
    zh = {
        "higher": ("高于 ", ""),
        "lower": ("低于 ", ""),
        "level": ("与 ", " 持平"),
    }[verdict]
    return (
        label("Normalised, ", "规整后，")
        + name("bidirectional_lstm")
        + label(f" {en} ", f" {zh[0]}")
        + name("lstm")
        + label(
            f", at {ratio:.1f} times its CPU time.",
            f"{zh[1]}，耗用的 CPU 时间却是后者的 {ratio:.1f} 倍。",
        )
    )


def budget_sentence():
    """How many trainings had their best epoch at the end of the budget."""
    runs = [
        (k, s, "normalised") for k in kinds("normalised")[3:] for s in SEEDS
    ] + [("lstm", s, "as_published") for s in SEEDS]
    last = sum(result(*run)["best_epoch"] == EPOCHS for run in runs)
    return label(
        f"Trainings whose best epoch was the last of the budget: "
        f"{last} of {len(runs)}; a longer budget might have "
        f"improved them.",
        f"在最后一轮才达到最好的训练：{last} 次（共 {len(runs)} 次）；"
        f"预算再长一些，它们也许还会更好。",
    )


if __name__ == "__main__":
    header = [
        label("model", "模型"),
        label("as published", "原样"),
        label("normalised", "规整后"),
    ]
    print("| " + " | ".join(header) + " |")
    print("|---|---:|---:|")
    for kind in kinds("normalised"):
        cells = [
            name(kind),
            cell(kind, "as_published"),
            cell(kind, "normalised"),
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    print(
        "| "
        + label("recurrent layer, normalised", "循环层（规整后）")
        + " | "
        + label(f"best epoch (of {EPOCHS})", f"最好的轮次（共 {EPOCHS} 轮）")
        + " | "
        + label("CPU s per training", "每次训练的 CPU 时间（秒）")
        + " |"
    )
    print("|---|---:|---:|")
    for kind in kinds("normalised")[3:]:
        print("| " + " | ".join([name(kind), *extra(kind)]) + " |")
    for line in (
        published_sentence(),
        *normalised_sentences(),
        bidirectional_sentence(),
        budget_sentence(),
    ):
        print()
        print(line)
