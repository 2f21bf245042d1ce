import numpy as np

from classify_compare import name
from classify_data import CLASSES
from classify_results import mcnemar, right, strongest_baseline
from classify_train import result, texts
from labels import label

CLASS = {"ci": ("ci", "词"), "qu": ("qu", "曲")}

if __name__ == "__main__":
    base = strongest_baseline("normalised")
    b, c, p = mcnemar(right("lstm", "normalised"), right(base, "normalised"))
    print(label("Split 0, normalised: `LSTM(32)` right where ",
                "划分 0，规整后：`LSTM(32)` 分对而") + name(base)
          + label(f" is wrong: {b} poems; the reverse: {c}; "
                  f"exact McNemar p = {p:.3f}.",
                  f"分错的作品 {b} 首，反过来的 {c} 首；"
                  f"精确 McNemar 检验 p = {p:.3f}。"))
    print()
    y = texts(0, "normalised")["test"][1].astype(int)
    guess = (np.array(result("lstm", 0, "normalised")["test_probability"])
             > 0.5).astype(int)
    print("| " + label("true class", "真实类别") + " | "
          + label("predicted ", "预测为") + label(*CLASS["ci"]) + " | "
          + label("predicted ", "预测为") + label(*CLASS["qu"]) + " |")
    print("|---|---:|---:|")
    for truth, kind in enumerate(CLASSES):
        counts = [int(np.sum((y == truth) & (guess == g))) for g in (0, 1)]
        print(f"| {label(*CLASS[kind])} | {counts[0]} | {counts[1]} |")
