import numpy as np

from classify_tokens import VOCAB_SIZE

# --8<-- [start:bag]
STEPS = 100


def bag_of_characters(x):
    """Each padded row -> the share of each vocabulary entry in it: order is lost."""
    x = np.asarray(x)
    if x.ndim != 2:
        raise ValueError(f"x: expected shape (samples, steps), got {x.shape}")
    counts = np.zeros((len(x), VOCAB_SIZE))
    np.add.at(counts, (np.repeat(np.arange(len(x)), x.shape[1]), x.ravel()), 1.0)
    counts[:, 0] = 0.0  # padding is not a character
    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)


def logistic_regression(train, validation, steps=STEPS, rate=0.5):
    """Full-batch gradient descent on the cross-entropy, on standardised
    features; returns predict(x) -> probabilities, with the weights of the
    step of lowest validation loss (early stopping again)."""
    (x, y), (x_val, y_val) = train, validation
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z, z_val = (x - mean) / scale, (x_val - mean) / scale
    w, b = np.zeros(x.shape[1]), 0.0
    best = (np.inf, w, b, 0)
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w, b = w - rate * z.T @ (p - y) / len(y), b - rate * np.mean(p - y)
        p_val = np.clip(1.0 / (1.0 + np.exp(-(z_val @ w + b))), 1e-7, 1 - 1e-7)
        loss = -np.mean(y_val * np.log(p_val) + (1 - y_val) * np.log(1 - p_val))
        if loss < best[0]:
            best = (loss, w, b, step)
    _, w, b, step = best
    return (lambda x_new: 1.0 / (1.0 + np.exp(-(((x_new - mean) / scale) @ w + b)))), step
# --8<-- [end:bag]


if __name__ == "__main__":
    x = np.array([[5, 6, 6, 0, 0], [6, 6, 5, 0, 0]])
    print("shares of tokens 5 and 6:", bag_of_characters(x)[:, 5:7].tolist())
