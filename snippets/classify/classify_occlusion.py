import numpy as np
from classify_train import result, texts
from labels import label

if __name__ == "__main__":
    found = result("lstm", 0, "normalised")["occlusion"]
    poem = texts(0, "normalised")["test"][0][found["index"]]
    shift = found["probability"] - np.array(found["occluded"])
    print(poem)
    print(f"P(qu) = {found['probability']:.3f}")
    order = np.argsort(shift)
    qu = [i for i in order[::-1][:5] if shift[i] >= 0.005]
    ci = [i for i in order[:5] if shift[i] <= -0.005]
    for words, picks in (
        (("towards qu:", "推向曲："), qu),
        (("towards ci:", "推向词："), ci),
    ):
        shown = "  ".join(f"{poem[i]} {shift[i]:+.3f}" for i in picks)
        print(label(*words), shown)
