"""How fast a GRU forgets: the norm of dh_T/dh_t, depending on the update gate's
bias."""

import numpy as np


# --8<-- [start:jacobian]
def gru_step_jacobian(x_t, h, kernel, recurrent_kernel, bias):
    """One GRU step (Keras, reset_after=True) on vectors x_t (input_dim,) and h
    (units,).

    Returns (h_new, J) with J[i, j] = d h_new[j] / d h[i].
    """
    W_hz, W_hr, W_hh = np.split(recurrent_kernel, 3, axis=1)
    x_z, x_r, x_h = np.split(x_t @ kernel + bias[0], 3)
    h_z, h_r, h_h = np.split(h @ recurrent_kernel + bias[1], 3)
    z = 1 / (1 + np.exp(-(x_z + h_z)))
    r = 1 / (1 + np.exp(-(x_r + h_r)))
    c = np.tanh(x_h + r * h_h)
    h_new = z * h + (1 - z) * c

    dz = W_hz * (z * (1 - z))  # dz[i, j] = d z_j / d h_i
    dr = W_hr * (r * (1 - r))
    dc = (W_hh * r + dr * h_h) * (1 - c**2)
    J = np.diag(z) + dz * (h - c) + dc * (1 - z)
    return h_new, J


# --8<-- [end:jacobian]


# --8<-- [start:gradient_norms]
def gru_gradient_norms(update_bias, steps=60, units=32, input_dim=8, seed=0):
    """Spectral norm of dh_T/dh_t for t = T, T-1, ..., 1 in a random GRU.

    Weights are drawn like Keras' defaults (orthogonal recurrent kernel, zero
    biases) except the update gate's bias, set to `update_bias`: z starts near
    sigmoid(update_bias). Returns an array whose entry k is the norm for
    distance T - t = k.
    """
    rng = np.random.default_rng(seed)
    kernel = rng.normal(
        scale=1 / np.sqrt(input_dim), size=(input_dim, 3 * units)
    )
    orthogonal, _ = np.linalg.qr(rng.normal(size=(3 * units, units)))
    recurrent_kernel = orthogonal.T
    bias = np.zeros((2, 3 * units))
    bias[0, :units] = update_bias
    x = rng.normal(size=(steps, input_dim))

    h = np.zeros(units)
    jacobians = []
    for t in range(steps):
        h, jacobian = gru_step_jacobian(x[t], h, kernel, recurrent_kernel, bias)
        jacobians.append(jacobian)

    norms = [1.0]
    product = np.eye(units)
    for jacobian in reversed(jacobians[1:]):
        product = jacobian @ product
        norms.append(np.linalg.norm(product, ord=2))
    return np.array(norms)


# --8<-- [end:gradient_norms]


if __name__ == "__main__":
    for update_bias in (0.0, 2.0, 4.0):
        norms = gru_gradient_norms(update_bias)
        print(
            f"b_z = {update_bias}: distance 10 -> {norms[10]:.2e}, "
            f"50 -> {norms[50]:.2e}"
        )
