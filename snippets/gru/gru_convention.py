"""Convention B, h = (1-z) h_prev + z h~, is Keras' GRU with the update gate
negated."""

import numpy as np


# --8<-- [start:flip]
def flip_update_gate(kernel, recurrent_kernel, bias):
    """Negate the update gate's weights and biases: the first third of the last
    axis.

    sigmoid(-a) = 1 - sigmoid(a): the flipped gate computes 1 - z where the
    original had z.
    """
    units = kernel.shape[-1] // 3
    flipped = [
        np.array(w, dtype=np.float64) for w in (kernel, recurrent_kernel, bias)
    ]
    for w in flipped:
        w[..., :units] *= -1
    return flipped


# --8<-- [end:flip]


# --8<-- [start:seed]
def gru_forward_convention_b(x, kernel, recurrent_kernel, bias):
    """A GRU in convention B: h_t = (1 - z_t) h_{t-1} + z_t h~_t.

    Keras' weight layout and reset_after=True form, like gru_forward; only the
    line that mixes h and the candidate differs.
    """
    h = np.zeros((x.shape[0], recurrent_kernel.shape[0]))
    outputs = []
    for x_t in np.moveaxis(np.asarray(x, dtype=np.float64), 1, 0):
        x_z, x_r, x_h = np.split(x_t @ kernel + bias[0], 3, axis=1)
        h_z, h_r, h_h = np.split(h @ recurrent_kernel + bias[1], 3, axis=1)
        z = 1 / (1 + np.exp(-(x_z + h_z)))
        r = 1 / (1 + np.exp(-(x_r + h_r)))
        candidate = np.tanh(x_h + r * h_h)
        h = (1 - z) * h + z * candidate
        outputs.append(h)
    return np.stack(outputs, axis=1)


# --8<-- [end:seed]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    weights = (
        rng.normal(size=(3, 12)),
        rng.normal(size=(4, 12)),
        rng.normal(size=(2, 12)),
    )
    x = rng.normal(size=(2, 5, 3))
    print(
        "outputs",
        gru_forward_convention_b(x, *flip_update_gate(*weights)).shape,
    )
