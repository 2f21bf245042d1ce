import time

import keras
import numpy as np
import poem_data
import trained
from poem_data import tokens_and_splits

EPOCHS, BATCH, RATE = 12, 64, 0.01
LN2 = np.log(2)


# --8<-- [start:model]
WIDTH, UNITS = 48, 112  # embedding width E, LSTM units U


def build_model(vocabulary, width=WIDTH, units=UNITS):
    """Embedding -> LSTM -> Dense: at every time step, the logits of the
    next token over the whole vocabulary."""
    return keras.Sequential(
        [
            keras.Input(shape=(None,), dtype="int32"),
            keras.layers.Embedding(vocabulary, width),
            keras.layers.LSTM(units, return_sequences=True),
            keras.layers.Dense(vocabulary),  # logits: no softmax here
        ]
    )


# --8<-- [end:model]


def batches(sequences, batch=BATCH, rng=None):
    """Batches of equal-length sequences (five- and seven-character poems
    apart, so no padding), as (inputs, next tokens); shuffled when rng is
    given."""
    by_length = {}
    for s in sequences:
        by_length.setdefault(len(s), []).append(s)
    out = []
    for length in sorted(by_length):
        group = np.array(by_length[length], dtype="int32")
        if rng is not None:
            group = group[rng.permutation(len(group))]
        for start in range(0, len(group), batch):
            chunk = group[start : start + batch]
            out.append((chunk[:, :-1], chunk[:, 1:]))
    if rng is not None:
        out = [out[i] for i in rng.permutation(len(out))]
    return out


def log2_probabilities(logits, targets):
    """log2 p(target) under softmax(logits), for every position."""
    z = logits - logits.max(axis=-1, keepdims=True)
    log_total = np.log(np.exp(z).sum(axis=-1))
    picked = np.take_along_axis(z, targets[..., None], axis=-1)[..., 0]
    return (picked - log_total) / LN2


def bits(model, sequences):
    """Bits per token over every predicted token, and over the characters
    alone (the line ends left out)."""
    every, characters = [], []
    for x, y in batches(sequences, batch=256):
        logits = model.predict_on_batch(x).astype(np.float64)
        log2p = log2_probabilities(logits, y)
        every.append(log2p.ravel())
        characters.append(log2p[y > 2])  # tokens 1, 2: "，" "。"
    every, characters = np.concatenate(every), np.concatenate(characters)
    return float(-every.mean()), float(-characters.mean())


# --8<-- [start:fit]
def fit(seed=0):
    """Train for EPOCHS epochs on next-token prediction; keep the weights
    of the epoch with the fewest validation bits per token."""
    tokens, data = tokens_and_splits()
    keras.utils.set_random_seed(seed)
    model = build_model(len(tokens))
    model.compile(
        optimizer=keras.optimizers.Adam(RATE),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    rng = np.random.default_rng(seed)
    history, best = {"train": [], "validation": []}, None
    start = time.process_time()
    for epoch in range(EPOCHS):
        total = count = 0
        for x, y in batches(data["train"], rng=rng):
            total += model.train_on_batch(x, y) * y.size  # mean nats
            count += y.size
        history["train"].append(float(total / count / LN2))
        history["validation"].append(bits(model, data["validation"])[0])
        if best is None or history["validation"][-1] < best[0]:
            best = (history["validation"][-1], epoch, model.get_weights())
    seconds = time.process_time() - start
    model.set_weights(best[2])
    test = bits(model, data["test"])
    return {
        "tokens": tokens,
        **weights_of(model),
        "history": history,
        "best_epoch": best[1] + 1,
        "test_bits": {"all": test[0], "characters": test[1]},
        "parameters": model.count_params(),
        "cpu_seconds": seconds,
    }


# --8<-- [end:fit]


WEIGHTS = (  # the layers' weights, in Keras's order, by the decoding's names
    "embedding",
    "kernel",
    "recurrent_kernel",
    "bias",
    "dense_kernel",
    "dense_bias",
)


def weights_of(model):
    """The layers' weights by the names the decoding uses, as lists of the
    shortest decimals that give back the same float32 numbers."""
    shortest = np.vectorize(lambda v: float(str(v)), otypes=[float])
    return {
        name: shortest(w.astype(np.float32)).tolist()
        for name, w in zip(WEIGHTS, model.get_weights())
    }


def result(seed=0):
    """fit(seed), trained once and then read back (trained.py)."""
    modules = [poem_data, trained]
    sources = [m.__file__ for m in modules] + [__file__]
    return trained.kept(f"poem-lstm-{seed}", sources, lambda: fit(seed))


def trained_weights():
    """The trained model's tokens and weights (the decoding's input)."""
    kept = result()
    return {
        k: kept[k]
        for k in (
            "tokens",
            "embedding",
            "kernel",
            "recurrent_kernel",
            "bias",
            "dense_kernel",
            "dense_bias",
        )
    }


if __name__ == "__main__":
    build_model(len(tokens_and_splits()[0])).summary()
