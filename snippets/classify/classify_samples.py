import numpy as np

from classify_data import CLASSES
from classify_results import strongest_baseline
from classify_train import result, texts

if __name__ == "__main__":
    poems, labels = texts(0, "normalised")["test"]
    lstm = np.array(result("lstm", 0, "normalised")["test_probability"])
    base = np.array(result(strongest_baseline("normalised"), 0,
                           "normalised")["test_probability"])
    wrong = np.flatnonzero((lstm > 0.5) != labels)
    right = (lstm > 0.5) == labels
    disagree = np.flatnonzero(right & ((base > 0.5) != labels))
    sure = np.argsort(np.abs(lstm - 0.5))[::-1]
    print("class  P(qu) LSTM  P(qu) baseline  poem")
    for i in [*sure[:2], *disagree[:3], *wrong[:3]]:
        name = CLASSES[int(labels[i])]
        print(f"{name:<5}  {lstm[i]:>10.3f}  {base[i]:>14.3f}  {poems[i][:24]}")
