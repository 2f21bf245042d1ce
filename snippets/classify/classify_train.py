import time

import classify_baselines
import classify_data
import classify_features
import classify_model
import classify_normalise
import classify_padding
import classify_tokens
import keras
import numpy as np
import trained
from classify_baselines import bag_of_characters, logistic_regression
from classify_data import load_poems, split_poems
from classify_features import order_free_features
from classify_model import build_model
from classify_normalise import normalise
from classify_padding import pad
from classify_tokens import OOV, build_vocabulary, encode

EPOCHS, BATCH, RATE = 8, 128, 0.003
SEEDS = (0, 1, 2, 3, 4)
VARIANTS = ("normalised", "as_published")


def texts(seed=0, variant="normalised"):
    """{split: (texts, labels)} of the split made from seed."""
    if variant not in VARIANTS:
        raise ValueError(
            f"variant: expected one of {VARIANTS}, got {variant!r}"
        )
    edit = normalise if variant == "normalised" else str
    return {
        name: (
            [edit(p[3]) for p in poems],
            np.array([p[0] for p in poems], dtype="float32"),
        )
        for name, poems in split_poems(load_poems(), seed).items()
    }


def encoded_splits(seed=0, variant="normalised"):
    """{split: (x, y)}: x (poems, 128) int32, y (poems,) float32, with the
    vocabulary of this split's training poems."""
    splits = texts(seed, variant)
    vocabulary = build_vocabulary(splits["train"][0])
    return {
        name: (pad([encode(t, vocabulary) for t in poems]), y)
        for name, (poems, y) in splits.items()
    }


# --8<-- [start:fit]
def fit(kind="lstm", seed=0, variant="normalised"):
    """Train one model for EPOCHS epochs, then keep the weights of the
    epoch with the lowest validation loss."""
    data = encoded_splits(seed, variant)
    keras.utils.set_random_seed(seed)
    model = build_model(kind)
    model.compile(
        optimizer=keras.optimizers.Adam(RATE),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    best = keras.callbacks.EarlyStopping(  # patience = the whole budget:
        monitor="val_loss",
        patience=EPOCHS,  # it never stops training,
        restore_best_weights=True,
    )  # it only restores the best epoch
    start = time.process_time()
    history = model.fit(
        *data["train"],
        validation_data=data["validation"],
        epochs=EPOCHS,
        batch_size=BATCH,
        callbacks=[best],
        verbose=0,
    )
    seconds = time.process_time() - start
    x_test, y_test = data["test"]
    probability = model.predict(x_test, batch_size=BATCH, verbose=0)[:, 0]
    return {
        "history": {
            k: [float(v) for v in vs] for k, vs in history.history.items()
        },
        "best_epoch": int(np.argmin(history.history["val_loss"])) + 1,
        "test_probability": probability.astype(float).tolist(),
        "test_accuracy": float(np.mean((probability > 0.5) == y_test)),
        "parameters": model.count_params(),
        "cpu_seconds": seconds,
        "occlusion": occlusion(model, x_test, y_test) if seed == 0 else None,
    }


# --8<-- [end:fit]


# --8<-- [start:occlusion]
def occlusion(model, x, y, longest=40):
    """For one test poem: P(qu) with each character in turn replaced by the
    out-of-vocabulary token. The poem: the first qu of at most `longest`
    characters that the model classifies right."""
    p = model.predict(x, batch_size=BATCH, verbose=0)[:, 0]
    length = np.sum(x > 0, axis=1)
    i = next(
        i
        for i in range(len(x))
        if y[i] == 1 and p[i] > 0.5 and length[i] <= longest
    )
    variants = np.repeat(x[i : i + 1], length[i], axis=0)
    variants[np.arange(length[i]), np.arange(length[i])] = OOV
    occluded = model.predict(variants, verbose=0)[:, 0]
    return {
        "index": i,
        "probability": float(p[i]),
        "occluded": occluded.astype(float).tolist(),
    }


# --8<-- [end:occlusion]


def fit_baseline(kind="bag_of_characters", seed=0, variant="normalised"):
    """A logistic regression on order-free inputs, tuned on validation."""
    if kind == "bag_of_characters":
        data = {
            k: (bag_of_characters(x), y)
            for k, (x, y) in encoded_splits(seed, variant).items()
        }
    else:
        data = {
            k: (np.array([order_free_features(t) for t in poems]), y)
            for k, (poems, y) in texts(seed, variant).items()
        }
    start = time.process_time()
    predict, penalty = logistic_regression(data["train"], data["validation"])
    seconds = time.process_time() - start
    x_test, y_test = data["test"]
    probability = predict(x_test)
    return {
        "penalty": penalty,
        "test_probability": probability.tolist(),
        "test_accuracy": float(np.mean((probability > 0.5) == y_test)),
        "parameters": x_test.shape[1] + 1,
        "cpu_seconds": seconds,
    }


BASELINES = ("order_free_features", "bag_of_characters")


def result(kind="lstm", seed=0, variant="normalised"):
    """fit() or fit_baseline(), trained once and then read back (trained.py)."""
    modules = [
        classify_data,
        classify_normalise,
        classify_tokens,
        classify_padding,
        classify_features,
        classify_baselines,
        classify_model,
        trained,
    ]
    sources = [m.__file__ for m in modules] + [__file__]
    name = f"classify-{variant}-{kind}-{seed}"
    if kind in BASELINES:
        return trained.kept(
            name, sources, lambda: fit_baseline(kind, seed, variant)
        )
    return trained.kept(name, sources, lambda: fit(kind, seed, variant))


if __name__ == "__main__":
    for name, (x, y) in encoded_splits().items():
        print(f"{name:<10} x {x.shape}  share of qu {y.mean():.3f}")
