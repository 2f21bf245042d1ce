"""How the chapter prints its trained results: Markdown tables labelled in the
reader's language (labels.py). The page shows the training and never this
module; seq2seq_train.py imports it."""

import numpy as np
from labels import label


def _text(digits):
    return "".join(map(str, digits))


def scores_tables(runs, n_train, n_test):
    """runs: {"reverse": train_seq2seq(...), "copy":
    train_seq2seq(reverse=False)}."""
    r = runs["reverse"]
    length = len(r["test"][0])
    lines = [
        label(
            f"Reversing: {n_train} training strings, "
            f"{n_test} unseen test strings of {length} digits.",
            f"反转：{n_train} 条训练串，"
            f"{n_test} 条未见过的 {length} 位测试串。",
        ),
        "",
    ]
    lines.append(
        f"| {label('decoder input', '解码器的输入')} "
        f"| {label('per digit', '逐位准确率')} "
        f"| {label('whole string', '整串准确率')} |"
    )
    lines.append("|---|---:|---:|")
    rows = (
        (
            "forced",
            "the true previous digits (teacher forcing)",
            "真实的上一位（教师强制）",
        ),
        (
            "greedy",
            "its own previous outputs (greedy decoding)",
            "自己上一步的输出（贪心解码）",
        ),
    )
    for name, en, zh in rows:
        lines.append(
            f"| {label(en, zh)} | {r[name]['digit']:.3f} "
            f"| {r[name]['string']:.3f} |"
        )

    test, greedy = np.array(r["test"]), np.array(r["decoded"])
    target = test[:, ::-1]
    wrong = np.flatnonzero(np.any(greedy != target, axis=1))
    lines += [
        "",
        label(
            "Greedy decoding of the first five test strings and of the first "
            f"one it gets wrong ({len(wrong)} wrong in all):",
            "贪心解码前五条测试串，"
            f"以及第一条出错的串（共错 {len(wrong)} 条）：",
        ),
        "",
    ]
    lines.append(
        f"| {label('input', '输入')} | {label('output', '输出')} | "
        f"{label('target', '目标')} |"
    )
    lines.append("|---|---|---|")
    for i in [*range(min(5, len(test))), *(w for w in wrong[:1] if w >= 5)]:
        mark = "" if np.array_equal(greedy[i], target[i]) else " ✗"
        lines.append(
            f"| `{_text(test[i])}` | `{_text(greedy[i])}`{mark} | "
            f"`{_text(target[i])}` |"
        )

    lines += [
        "",
        label(
            "Share of test strings right at each output position, the same "
            "model and seed trained to reverse and to copy:",
            "每个输出位置上答对的测试串比例"
            "（同样的模型和种子，分别训练反转和复制两个任务）：",
        ),
        "",
    ]
    lines.append(
        f"| {label('task', '任务')} "
        f"| {label('decoder input', '解码器的输入')} | "
        + " | ".join(f"$y_{i}$" for i in range(1, length + 1))
        + f" | {label('whole string', '整串')} |"
    )
    lines.append("|---|---|" + "---:|" * (length + 1))
    tasks = (("reverse", "reverse", "反转"), ("copy", "copy", "复制"))
    inputs = (
        ("forced", "teacher forcing", "教师强制"),
        ("greedy", "greedy", "贪心解码"),
    )
    for task, en, zh in tasks:
        for name, input_en, input_zh in inputs:
            scores = runs[task][name]
            cells = [f"{v:.3f}" for v in scores["position"]] + [
                f"{scores['string']:.3f}"
            ]
            lines.append(
                f"| {label(en, zh)} | {label(input_en, input_zh)} | "
                + " | ".join(cells)
                + " |"
            )

    n = len(r["test"])
    behind = (
        np.array(runs["reverse"]["greedy"]["position"])
        - runs["copy"]["greedy"]["position"]
    )
    clear = 10 / n  # ten strings of the test set
    first = next(
        (i for i in range(length) if np.all(behind[i:] >= clear)), None
    )
    if first is None:
        lines += [
            "",
            label(
                "In this one run, greedy copying is not behind reversing by "
                "ten test strings or more at every position from some "
                "position on.",
                "在这一次运行中，贪心解码的复制并没有从某一位起，"
                "在每个位置上都比反转少答对十条以上。",
            ),
        ]
    else:
        lines += [
            "",
            label(
                "In this one run, greedy copying gets at least ten fewer of "
                f"the {n} test strings right than reversing at every "
                f"position from $y_{first + 1}$ on.",
                f"在这一次运行中，从 $y_{first + 1}$ 起的每个位置上，"
                "贪心解码的复制答对的测试串都比反转少，"
                f"差距不少于十条（共 {n} 条）。",
            ),
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    fake = {
        "test": [[1, 2, 3], [4, 5, 6]],
        "decoded": [[3, 2, 1], [6, 4, 4]],
        "forced": {"digit": 0.9, "string": 0.5, "position": [1.0, 1.0, 0.5]},
        "greedy": {"digit": 0.8, "string": 0.5, "position": [1.0, 0.5, 0.5]},
    }
    print(scores_tables({"reverse": fake, "copy": fake}, 2, 2))
