import numpy as np
from lstm_cell_update import c_t
from lstm_example import gate_weights, h_prev, show, x_t
from lstm_forward import sigmoid

W_xo, W_ho, b_o = gate_weights("o")
o_t = sigmoid(x_t @ W_xo + h_prev @ W_ho + b_o)
h_t = o_t * np.tanh(c_t)

if __name__ == "__main__":
    show({"o_t": o_t, "tanh(c_t)": np.tanh(c_t), "h_t": h_t})
