"""An LSTM forward pass in NumPy, in Keras' weight layout (gates i, f, c, o).

Run it: ``python snippets/lstm/lstm_forward.py`` prints the shapes of one pass.
"""

# --8<-- [start:forward]
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_cell_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """One time step: (h_t, c_t, (i_t, f_t, c_tilde, o_t))."""
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
    i_t, f_t, o_t = sigmoid(z_i), sigmoid(z_f), sigmoid(z_o)
    c_tilde = np.tanh(z_c)
    c_t = f_t * c_prev + i_t * c_tilde
    h_t = o_t * np.tanh(c_t)
    return h_t, c_t, (i_t, f_t, c_tilde, o_t)


def lstm_forward(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    """Run an LSTM over x of shape (batch, T, input_dim).

    Returns (outputs, h_last, c_last): all hidden states (batch, T, units),
    then the last hidden state and cell state, each (batch, units).
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or x.shape[1] < 1:
        raise ValueError(
            f"x: expected shape (batch, T>=1, input_dim), got {x.shape}"
        )
    batch, steps, input_dim = x.shape
    kernel = np.asarray(kernel, dtype=np.float64)
    if (
        kernel.ndim != 2
        or kernel.shape[0] != input_dim
        or kernel.shape[1] % 4
        or kernel.shape[1] == 0
    ):
        raise ValueError(
            f"kernel: expected shape ({input_dim}, 4*units), got {kernel.shape}"
        )
    units = kernel.shape[1] // 4
    recurrent_kernel = _expect(
        "recurrent_kernel", recurrent_kernel, (units, 4 * units)
    )
    bias = _expect("bias", bias, (4 * units,))
    state = (batch, units)
    h = np.zeros(state) if h0 is None else _expect("h0", h0, state)
    c = np.zeros(state) if c0 is None else _expect("c0", c0, state)

    outputs = np.empty((batch, steps, units))
    for t in range(steps):
        h, c, _ = lstm_cell_step(x[:, t], h, c, kernel, recurrent_kernel, bias)
        outputs[:, t] = h
    return outputs, h, c


def _expect(name, array, shape):
    array = np.asarray(array, dtype=np.float64)
    if array.shape != shape:
        raise ValueError(f"{name}: expected shape {shape}, got {array.shape}")
    return array


# --8<-- [end:forward]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    batch, steps, input_dim, units = 2, 5, 3, 4
    outputs, h_last, c_last = lstm_forward(
        rng.normal(size=(batch, steps, input_dim)),
        rng.normal(size=(input_dim, 4 * units)),
        rng.normal(size=(units, 4 * units)),
        np.zeros(4 * units),
    )
    print(
        "outputs", outputs.shape, "h_last", h_last.shape, "c_last", c_last.shape
    )
