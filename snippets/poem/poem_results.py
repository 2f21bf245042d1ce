"""The chapter's measure: bits per token on the test poems for the n-gram
baselines and the LSTM, as a table, and the sentences drawn from it."""

import numpy as np
import poem_data
import poem_model
import poem_ngram
import trained
from labels import label
from poem_data import tokens_and_splits
from poem_model import BATCH, EPOCHS, RATE, WEIGHTS, build_model, result

RESAMPLES, BOOTSTRAP_SEED = 2000, 0
ORDERS = {"unigram": 1, "bigram": 2, "trigram": 3}

NAMES = {
    "unigram, add-k": ("unigram, add-k", "一元，加 k"),
    "bigram, add-k": ("bigram, add-k", "二元，加 k"),
    "trigram, add-k": ("trigram, add-k", "三元，加 k"),
    "bigram, interpolated": ("bigram, interpolated", "二元，插值"),
    "trigram, interpolated": ("trigram, interpolated", "三元，插值"),
    "trigram, Kneser-Ney": ("trigram, Kneser–Ney", "三元，Kneser–Ney"),
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
    if "d" in s:
        return f"D = {s['d']:g}"
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
    """The baseline with the fewest validation bits (the rule the figure
    uses; the test set makes no choice), as (name, its test bits in a
    column: 2, all tokens; 3, characters only)."""
    found = baseline_results()
    name = min(found, key=lambda n: found[n]["validation"])
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
            f"than the best baseline on validation ({en}).",
            f"{where_zh}，LSTM 每个词元比在验证集上最好的基线（{zh}）"
            f"少用 {gap:.2f} 比特。",
        )
    if gap < 0:
        return label(
            f"{where_en}, the best baseline on validation ({en}) needs "
            f"{-gap:.2f} bits per token fewer than the LSTM.",
            f"{where_zh}，在验证集上最好的基线（{zh}）每个词元比 LSTM "
            f"少用 {-gap:.2f} 比特。",
        )
    return label(
        f"{where_en}, the LSTM and the best baseline on validation ({en}) "
        "are level to two decimals.",
        f"{where_zh}，LSTM 与在验证集上最好的基线（{zh}）在两位小数上持平。",
    )


def line_end_bits():
    """Bits per line end ("，" or "。") on the test poems, for the LSTM and
    the baseline best on validation, from the table's two columns: the
    all-tokens sum less the characters-only sum, over the line ends."""
    tokens, data = tokens_and_splits()
    targets = [t for poem in data["test"] for t in poem[1:]]
    ends = sum(t <= 2 for t in targets)
    chars = len(targets) - ends
    name, _ = best_baseline(2)
    lstm = result()["test_bits"]
    pairs = {
        "LSTM": (lstm["all"], lstm["characters"]),
        name: tuple(baseline_results()[name]["test"]),
    }
    return {
        who: (every * len(targets) - alone * chars) / ends
        for who, (every, alone) in pairs.items()
    }


def line_end_sentence():
    (lstm, base), name = line_end_bits().values(), best_baseline(2)[0]
    en, zh = NAMES[name]
    return label(
        f"At the line ends alone, the LSTM needs {lstm:.2f} bits per token, "
        f"the best baseline on validation ({en}) {base:.2f}.",
        f"只计行尾的“，”和“。”，LSTM 每个词元用 {lstm:.2f} 比特，"
        f"在验证集上最好的基线（{zh}）用 {base:.2f} 比特。",
    )


def per_poem_bits(name):
    """For each test poem, its summed -log2 p over the characters (not the
    line ends) and how many characters it has, under the LSTM (name None)
    or the named baseline with its chosen setting."""
    tokens, data = tokens_and_splits()
    test, v = data["test"], len(tokens)
    if name is None:
        run = result()
        model = build_model(v)
        model.set_weights([np.asarray(run[k], np.float32) for k in WEIGHTS])
        sums = []
        for poem in test:  # one poem at a time: order kept, no padding
            x = np.array([poem[:-1]], dtype="int32")
            logits = model.predict_on_batch(x).astype(np.float64)[0]
            y = np.array(poem[1:])
            log2p = poem_model.log2_probabilities(logits, y)
            sums.append(-log2p[y > 2].sum())
        sums = np.array(sums)
    else:
        rows = poem_ngram.windows(test, 3)
        s = baseline_results()[name]["setting"]
        train = data["train"]
        order = ORDERS[name.split(",")[0]]
        if "d" in s:
            p = poem_ngram.kneser_ney(train, rows, v, s["d"])
        elif "lambda" in s:
            estimates = [poem_ngram.add_k(train, rows, v, 1, s["k"])] + [
                poem_ngram.counted(train, rows, v, n) for n in (2, 3)
            ]
            p = poem_ngram.interpolated(estimates[:order], s["lambda"])
        else:
            p = poem_ngram.add_k(train, rows, v, order, s["k"])
        poem_of = np.repeat(np.arange(len(test)), [len(q) - 1 for q in test])
        bits = np.where(rows[:, -1] > 2, -np.log2(p), 0.0)
        sums = np.bincount(poem_of, weights=bits, minlength=len(test))
    counts = np.array([sum(t > 2 for t in poem) for poem in test])
    return sums, counts


