import keras
import numpy as np
import tensorflow as tf


# --8<-- [start:exploding]
def exploding_rnn(
    rho, steps=30, units=16, input_dim=4, input_scale=1e-3, seed=0
):
    """A SimpleRNN whose W_h is rho times a random orthogonal matrix (spectral
    radius and norm rho), with small inputs x (1, steps, input_dim) and a fixed
    readout w: the loss is L = h_T . w."""
    rng = np.random.default_rng(seed)
    orthogonal, _ = np.linalg.qr(rng.normal(size=(units, units)))
    layer = keras.layers.SimpleRNN(units, return_sequences=True)
    layer.build((1, steps, input_dim))
    layer.set_weights(
        [
            rng.normal(scale=input_dim**-0.5, size=(input_dim, units)),
            rho * orthogonal,
            np.zeros(units),
        ]
    )
    x = tf.constant(
        input_scale * rng.normal(size=(1, steps, input_dim)), dtype="float32"
    )
    w = tf.constant(rng.normal(size=units), dtype="float32")
    return layer, x, w


def loss_gradients(layer, x, w):
    """GradientTape: dL/dx_t for every step, shape (steps, input_dim), and dL/d
    each weight."""
    if x.ndim != 3 or x.shape[0] != 1:
        raise ValueError(
            f"x: expected shape (1, steps, input_dim), got {tuple(x.shape)}"
        )
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = tf.reduce_sum(layer(x)[:, -1] * w)
    grad_x, *grad_weights = tape.gradient(loss, [x, *layer.trainable_weights])
    return grad_x.numpy()[0], [g.numpy() for g in grad_weights]


# --8<-- [end:exploding]


def input_gradient_norms(rho, **options):
    """||dL/dx_t|| for t = T, T-1, ..., 1: entry k is the norm at distance T - t
    = k."""
    grad_x, _ = loss_gradients(*exploding_rnn(rho, **options))
    return np.linalg.norm(grad_x, axis=1)[::-1]


if __name__ == "__main__":
    distances = (0, 5, 10, 15, 20, 25, 29)
    print(
        "| $\\rho$ | "
        + " | ".join(f"$T-t={k}$" for k in distances)
        + r" | $\max_t \lVert h_t \rVert_\infty$ |"
    )
    print("|---:|" + "---:|" * (len(distances) + 1))
    for rho in (0.8, 1.0, 1.25, 1.5):
        layer, x, w = exploding_rnn(rho)
        grad_x, _ = loss_gradients(layer, x, w)
        norms = np.linalg.norm(grad_x, axis=1)[::-1]
        largest = np.abs(keras.ops.convert_to_numpy(layer(x))).max()
        cells = [f"{norms[k]:.3g}" for k in distances] + [f"{largest:.2f}"]
        print(f"| {rho} | " + " | ".join(cells) + " |")
