import numpy as np
from training_bptt import simple_rnn_backward


# --8<-- [start:truncated]
def truncated_bptt(x, kernel, recurrent_kernel, bias, grad_outputs, chunk_len):
    """BPTT run chunk by chunk, as a stateful layer trains: the state carries
    forward, the gradient does not carry back across a chunk boundary. Returns
    the summed weight gradients."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or x.shape[1] % chunk_len:
        raise ValueError(
            f"x: expected shape (batch, T, input_dim) with T a multiple of "
            f"{chunk_len}, got {x.shape}"
        )
    names = ("kernel", "recurrent_kernel", "bias")
    total = {name: 0.0 for name in names}
    h = np.zeros((x.shape[0], np.shape(kernel)[1]))
    for start in range(0, x.shape[1], chunk_len):
        chunk = slice(start, start + chunk_len)
        grads = simple_rnn_backward(
            x[:, chunk],
            kernel,
            recurrent_kernel,
            bias,
            grad_outputs[:, chunk],
            h0=h,
        )
        for name in names:
            total[name] = total[name] + grads[name]
        for t in range(
            start, start + chunk_len
        ):  # the state carried into the next chunk
            h = np.tanh(x[:, t] @ kernel + h @ recurrent_kernel + bias)
    return total


# --8<-- [end:truncated]


if __name__ == "__main__":
    from labels import label

    rng = np.random.default_rng(0)
    units, steps = 8, 40
    kernel = rng.normal(scale=0.5, size=(2, units))
    recurrent_kernel = 0.95 * np.linalg.qr(rng.normal(size=(units, units)))[0]
    bias = np.zeros(units)
    x = rng.normal(size=(4, steps, 2))
    upstream = rng.normal(size=(4, steps, units))

    full = simple_rnn_backward(x, kernel, recurrent_kernel, bias, upstream)
    error = r"$\lVert g_k - g \rVert / \lVert g \rVert$"
    print(
        label(
            f"$T = {steps}$; relative error of each gradient, {error}:",
            f"$T = {steps}$，各梯度的相对误差 {error}：",
        ),
        "\n",
    )
    print(f"| {label('chunk length', '块长')} $k$ | $W_x$ | $W_h$ | $b$ |")
    print("|---:|---:|---:|---:|")
    for chunk_len in (1, 2, 5, 10, 20, 40):
        cut = truncated_bptt(
            x, kernel, recurrent_kernel, bias, upstream, chunk_len
        )
        errors = [
            np.linalg.norm(cut[n] - full[n]) / np.linalg.norm(full[n])
            for n in cut
        ]
        print(
            f"| {chunk_len} | " + " | ".join(f"{e:.3f}" for e in errors) + " |"
        )
