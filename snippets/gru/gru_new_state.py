import keras
import numpy as np
from gru_candidate import candidate
from gru_example import h_prev, layer, x_t
from gru_update_gate import z_t

h_t = z_t * h_prev + (1 - z_t) * candidate

if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print("z_t            ", z_t)
    print("h_prev         ", h_prev)
    print("candidate      ", candidate)
    print("h_t", h_t.shape, h_t)
    h_keras = keras.ops.convert_to_numpy(
        layer(x_t[:, None, :], initial_state=[h_prev])
    )
    print("Keras GRU, one step from h_prev:", h_keras)
    print("same (max gap < 1e-6):", bool(np.abs(h_t - h_keras).max() < 1e-6))
