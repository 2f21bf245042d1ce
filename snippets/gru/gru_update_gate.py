import numpy as np
from gru_example import W_hz, W_xz, b_z, h_prev, sigmoid, x_t

z_t = sigmoid(x_t @ W_xz + h_prev @ W_hz + b_z)

if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print("x_t @ W_xz   ", x_t @ W_xz)
    print("h_prev @ W_hz", h_prev @ W_hz)
    print("b_z          ", b_z)
    print("z_t", z_t.shape, z_t)
