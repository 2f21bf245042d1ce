import re

import numpy as np

from classify_data import CLASSES, load_poems, split_poems

if __name__ == "__main__":
    splits = split_poems(load_poems())
    for name, poems in splits.items():
        labels = np.array([p[0] for p in poems])
        lengths = np.array([len(p[3]) for p in poems])
        print(f"{name:<10} {len(poems):>5} poems  ci {np.sum(labels == 0):>4}  "
              f"qu {np.sum(labels == 1):>4}  "
              f"median {np.median(lengths):.0f} characters, "
              f"{np.sum(lengths > 128)} over 128")
    for label, author, title, text in splits["train"][:2]:
        lines = re.sub(r"([。？！；])", r"\1\n", text).strip()
        print(f"\n{CLASSES[label]}  {author}《{title}》\n{lines}")
