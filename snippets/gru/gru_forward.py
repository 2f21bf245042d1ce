"""A GRU forward pass in NumPy, in Keras' weight layout (gate order z, r, h).

Run it: ``python snippets/gru/gru_forward.py`` prints the shapes of a pass in
both forms.
"""

# --8<-- [start:forward]
import numpy as np


def gru_forward(x, kernel, recurrent_kernel, bias, h0=None, reset_after=True):
    """Run a Keras GRU over x of shape (batch, T, input_dim).

    kernel is (input_dim, 3*units), recurrent_kernel (units, 3*units), blocks in
    the order z, r, h; bias is (2, 3*units) when reset_after (input bias,
    recurrent bias), else (3*units,). Returns (outputs, h_last): all hidden
    states, shape (batch, T, units), and the last one.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or x.shape[1] < 1:
        raise ValueError(
            f"x: expected shape (batch, T>=1, input_dim), got {x.shape}"
        )
    batch, steps, input_dim = x.shape
    kernel = np.asarray(kernel, dtype=np.float64)
    units = kernel.shape[-1] // 3 if kernel.ndim == 2 else 0
    if kernel.shape != (input_dim, 3 * units) or units == 0:
        expected = f"({input_dim}, 3*units)"
        raise ValueError(
            f"kernel: expected shape {expected}, got {kernel.shape}"
        )
    recurrent_kernel = _expect(
        "recurrent_kernel", recurrent_kernel, (units, 3 * units)
    )
    if reset_after:
        bias = _expect("bias", bias, (2, 3 * units), "reset_after=True")
        input_bias, recurrent_bias = bias
    else:
        input_bias = _expect("bias", bias, (3 * units,), "reset_after=False")
    h = (
        np.zeros((batch, units))
        if h0 is None
        else _expect("h0", h0, (batch, units))
    )

    x_z, x_r, x_h = np.split(
        x @ kernel + input_bias, 3, axis=-1
    )  # all steps at once
    W_hz, W_hr, W_hh = np.split(recurrent_kernel, 3, axis=1)
    outputs = np.empty((batch, steps, units))
    for t in range(steps):
        if reset_after:
            h_z, h_r, h_h = np.split(
                h @ recurrent_kernel + recurrent_bias, 3, axis=1
            )
            z = _sigmoid(x_z[:, t] + h_z)
            r = _sigmoid(x_r[:, t] + h_r)
            candidate = np.tanh(x_h[:, t] + r * h_h)
        else:
            z = _sigmoid(x_z[:, t] + h @ W_hz)
            r = _sigmoid(x_r[:, t] + h @ W_hr)
            candidate = np.tanh(x_h[:, t] + (r * h) @ W_hh)
        h = z * h + (1 - z) * candidate
        outputs[:, t] = h
    return outputs, h


def _sigmoid(a):
    return 1 / (1 + np.exp(-a))


def _expect(name, array, shape, when=""):
    array = np.asarray(array, dtype=np.float64)
    if array.shape != shape:
        condition = f" for {when}" if when else ""
        raise ValueError(
            f"{name}: expected shape {shape}{condition}, got {array.shape}"
        )
    return array


# --8<-- [end:forward]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 5, 3))
    kernel, recurrent_kernel = (
        rng.normal(size=(3, 12)),
        rng.normal(size=(4, 12)),
    )
    for reset_after, bias in ((True, np.zeros((2, 12))), (False, np.zeros(12))):
        outputs, h_last = gru_forward(
            x, kernel, recurrent_kernel, bias, reset_after=reset_after
        )
        print(
            f"reset_after={reset_after}: outputs {outputs.shape}, "
            f"h_last {h_last.shape}"
        )
