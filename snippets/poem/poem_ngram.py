"""Count-based language models in NumPy: the baselines the LSTM is
measured against, on the same tokens and the same split.

A model of order n predicts a token from the n - 1 tokens before it (the
start token fills in before the poem begins). Its probabilities are over the
V - 1 tokens that can follow (every token but the start token)."""

import numpy as np

ADD_K = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001)  # the k tried
LAMBDA_STEP = 0.05  # the grid of interpolation weights tried
DISCOUNTS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)  # Kneser-Ney's D


# --8<-- [start:count]
def windows(sequences, order):
    """(context..., next) for every predicted token, as rows of `order`
    token indices."""
    rows = []
    for s in sequences:
        s = np.asarray(s)
        if order == 1:
            rows.append(s[1:, None])
        else:
            padded = np.concatenate([np.zeros(order - 2, int), s])
            rows.append(np.lib.stride_tricks.sliding_window_view(padded, order))
    return np.concatenate(rows)


def codes(rows, vocabulary):
    """Each row of token indices as one integer (base `vocabulary`)."""
    out = np.zeros(len(rows), dtype=np.int64)
    for column in rows.T:
        out = out * vocabulary + column
    return out


def count_of(table, keys):
    """How often each key occurs in a (sorted keys, counts) table."""
    known, counts = table
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, counts[at], 0)


