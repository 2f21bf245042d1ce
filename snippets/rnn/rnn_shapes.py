import numpy as np

batch, input_dim, units = 8, 16, 32
x_t = np.ones((batch, input_dim))
h_prev = np.ones((batch, units))
W_x = np.ones((input_dim, units))
W_h = np.ones((units, units))
b = np.ones(units)

terms = {
    "x_t": x_t,
    "W_x": W_x,
    "x_t @ W_x": x_t @ W_x,
    "h_prev": h_prev,
    "W_h": W_h,
    "h_prev @ W_h": h_prev @ W_h,
    "b": b,
    "h_t": np.tanh(x_t @ W_x + h_prev @ W_h + b),
}
for name, value in terms.items():
    print(f"{name:<14}{value.shape}")
