import numpy as np
from classify_compare import name
from classify_data import CLASSES
from classify_results import REFERENCE, mcnemar, right
from classify_train import result, texts
from labels import label

CLASS = {"ci": ("ci", "词"), "qu": ("qu", "曲")}

if __name__ == "__main__":
    base = REFERENCE["normalised"]
    b, c, p = mcnemar(right("lstm", "normalised"), right(base, "normalised"))
    print(
        label(
            "Split 0, normalised: `LSTM(32)` right where ",
            "划分 0，规整后：`LSTM(32)` 分对而",
        )
        + name(base)
        + label(
            f" is wrong: {b} poems; the reverse: {c}; "
            f"exact McNemar p = {p:.3f}.",
            f"分错的作品 {b} 首，反过来的 {c} 首；"
            f"精确 McNemar 检验 p = {p:.3f}。",
        )
    )
    n = b + c
    needed = next(
        (
            k
            for k in range(n // 2, -1, -1)
            if mcnemar(
                [True] * k + [False] * (n - k), [False] * k + [True] * (n - k)
            )[2]
            < 0.05
        ),
        None,
    )
    if p < 0.05:
        print(
            label(
                "A difference this split can show.",
                "在这个划分上，两者的差别可以检测出来。",
            )
        )
    elif needed is None:
        print(
            label(
                f"No sign of a difference; with {n} discordant poems "
                "no split could show one.",
                f"看不出差别；只有 {n} 首意见不一的作品，怎么分都检测不出来。",
            )
        )
    else:
        print(
            label(
                f"No sign of a difference on this split: with {n} "
                f"discordant poems, p < 0.05 needs a split of "
                f"{needed} : {n - needed} or more lopsided.",
                f"在这个划分上看不出两者有差别：意见不一的作品只有 {n} 首，"
                f"要 p < 0.05，两边至少要相差到 {needed} : {n - needed}。",
            )
        )
    print()
    y = texts(0, "normalised")["test"][1].astype(int)
    guess = (
        np.array(result("lstm", 0, "normalised")["test_probability"]) > 0.5
    ).astype(int)
    print(
        "| "
        + label("true class", "真实类别")
        + " | "
        + label("predicted ", "预测为")
        + label(*CLASS["ci"])
        + " | "
        + label("predicted ", "预测为")
        + label(*CLASS["qu"])
        + " |"
    )
    print("|---|---:|---:|")
    for truth, kind in enumerate(CLASSES):
        counts = [int(np.sum((y == truth) & (guess == g))) for g in (0, 1)]
        print(f"| {label(*CLASS[kind])} | {counts[0]} | {counts[1]} |")
