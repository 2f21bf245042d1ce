"""The comparison's numbers over the seeds, the paired test and the
sentences a page draws from them."""

from math import comb, sqrt

import numpy as np
from classify_model import KINDS
from classify_train import BASELINES, SEEDS, VARIANTS, result, texts

RECURRENT = {"as_published": ("lstm",), "normalised": KINDS}


def majority(seed, variant="normalised"):
    """Always answer the class most frequent in this split's training set."""
    splits = texts(seed, variant)
    guess = float(splits["train"][1].mean() > 0.5)
    return float(np.mean(splits["test"][1] == guess))


def accuracies(kind, variant):
    """Test accuracy for each seed (each seed: a split and initial weights)."""
    if kind == "majority":
        return np.array([majority(seed, variant) for seed in SEEDS])
    return np.array(
        [result(kind, seed, variant)["test_accuracy"] for seed in SEEDS]
    )


def kinds(variant):
    return ("majority", *BASELINES, *RECURRENT[variant])


# The order-free model each comparison is made against, fixed in advance:
# as published, the marks and line lengths (built to catch the editors);
# normalised, the bag of characters (the same characters, without order).
REFERENCE = {
    "as_published": "order_free_features",
    "normalised": "bag_of_characters",
}


def strongest_baseline(variant):
    """The baseline with the highest mean test accuracy (a reading of the
    results, not a choice the comparison depends on)."""
    return max(BASELINES, key=lambda k: accuracies(k, variant).mean())


# --8<-- [start:mcnemar]
def mcnemar(right_a, right_b):
    """Exact McNemar test on paired outcomes: only the poems where exactly
    one of the two is right count; under 'equally good' each such poem is
    a fair coin. Returns (a right only, b right only, two-sided p)."""
    right_a, right_b = np.asarray(right_a, bool), np.asarray(right_b, bool)
    if right_a.shape != right_b.shape:
        raise ValueError(
            f"expected two equal shapes, got {right_a.shape} "
            f"and {right_b.shape}"
        )
    b, c = int(np.sum(right_a & ~right_b)), int(np.sum(~right_a & right_b))
    n, k = b + c, min(b, c)
    tail = sum(comb(n, i) for i in range(k + 1)) / 2**n if n else 1.0
    return b, c, min(1.0, 2 * tail)


# --8<-- [end:mcnemar]


def right(kind, variant, seed=0):
    """Which test poems of the seed's split the model classifies right."""
    y = texts(seed, variant)["test"][1]
    p = np.array(result(kind, seed, variant)["test_probability"])
    return (p > 0.5) == y


def compare(a, b):
    """'higher', 'lower' or 'level': a against b on the same seeds (paired),
    level when the mean of the per-seed differences is within two standard
    errors of it (a rule of thumb, not a significance test)."""
    d = np.asarray(a) - np.asarray(b)
    se = d.std(ddof=1) / sqrt(len(d))
    return (
        "level"
        if abs(d.mean()) <= 2 * se
        else ("higher" if d.mean() > 0 else "lower")
    )


if __name__ == "__main__":
    for variant in VARIANTS:
        for kind in kinds(variant):
            a = accuracies(kind, variant)
            print(
                f"{variant:<13} {kind:<20} {a.mean():.3f} ± {a.std(ddof=1):.3f}"
            )
