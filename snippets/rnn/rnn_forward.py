"""A plain (Elman) RNN forward pass in NumPy, in Keras' weight layout.

Run it: ``python snippets/rnn/rnn_forward.py`` prints the shapes of one forward
pass.
"""

# --8<-- [start:forward]
import numpy as np


def simple_rnn_forward(x, kernel, recurrent_kernel, bias, h0=None):
    """Run h_t = tanh(x_t W_x + h_{t-1} W_h + b) over x of shape (batch, T,
    input_dim).

    Returns (outputs, h_last): all hidden states, shape (batch, T, units), and
    the last one.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or x.shape[1] < 1:
        raise ValueError(
            f"x: expected shape (batch, T>=1, input_dim), got {x.shape}"
        )
    batch, steps, input_dim = x.shape
    kernel = np.asarray(kernel, dtype=np.float64)
    if kernel.ndim != 2 or kernel.shape[0] != input_dim:
        raise ValueError(
            f"kernel: expected shape ({input_dim}, units), got {kernel.shape}"
        )
    units = kernel.shape[1]
    recurrent_kernel = _expect(
        "recurrent_kernel", recurrent_kernel, (units, units)
    )
    bias = _expect("bias", bias, (units,))
    h = (
        np.zeros((batch, units))
        if h0 is None
        else _expect("h0", h0, (batch, units))
    )

    outputs = np.empty((batch, steps, units))
    for t in range(steps):
        h = np.tanh(x[:, t] @ kernel + h @ recurrent_kernel + bias)
        outputs[:, t] = h
    return outputs, h


def _expect(name, array, shape):
    array = np.asarray(array, dtype=np.float64)
    if array.shape != shape:
        raise ValueError(f"{name}: expected shape {shape}, got {array.shape}")
    return array


# --8<-- [end:forward]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 5, 3))
    outputs, h_last = simple_rnn_forward(
        x, rng.normal(size=(3, 4)), rng.normal(size=(4, 4)), np.zeros(4)
    )
    print("outputs:", outputs.shape, "h_last:", h_last.shape)
