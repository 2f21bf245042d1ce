import numpy as np
from gru_example import W_hr, W_xr, b_r, h_prev, sigmoid, x_t

r_t = sigmoid(x_t @ W_xr + h_prev @ W_hr + b_r)

if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print("x_t @ W_xr   ", x_t @ W_xr)
    print("h_prev @ W_hr", h_prev @ W_hr)
    print("b_r          ", b_r)
    print("r_t", r_t.shape, r_t)