def add_k(train, rows, vocabulary, order, k):
    """p(next | context) = (c(context, next) + k) / (c(context) + k(V - 1))
    for each row (context..., next)."""
    seen = codes(windows(train, order), vocabulary)
    pairs = np.unique(seen, return_counts=True)
    contexts = np.unique(seen // vocabulary, return_counts=True)
    key = codes(rows[:, -order:], vocabulary)
    together = count_of(pairs, key)
    context = count_of(contexts, key // vocabulary) if order > 1 else len(seen)
    return (together + k) / (context + k * (vocabulary - 1))


# --8<-- [end:count]


# --8<-- [start:interpolate]
def counted(train, rows, vocabulary, order):
    """The maximum-likelihood c(context, next) / c(context), NaN where the
    context never occurs in training."""
    seen = codes(windows(train, order), vocabulary)
    pairs = np.unique(seen, return_counts=True)
    contexts = np.unique(seen // vocabulary, return_counts=True)
    key = codes(rows[:, -order:], vocabulary)
    context = count_of(contexts, key // vocabulary).astype(float)
    together = count_of(pairs, key)
    return np.divide(
        together, context, out=np.full(len(rows), np.nan), where=context > 0
    )


def interpolated(estimates, weights):
    """λ1 p1 + λ2 p2 + ... over the estimates of each order (p1 the add-k
    unigram, the others counted). Where an order has no estimate (NaN: its
    context never occurs in training), its weight goes to the others in
    proportion, so the probabilities still sum to one."""
    mixed, total = np.zeros(len(estimates[0])), np.zeros(len(estimates[0]))
    for p, weight in zip(estimates, weights):
        known = ~np.isnan(p)
        mixed += np.where(known, weight * np.nan_to_num(p), 0)
        total += np.where(known, weight, 0)
    return mixed / total


# --8<-- [end:interpolate]


# --8<-- [start:kneser-ney]
def grouped(keys, by):
    """For each key of `by`: how many of `keys` (each counted once) fall in
    its group, as a (sorted groups, counts) table for count_of."""
    return np.unique(np.unique(keys) // by, return_counts=True)


def kneser_ney(train, rows, vocabulary, d):
    """Interpolated Kneser-Ney trigram with one discount d (Chen & Goodman
    1999): every order takes d off each count it has seen and hands the
    mass it freed to the order below. Below the trigram, a token's count is
    the number of distinct tokens seen before it (its continuations); below
    the unigram, the uniform 1 / (V - 1)."""
    v = vocabulary
    tri = codes(windows(train, 3), v)  # u v w, every one seen
    kinds3 = np.unique(tri)  # u v w, each once
    bi = np.unique(kinds3 % v**2)  # v w, each once
    key = codes(rows[:, -3:], v)
    # unigram: N(. w) / N(. .), discounted, plus d N_types / N(. .) / (V - 1)
    n_w = count_of(np.unique(bi % v, return_counts=True), key % v)
    types = len(np.unique(bi % v))
    p = (np.maximum(n_w - d, 0) + d * types / (v - 1)) / len(bi)
    # then the bigram (on continuation counts) and the trigram (on counts)
    for together, context, kinds in (
        (  # N(. v w), N(. v .), distinct w after v
            count_of(np.unique(kinds3 % v**2, return_counts=True), key % v**2),
            count_of(
                np.unique(kinds3 % v**2 // v, return_counts=True),
                key % v**2 // v,
            ),
            count_of(grouped(bi, v), key % v**2 // v),
        ),
        (  # c(u v w), c(u v .), distinct w after u v
            count_of(np.unique(tri, return_counts=True), key),
            count_of(np.unique(tri // v, return_counts=True), key // v),
            count_of(grouped(kinds3, v), key // v),
        ),
    ):
        seen = context > 0
        c = np.where(seen, context, 1)
        p = np.where(seen, (np.maximum(together - d, 0) + d * kinds * p) / c, p)
    return p


# --8<-- [end:kneser-ney]


def bits(p, rows, characters_only=False):
    """Mean -log2 p over the rows, or over the rows whose next token is a
    character (not "，" or "。", tokens 1 and 2)."""
    keep = rows[:, -1] > 2 if characters_only else slice(None)
    return float(-np.mean(np.log2(p[keep])))


def simplex(parts, step=LAMBDA_STEP):
    """Every weight vector of `parts` non-negative weights on the grid
    `step` that sum to one, the first (the unigram's) above zero."""
    n = round(1 / step)
    grid = [
        w for w in np.ndindex(*(n + 1,) * parts) if sum(w) == n and w[0] > 0
    ]
    return [tuple(x / n for x in w) for w in grid]


# --8<-- [start:choose]
def baselines(train, validation, test, vocabulary):
    """Each baseline with its smoothing chosen on the validation set, and
    its bits per token on the test set (all tokens; characters only)."""
    rows = {
        name: windows(part, 3)
        for name, part in (("validation", validation), ("test", test))
    }
    results = {}
    for order, name in ((1, "unigram"), (2, "bigram"), (3, "trigram")):
        valid = {
            k: bits(
                add_k(train, rows["validation"], vocabulary, order, k),
                rows["validation"],
            )
            for k in ADD_K
        }
        k = min(valid, key=valid.get)
        p = add_k(train, rows["test"], vocabulary, order, k)
        results[f"{name}, add-k"] = {
            "setting": {"k": k},
            "validation": valid[k],
            "test": (bits(p, rows["test"]), bits(p, rows["test"], True)),
        }
    k = results["unigram, add-k"]["setting"]["k"]
    estimates = {
        part: [add_k(train, r, vocabulary, 1, k)]
        + [counted(train, r, vocabulary, order) for order in (2, 3)]
        for part, r in rows.items()
    }
    for order, name in ((2, "bigram"), (3, "trigram")):
        valid = {
            w: bits(
                interpolated(estimates["validation"][:order], w),
                rows["validation"],
            )
            for w in simplex(order)
        }
        w = min(valid, key=valid.get)
        p = interpolated(estimates["test"][:order], w)
        results[f"{name}, interpolated"] = {
            "setting": {"lambda": list(w), "k": k},
            "validation": valid[w],
            "test": (bits(p, rows["test"]), bits(p, rows["test"], True)),
        }
    valid = {
        d: bits(
            kneser_ney(train, rows["validation"], vocabulary, d),
            rows["validation"],
        )
        for d in DISCOUNTS
    }
    d = min(valid, key=valid.get)
    p = kneser_ney(train, rows["test"], vocabulary, d)
    results["trigram, Kneser-Ney"] = {
        "setting": {"d": d},
        "validation": valid[d],
        "test": (bits(p, rows["test"]), bits(p, rows["test"], True)),
    }
    return results


# --8<-- [end:choose]


if __name__ == "__main__":
    from poem_data import tokens_and_splits

    tokens, data = tokens_and_splits()
    found = baselines(
        data["train"], data["validation"], data["test"], len(tokens)
    )
    for name, r in found.items():
        print(name, r["setting"], [round(b, 3) for b in r["test"]])
