from lstm_example import c_prev, show
from lstm_forget_gate import f_t
from lstm_input_gate import c_tilde, i_t

c_t = f_t * c_prev + i_t * c_tilde

if __name__ == "__main__":
    show(
        {
            "c_prev": c_prev,
            "f_t * c_prev": f_t * c_prev,
            "i_t * c_tilde": i_t * c_tilde,
            "c_t": c_t,
        }
    )
