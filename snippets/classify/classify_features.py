import numpy as np
from classify_normalise import BREAK, is_hanzi

MARKS = "，。、？！；" + BREAK


# --8<-- [start:features]
def order_free_features(text, marks=MARKS):
    """Per poem, no character and no order: the share of each mark among
    all symbols, the number of characters, and the mean and spread of the
    line lengths (characters between two marks)."""
    lines, line, characters = [], 0, 0
    for ch in text + "。":
        if is_hanzi(ch):
            line, characters = line + 1, characters + 1
        elif line:
            lines, line = lines + [line], 0
    shares = [text.count(mark) / len(text) for mark in marks]
    return np.array([*shares, characters, np.mean(lines), np.std(lines)])


# --8<-- [end:features]


if __name__ == "__main__":
    for text in ("落花人独立，微雨燕双飞。", "俺、你在那里？着甚么来！"):
        print(text)
        print(" ", order_free_features(text).round(3).tolist())
