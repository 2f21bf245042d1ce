"""A one-unit LSTM with hand-set weights: it stores v_t on a marker, holds
it."""

import numpy as np
from lstm_forward import lstm_cell_step

# --8<-- [start:weights]
VALUE, STORE, READ = 0, 1, 2  # x_t = (v_t, s_t, r_t)
GATE = dict(i=0, f=1, c=2, o=3)  # Keras' column order, one unit


def memory_cell_weights(gain=16.0):
    """kernel (3, 4), recurrent_kernel (1, 4) and bias (4,)."""
    kernel, recurrent_kernel = np.zeros((3, 4)), np.zeros((1, 4))
    bias = np.zeros(4)
    kernel[STORE, GATE["i"]], bias[GATE["i"]] = gain, -gain / 2
    kernel[STORE, GATE["f"]], bias[GATE["f"]] = -gain, gain / 2
    kernel[VALUE, GATE["c"]] = 1.0
    kernel[READ, GATE["o"]], bias[GATE["o"]] = gain, -gain / 2
    return kernel, recurrent_kernel, bias


# --8<-- [end:weights]


def memory_sequence(steps=40, stores=(5, 21), reads=(14, 36), seed=0):
    """x (steps, 3): random v_t; s_t, r_t = 1 at the given steps (from 1)."""
    x = np.zeros((steps, 3))
    x[:, VALUE] = np.random.default_rng(seed).uniform(-1, 1, steps)
    x[[t - 1 for t in stores], STORE] = 1
    x[[t - 1 for t in reads], READ] = 1
    return x


def trace(x, kernel, recurrent_kernel, bias):
    """Every gate and state at every step of one sample x (steps, input_dim)."""
    units = recurrent_kernel.shape[0]
    h, c = np.zeros((1, units)), np.zeros((1, units))
    rows = []
    for x_t in x:
        h, c, gates = lstm_cell_step(
            x_t[None], h, c, kernel, recurrent_kernel, bias
        )
        rows.append([value[0, 0] for value in (*gates, c, h)])
    return dict(zip(("i", "f", "c_tilde", "o", "c", "h"), np.array(rows).T))


if __name__ == "__main__":
    names = ("kernel", "recurrent_kernel", "bias")
    for name, weights in zip(names, memory_cell_weights()):
        print(name, weights.tolist())
