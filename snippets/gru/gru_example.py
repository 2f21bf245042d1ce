import keras
import numpy as np

keras.utils.set_random_seed(0)
input_dim, units = 2, 3
layer = keras.layers.GRU(units, bias_initializer="random_normal")
layer.build((None, None, input_dim))
kernel, recurrent_kernel, bias = layer.get_weights()

W_xz, W_xr, W_xh = np.split(kernel, 3, axis=1)
W_hz, W_hr, W_hh = np.split(recurrent_kernel, 3, axis=1)
b_xz, b_xr, b_xh = np.split(bias[0], 3)
b_hz, b_hr, b_hh = np.split(bias[1], 3)
b_z, b_r = b_xz + b_hz, b_xr + b_hr

x_t = np.array([[1.0, -2.0]], dtype="float32")
h_prev = np.array([[0.5, -0.3, 0.8]], dtype="float32")


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print("kernel", kernel.shape, "recurrent_kernel", recurrent_kernel.shape)
    print(
        "bias",
        bias.shape,
        "W_xz",
        W_xz.shape,
        "W_hz",
        W_hz.shape,
        "b_z",
        b_z.shape,
    )
    print("x_t   ", x_t)
    print("h_prev", h_prev)
