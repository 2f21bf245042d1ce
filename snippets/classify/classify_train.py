import time

import keras
import numpy as np

import classify_baselines
import classify_cache
import classify_data
import classify_model
import classify_padding
import classify_tokens
from classify_data import load_poems, split_poems
from classify_baselines import bag_of_characters, logistic_regression
from classify_model import build_model
from classify_padding import pad
from classify_tokens import encode, training_vocabulary

EPOCHS, BATCH, RATE, PATIENCE = 10, 128, 0.003, 2


def encoded_splits():
    """{split: (x, y)}: x (poems, 128) int32, y (poems,) float32."""
    vocabulary = training_vocabulary()
    return {name: (pad([encode(p[3], vocabulary) for p in poems]),
                   np.array([p[0] for p in poems], dtype="float32"))
            for name, poems in split_poems(load_poems()).items()}


# --8<-- [start:fit]
def fit(kind="lstm"):
    """Train one model from a fixed seed, stop early on validation loss."""
    data = encoded_splits()
    keras.utils.set_random_seed(0)
    model = build_model(kind)
    model.compile(optimizer=keras.optimizers.Adam(RATE),
                  loss="binary_crossentropy", metrics=["accuracy"])
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE,
                                         restore_best_weights=True)
    start = time.process_time()
    history = model.fit(*data["train"], validation_data=data["validation"],
                        epochs=EPOCHS, batch_size=BATCH, callbacks=[stop], verbose=0)
    seconds = time.process_time() - start
    x_test, y_test = data["test"]
    probability = model.predict(x_test, batch_size=BATCH, verbose=0)[:, 0]
    return {
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "epochs": len(history.history["loss"]),
        "best_epoch": int(np.argmin(history.history["val_loss"])) + 1,
        "test_probability": probability.astype(float).tolist(),
        "test_accuracy": float(np.mean((probability > 0.5) == y_test)),
        "parameters": model.count_params(),
        "cpu_seconds": seconds,
    }
# --8<-- [end:fit]


def trained(kind="lstm"):
    """fit(kind) (or fit_baseline()), trained once and then read back (classify_cache)."""
    defining = classify_baselines if kind == "bag_of_characters" else classify_model
    sources = [m.__file__ for m in (classify_data, classify_tokens, classify_padding,
                                    defining, classify_cache)] + [__file__]
    compute = fit_baseline if kind == "bag_of_characters" else lambda: fit(kind)
    return classify_cache.cached(f"classify-{kind}", sources, compute)


def fit_baseline():
    """The bag of characters and a logistic regression, on the same splits;
    each full-batch step is one epoch."""
    data = {k: (bag_of_characters(x), y) for k, (x, y) in encoded_splits().items()}
    start = time.process_time()
    predict, step = logistic_regression(data["train"], data["validation"])
    seconds = time.process_time() - start
    x_test, y_test = data["test"]
    probability = predict(x_test)
    return {"epochs": classify_baselines.STEPS, "best_epoch": step, "test_probability": probability.tolist(),
            "test_accuracy": float(np.mean((probability > 0.5) == y_test)),
            "parameters": x_test.shape[1] + 1, "cpu_seconds": seconds}


def majority_accuracy():
    """Always answer the class most frequent in training."""
    data = encoded_splits()
    majority = float(data["train"][1].mean() > 0.5)
    return float(np.mean(data["test"][1] == majority))


if __name__ == "__main__":
    for name, (x, y) in encoded_splits().items():
        print(f"{name:<10} x {x.shape}  share of qu {y.mean():.3f}")
    print(f"majority class on the test set: {majority_accuracy():.3f}")
