import numpy as np
from classify_tokens import VOCAB_SIZE

PENALTIES = (1.0, 0.1, 0.01, 0.001)  # strongest first: each fit starts
# from the previous one's weights


# --8<-- [start:bag]
def bag_of_characters(x):
    """Each padded row -> the share of each vocabulary entry: order is lost."""
    x = np.asarray(x)
    if x.ndim != 2:
        raise ValueError(f"x: expected shape (samples, steps), got {x.shape}")
    counts = np.zeros((len(x), VOCAB_SIZE))
    rows = np.repeat(np.arange(len(x)), x.shape[1])
    np.add.at(counts, (rows, x.ravel()), 1.0)
    counts[:, 0] = 0.0  # padding is not a character
    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)


def fit_logistic(z, y, penalty, w=None, steps=20):
    """Newton's method on the mean cross-entropy + penalty/2 * |w|^2
    (the bias is not penalised): a convex problem, one answer, no seed."""
    a = np.hstack([z, np.ones((len(z), 1))])
    w = np.zeros(a.shape[1]) if w is None else w
    ridge = penalty * np.eye(a.shape[1])
    ridge[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        gradient = a.T @ (p - y) / len(y) + ridge @ w
        hessian = (a * (p * (1 - p))[:, None]).T @ a / len(y) + ridge
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(w)), gradient)
        w = w - step
        if np.abs(step).max() < 1e-6:
            break
    return w


def logistic_regression(train, validation, penalties=PENALTIES):
    """Standardised features; the penalty with the lowest validation loss
    is kept. Returns predict(x) -> probabilities, and that penalty."""
    (x, y), (x_val, y_val) = train, validation
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6

    def probability(w, x_new):
        z = (x_new - mean) / scale
        return 1.0 / (1.0 + np.exp(-(z @ w[:-1] + w[-1])))

    best, w = None, None
    for penalty in penalties:
        w = fit_logistic((x - mean) / scale, y, penalty, w)
        p = np.clip(probability(w, x_val), 1e-7, 1 - 1e-7)
        loss = -np.mean(y_val * np.log(p) + (1 - y_val) * np.log(1 - p))
        if best is None or loss < best[0]:
            best = (loss, w, penalty)
    _, w, penalty = best
    return (lambda x_new: probability(w, x_new)), penalty


# --8<-- [end:bag]


if __name__ == "__main__":
    x = np.array([[5, 6, 6, 0, 0], [6, 6, 5, 0, 0]])
    print("shares of tokens 5 and 6, one row per sequence:")
    for row in bag_of_characters(x)[:, 5:7].tolist():
        print(" ", row)
