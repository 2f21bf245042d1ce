import numpy as np

rng = np.random.default_rng(22)
batch, input_dim, units = 2, 3, 2
x_t = rng.normal(size=(batch, input_dim)).round(1)
h_prev = rng.uniform(-1, 1, size=(batch, units)).round(1)
c_prev = rng.normal(size=(batch, units)).round(1)
kernel = rng.normal(scale=0.5, size=(input_dim, 4 * units)).round(1)
recurrent_kernel = rng.normal(scale=0.5, size=(units, 4 * units)).round(1)
bias = rng.normal(scale=0.5, size=4 * units).round(1)


def gate_weights(gate):
    """(W_x, W_h, b) of gate "i", "f", "c" or "o": its block of columns."""
    block = slice("ifco".index(gate) * units, ("ifco".index(gate) + 1) * units)
    return kernel[:, block], recurrent_kernel[:, block], bias[block]


def show(terms):
    """Print the shape and the values (3 decimals) of each named array."""
    for name, value in terms.items():
        print(f"{name:<15}{str(value.shape):<8}{value.round(3).tolist()}")


if __name__ == "__main__":
    show({"x_t": x_t, "h_prev": h_prev, "c_prev": c_prev})
    gates = " ".join(f"{g:>4}" for g in "ifco" for _ in range(units))
    arrays = {
        "kernel": kernel,
        "recurrent_kernel": recurrent_kernel,
        "bias": bias,
    }
    for name, value in arrays.items():
        rows = np.array2string(value, precision=1, floatmode="fixed")
        print(f"{name} {value.shape}\n{' ' * value.ndim}{gates}\n{rows}")
