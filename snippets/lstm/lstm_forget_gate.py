from lstm_example import gate_weights, h_prev, show, x_t
from lstm_forward import sigmoid

W_xf, W_hf, b_f = gate_weights("f")
f_t = sigmoid(x_t @ W_xf + h_prev @ W_hf + b_f)

if __name__ == "__main__":
    show(
        {
            "x_t @ W_xf": x_t @ W_xf,
            "h_prev @ W_hf": h_prev @ W_hf,
            "b_f": b_f,
            "f_t": f_t,
        }
    )
