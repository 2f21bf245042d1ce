import numpy as np

from classify_train import result, texts

if __name__ == "__main__":
    found = result("lstm", 0, "normalised")["occlusion"]
    poem = texts(0, "normalised")["test"][0][found["index"]]
    shift = found["probability"] - np.array(found["occluded"])
    print(poem)
    print(f"P(qu) = {found['probability']:.3f}")
    order = np.argsort(shift)
    for name, picks in (("-> qu", order[::-1][:5]), ("-> ci", order[:3])):
        print(name, "  ".join(f"{poem[i]} {shift[i]:+.3f}" for i in picks))