def bootstrap():
    """The characters-only gap, best baseline minus LSTM, on the test poems
    and its 95% interval over RESAMPLES resamplings of the test poems
    (seeded): how much the gap moves with the choice of test poems, the
    two trained models held fixed; not another seed or another split."""
    sources = [
        poem_data.__file__,
        poem_ngram.__file__,
        poem_model.__file__,
        trained.__file__,
        globals().get("__file__"),  # a notebook cell has none
    ]

    def compute():
        name, _ = best_baseline(3)
        base, counts = per_poem_bits(name)
        lstm, _ = per_poem_bits(None)
        rng = np.random.default_rng(BOOTSTRAP_SEED)
        picks = rng.integers(0, len(counts), (RESAMPLES, len(counts)))
        n = counts[picks].sum(axis=1)
        gaps = (base[picks].sum(axis=1) - lstm[picks].sum(axis=1)) / n
        low, high = np.percentile(gaps, [2.5, 97.5])
        gap = (base.sum() - lstm.sum()) / counts.sum()
        return {"name": name, "gap": gap, "interval": [low, high]}

    return trained.kept("poem-bootstrap", sources, compute)


def bootstrap_sentence():
    """The characters-only gap and its interval, in one sentence with one
    value of the gap (the bootstrap's, unrounded until printed)."""
    b = bootstrap()
    en, zh = NAMES[b["name"]]
    low, high, gap = *b["interval"], b["gap"]
    if gap > 0:
        en_says = (
            f"the LSTM needs {gap:.2f} bits per character fewer than the "
            f"best baseline on validation ({en})"
        )
        zh_says = (
            f"LSTM 每个汉字比在验证集上最好的基线（{zh}）少用 {gap:.2f} 比特"
        )
    else:
        en_says = (
            f"the best baseline on validation ({en}) needs {-gap:.2f} bits "
            "per character fewer than the LSTM"
        )
        zh_says = (
            f"在验证集上最好的基线（{zh}）每个汉字比 LSTM 少用 {-gap:.2f} 比特"
        )
    return label(
        f"On the characters alone, {en_says}; over {RESAMPLES} "
        f"resamplings of the test poems (seed {BOOTSTRAP_SEED}) the 95% "
        f"interval of this gap is [{low:.2f}, {high:.2f}].",
        f"只计汉字，{zh_says}；把测试诗有放回地重抽 {RESAMPLES} 次"
        f"（种子 {BOOTSTRAP_SEED}），这个差的 95% 区间为 "
        f"[{low:.2f}, {high:.2f}]。",
    )


RISE, AFTER = 0.02, 2  # bits and epochs: a rise the curve sentence names


def curve_sentence(run=None):
    """What the learning curves show, in words, from the run's history
    (the chapter's run unless one is given). It speaks of memorising only
    when the validation bits end at least RISE bits above their minimum
    and the minimum is at least AFTER epochs before the last; the training
    bits are each epoch's mean batch loss, measured while it trains."""
    run = result() if run is None else run
    train, valid = run["history"]["train"], run["history"]["validation"]
    best, last = run["best_epoch"], len(valid)
    gap = valid[-1] - train[-1]
    low, rise = valid[best - 1], valid[-1] - valid[best - 1]
    if best == last:
        return label(
            f"The validation bits are still lowest at the end of the last "
            f"epoch ({valid[-1]:.2f}), {gap:.2f} bits above the training "
            f"bits: the {last} epochs are the budget fixed in advance, and "
            "whether more would still help, this run cannot say.",
            f"验证集上的比特数到最后一轮结束时仍是最低（{valid[-1]:.2f}），"
            f"比训练集高 {gap:.2f} 比特：{last} 轮是事先定的预算，"
            "再多训几轮还会不会降，这次运行回答不了。",
        )
    if rise >= RISE and best <= last - AFTER:
        return label(
            f"The validation bits are lowest at the end of epoch {best} of "
            f"{last} ({low:.2f}) and {rise:.2f} bits higher at the end of "
            "the last, while the training bits keep falling; at the last "
            f"epoch the training bits (the mean of its batch losses) are "
            f"{gap:.2f} below the validation bits: the model has begun to "
            "learn the training poems themselves.",
            f"验证集上的比特数在第 {best} 轮（共 {last} 轮）结束时最低"
            f"（{low:.2f}），到最后一轮回升了 {rise:.2f} 比特，"
            "训练集上的却一直在降；最后一轮，训练集（各批损失在这一轮里的"
            f"平均）比验证集低 {gap:.2f} 比特：模型已经开始记住训练诗本身。",
        )
    return label(
        f"The validation bits are lowest at the end of epoch {best} of "
        f"{last} ({low:.2f}) and hardly change after it; at the last epoch "
        f"the training bits (the mean of its batch losses) are {gap:.2f} "
        "below the validation bits.",
        f"验证集上的比特数在第 {best} 轮（共 {last} 轮）结束时最低"
        f"（{low:.2f}），此后几乎不变；最后一轮，训练集（各批损失在这一轮里"
        f"的平均）比验证集低 {gap:.2f} 比特。",
    )


def training_sentence():
    """How the LSTM was trained and what it cost, in the run that trained
    it (CPU seconds of the training loop, all threads summed; they depend
    on the machine and its load)."""
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
    print(comparison(2))
    print()
    print(bootstrap_sentence())
    print()
    print(line_end_sentence())
    print()
    print(training_sentence())
