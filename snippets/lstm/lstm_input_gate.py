import numpy as np
from lstm_example import gate_weights, h_prev, show, x_t
from lstm_forward import sigmoid

W_xi, W_hi, b_i = gate_weights("i")
W_xc, W_hc, b_c = gate_weights("c")
i_t = sigmoid(x_t @ W_xi + h_prev @ W_hi + b_i)
c_tilde = np.tanh(x_t @ W_xc + h_prev @ W_hc + b_c)

if __name__ == "__main__":
    show({"i_t": i_t, "c_tilde": c_tilde, "i_t * c_tilde": i_t * c_tilde})
