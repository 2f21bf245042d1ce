"""How fast a plain RNN forgets: the norm of dh_T/dh_t as the distance T - t
grows."""

import numpy as np


# --8<-- [start:gradient_norms]
def gradient_norms(scale, steps=60, units=32, input_dim=8, seed=0):
    """Spectral norm of dh_T/dh_t for t = T, T-1, ..., 1 in a tanh RNN whose W_h
    has norm `scale`.

    W_h is `scale` times a random orthogonal matrix, so every singular value
    equals `scale`. Returns an array whose entry k is the norm for distance
    T - t = k.
    """
    rng = np.random.default_rng(seed)
    orthogonal, _ = np.linalg.qr(rng.normal(size=(units, units)))
    W_h = scale * orthogonal
    W_x = rng.normal(scale=1 / np.sqrt(input_dim), size=(input_dim, units))
    x = rng.normal(size=(steps, input_dim))

    h = np.zeros(units)
    jacobians = []  # dh_t/dh_{t-1} = diag(1 - h_t^2) W_h^T
    for t in range(steps):
        h = np.tanh(x[t] @ W_x + h @ W_h)
        jacobians.append((1 - h**2)[:, None] * W_h.T)

    norms = [1.0]
    product = np.eye(units)
    for jacobian in reversed(jacobians[1:]):
        product = product @ jacobian
        norms.append(np.linalg.norm(product, ord=2))
    return np.array(norms)


# --8<-- [end:gradient_norms]


if __name__ == "__main__":
    for scale in (0.5, 1.0, 1.5, 3.0):
        norms = gradient_norms(scale)
        print(
            f"|W_h| = {scale}: distance 10 -> {norms[10]:.2e}, "
            f"distance 50 -> {norms[50]:.2e}"
        )
