from collections import Counter

from classify_data import load_poems, split_poems
from classify_normalise import normalise

PAD, OOV = 0, 1
VOCAB_SIZE = 500


def build_vocabulary(texts, size=VOCAB_SIZE):
    """Character -> index: 0 is padding, 1 any character not in the
    vocabulary, 2 ... size - 1 the most frequent characters of texts."""
    counts = Counter("".join(texts))
    ranked = sorted(counts, key=lambda ch: (-counts[ch], ch))
    return {ch: i for i, ch in enumerate(ranked[: size - 2], start=2)}


def encode(text, vocabulary):
    return [vocabulary.get(ch, OOV) for ch in text]


def training_vocabulary(seed=0):
    """The vocabulary of the (normalised) training split only: validation
    and test poems may hold characters it has never seen, as new text would."""
    train = split_poems(load_poems(), seed)["train"]
    return build_vocabulary([normalise(p[3]) for p in train])


if __name__ == "__main__":
    splits = split_poems(load_poems())
    vocabulary = training_vocabulary()
    print("vocabulary size:", len(vocabulary) + 2, "(with 0 and 1)")
    print("most frequent:", "".join(list(vocabulary)[:30]))
    for name, poems in splits.items():
        codes = [c for p in poems for c in encode(normalise(p[3]), vocabulary)]
        share = sum(c == OOV for c in codes) / len(codes)
        print(f"{name:<10} characters out of vocabulary: {share:.1%}")
    text = normalise(splits["test"][0][3])[:12]
    print(text, "->", encode(text, vocabulary))
