import keras
import numpy as np

keras.utils.set_random_seed(0)
h = 16
inputs = np.random.default_rng(0).normal(size=(4, 10, 8)).astype("float32")

gru = keras.layers.GRU(h, return_sequences=True, return_state=True)
both = keras.layers.Bidirectional(gru)
sequence, h_forward, h_backward = map(keras.ops.convert_to_numpy, both(inputs))
forward, backward = sequence[..., :h], sequence[..., h:]
print("forward[:, -1]  == h_forward: ", np.allclose(forward[:, -1], h_forward))
print("backward[:, 0]  == h_backward:", np.allclose(backward[:, 0], h_backward))
print(
    "backward[:, -1] == h_backward:", np.allclose(backward[:, -1], h_backward)
)

last = keras.layers.Bidirectional(keras.layers.GRU(h))
last.build(inputs.shape)
last.set_weights(both.get_weights())
output = keras.ops.convert_to_numpy(last(inputs))
concat = np.concatenate([h_forward, h_backward], axis=-1)
print(
    "Bidirectional(GRU(h)) == [h_forward; h_backward]:",
    np.allclose(output, concat),
)
