import numpy as np

from classify_data import CLASSES, load_poems, split_poems
from classify_train import trained

if __name__ == "__main__":
    test = split_poems(load_poems())["test"]
    lstm = np.array(trained("lstm")["test_probability"])
    bag = np.array(trained("bag_of_characters")["test_probability"])
    labels = np.array([p[0] for p in test])
    wrong = np.flatnonzero((lstm > 0.5) != labels)
    disagree = np.flatnonzero(((lstm > 0.5) == labels) & ((bag > 0.5) != labels))
    sure = np.argsort(np.abs(lstm - 0.5))[::-1]
    print("class  P(qu) LSTM  P(qu) bag  poem")
    for i in [*sure[:2], *disagree[:3], *wrong[:3]]:
        print(f"{CLASSES[labels[i]]:<5}  {lstm[i]:>10.3f}  {bag[i]:>9.3f}  {test[i][3][:28]}")
    print(f"LSTM wrong on {len(wrong)} of {len(test)}; "
          f"right where the bag of characters is wrong: {len(disagree)}")
