import re

import numpy as np
from classify_data import load_poems, split_poems
from classify_normalise import normalise
from labels import label

CLASS = {0: ("ci", "词"), 1: ("qu", "曲")}
SPLIT = {
    "train": ("train", "训练集"),
    "validation": ("validation", "验证集"),
    "test": ("test", "测试集"),
}

if __name__ == "__main__":
    splits = split_poems(load_poems())
    for name, poems in splits.items():
        labels = np.array([p[0] for p in poems])
        steps = np.array([len(normalise(p[3])) for p in poems])
        print(
            label(*SPLIT[name])
            + f"  {len(poems)}"
            + label(" poems: ci ", " 首：词 ")
            + f"{np.sum(labels == 0)}"
            + label(", qu ", "，曲 ")
            + f"{np.sum(labels == 1)}"
            + label("; median ", "；规整后长度的中位数 ")
            + f"{np.median(steps):.0f}"
            + label(" steps normalised, ", " 步，")
            + f"{np.sum(steps > 128)}"
            + label(" over 128", " 首超过 128")
        )
    for tag, author, title, text in splits["train"][:2]:
        lines = re.sub(r"([。？！；])", r"\1\n", text).strip()
        print(f"\n{label(*CLASS[tag])}  {author}《{title}》\n{lines}")
