"""The chapter's measure: bits per token on the test poems for the n-gram
baselines and the LSTM, as a table, and the sentences drawn from it."""

import poem_data
import poem_ngram
import trained
from labels import label
from poem_data import tokens_and_splits
from poem_model import BATCH, EPOCHS, RATE, result

NAMES = {
    "unigram, add-k": ("unigram, add-k", "一元，加 k"),
    "bigram, add-k": ("bigram, add-k", "二元，加 k"),
    "trigram, add-k": ("trigram, add-k", "三元，加 k"),
    "bigram, interpolated": ("bigram, interpolated", "二元，插值"),
    "trigram, interpolated": ("trigram, interpolated", "三元，插值"),
}


def baseline_results():
    """poem_ngram.baselines() on the chapter's split, computed once."""
    sources = [poem_data.__file__, poem_ngram.__file__, trained.__file__]

    def compute():
        tokens, data = tokens_and_splits()
        return poem_ngram.baselines(
            data["train"], data["validation"], data["test"], len(tokens)
        )

    return trained.kept("poem-ngram", sources, compute)


def setting(found):
    s = found["setting"]
    if "lambda" in s:
        weights = ", ".join(f"{w:g}" for w in s["lambda"])
        return f"λ = ({weights}), k = {s['k']:g}"
    return f"k = {s['k']:g}"


def rows():
    """(name, setting, bits over all tokens, bits over characters only)."""
    out = [
        (label(*NAMES[name]), setting(found), *found["test"])
        for name, found in baseline_results().items()
    ]
    lstm = result()
    out.append(
        (
            "LSTM",
            label(
                f"epoch {lstm['best_epoch']} of {EPOCHS}",
                f"第 {lstm['best_epoch']} 轮（共 {EPOCHS} 轮）",
            ),
            lstm["test_bits"]["all"],
            lstm["test_bits"]["characters"],
        )
    )
    return out


def best_baseline(column):
    """The baseline with the fewest test bits in a column (2: all tokens,
    3: characters only), as (name, bits)."""
    found = baseline_results()
    name = min(found, key=lambda n: found[n]["test"][column - 2])
    return name, found[name]["test"][column - 2]


def comparison(column):
    """The LSTM against the best baseline in one column, in words, at the
    precision the table shows."""
    name, base = best_baseline(column)
    lstm = result()["test_bits"]["all" if column == 2 else "characters"]
    en, zh = NAMES[name]
    where_en, where_zh = (
        ("Over all tokens", "按全部词元计")
        if column == 2
        else ("On the characters alone", "只计汉字")
    )
    gap = round(base, 2) - round(lstm, 2)
    if gap > 0:
        return label(
            f"{where_en}, the LSTM needs {gap:.2f} bits per token fewer "
            f"than the best baseline ({en}).",
            f"{where_zh}，LSTM 每个词元比最好的基线（{zh}）"
            f"少用 {gap:.2f} 比特。",
        )
    if gap < 0:
        return label(
            f"{where_en}, the best baseline ({en}) needs {-gap:.2f} bits "
            "per token fewer than the LSTM.",
            f"{where_zh}，最好的基线（{zh}）每个词元比 LSTM "
            f"少用 {-gap:.2f} 比特。",
        )
    return label(
        f"{where_en}, the LSTM and the best baseline ({en}) are level to "
        "two decimals.",
        f"{where_zh}，LSTM 与最好的基线（{zh}）在两位小数上持平。",
    )


def training_sentence():
    """How the LSTM was trained and what it cost, in the run that trained
    it (CPU seconds of the training loop; on a loaded machine, so a bound
    rather than a speed)."""
    run = result()
    seconds = round(run["cpu_seconds"])
    return label(
        f"The LSTM: {run['parameters']:,} parameters, Adam at {RATE}, "
        f"batches of {BATCH}, {EPOCHS} epochs, {seconds} CPU seconds of "
        "training.",
        f"LSTM：{run['parameters']:,} 个参数，Adam，学习率 {RATE}，"
        f"每批 {BATCH} 首，{EPOCHS} 个轮次，训练用了 {seconds} CPU 秒。",
    )


def table():
    header = label(
        "| model | smoothing (chosen on validation) | bits per token, "
        "all | perplexity | bits per token, characters only |",
        "| 模型 | 平滑（在验证集上选定） | 每词元比特（全部） | 困惑度 "
        "| 每词元比特（只计汉字） |",
    )
    lines = [header, "|---|---|--:|--:|--:|"]
    for name, how, every, characters in rows():
        lines.append(
            f"| {name} | {how} | {every:.2f} | {2**every:.0f} "
            f"| {characters:.2f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
    print()
    print(comparison(2) + label(" ", "") + comparison(3))
    print()
    print(training_sentence())
