import numpy as np
from gru_example import W_hh, W_xh, b_hh, b_xh, h_prev, x_t
from gru_reset_gate import r_t

recurrent = h_prev @ W_hh + b_hh
candidate = np.tanh(x_t @ W_xh + b_xh + r_t * recurrent)

if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print("h_prev @ W_hh + b_hh", recurrent)
    print("r_t * (...)         ", r_t * recurrent)
    print("candidate", candidate.shape, candidate)
