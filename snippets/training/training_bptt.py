"""Backpropagation through time for the plain RNN, in NumPy, in Keras' weight
layout.

Run it: ``python training_bptt.py`` prints the shape of every gradient for one
small sequence.
"""

# --8<-- [start:backward]
import numpy as np


def simple_rnn_backward(
    x, kernel, recurrent_kernel, bias, grad_outputs, h0=None
):
    """Gradients of a loss L through h_t = tanh(x_t W_x + h_{t-1} W_h + b), t =
    1..T, by BPTT.

    grad_outputs, shape (batch, T, units), is dL/dh_t as the loss sees each
    output; the path from h_t through later steps is added here. Returns a dict
    of dL/d(kernel, recurrent_kernel, bias, x, h0), each the shape of its
    argument.
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
    grad_outputs = _expect("grad_outputs", grad_outputs, (batch, steps, units))
    h0 = (
        np.zeros((batch, units))
        if h0 is None
        else _expect("h0", h0, (batch, units))
    )

    h = [h0]  # forward pass, keeping h_0 .. h_T
    for t in range(steps):
        h.append(np.tanh(x[:, t] @ kernel + h[-1] @ recurrent_kernel + bias))

    grads = {
        "kernel": np.zeros_like(kernel),
        "recurrent_kernel": np.zeros_like(recurrent_kernel),
        "bias": np.zeros_like(bias),
        "x": np.zeros_like(x),
    }
    from_later = np.zeros(
        (batch, units)
    )  # a_{t+1} W_h^T, zero after the last step
    for t in reversed(range(steps)):
        delta = grad_outputs[:, t] + from_later  # dL/dh_t
        a = delta * (1 - h[t + 1] ** 2)  # dL/dz_t, through tanh
        grads["kernel"] += x[:, t].T @ a
        grads["recurrent_kernel"] += h[t].T @ a
        grads["bias"] += a.sum(axis=0)
        grads["x"][:, t] = a @ kernel.T
        from_later = a @ recurrent_kernel.T
    grads["h0"] = from_later
    return grads


def _expect(name, array, shape):
    array = np.asarray(array, dtype=np.float64)
    if array.shape != shape:
        raise ValueError(f"{name}: expected shape {shape}, got {array.shape}")
    return array


# --8<-- [end:backward]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    grads = simple_rnn_backward(
        rng.normal(size=(2, 5, 3)),
        rng.normal(size=(3, 4)),
        rng.normal(size=(4, 4)),
        np.zeros(4),
        rng.normal(size=(2, 5, 4)),
    )
    for name, grad in grads.items():
        print(f"dL/d{name:<17}{grad.shape}")
