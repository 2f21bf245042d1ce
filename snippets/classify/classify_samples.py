import numpy as np
from classify_results import REFERENCE
from classify_train import result, texts
from labels import label

if __name__ == "__main__":
    poems, labels = texts(0, "normalised")["test"]
    lstm = np.array(result("lstm", 0, "normalised")["test_probability"])
    base = np.array(
        result(REFERENCE["normalised"], 0, "normalised")["test_probability"]
    )
    wrong = np.flatnonzero((lstm > 0.5) != labels)
    right = (lstm > 0.5) == labels
    disagree = np.flatnonzero(right & ((base > 0.5) != labels))
    sure = np.argsort(np.abs(lstm - 0.5))[::-1]
    print(
        label(
            "class  P(qu) LSTM  P(qu) bag  poem",
            "类别  LSTM 的 P(曲)  字符袋的 P(曲)  作品",
        )
    )
    for i in [*sure[:2], *disagree[:3], *wrong[:3]]:
        name = label(*(("ci", "词"), ("qu", "曲"))[int(labels[i])])
        print(f"{name}  {lstm[i]:.3f}  {base[i]:.3f}  {poems[i][:24]}")
