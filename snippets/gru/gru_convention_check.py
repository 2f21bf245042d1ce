import keras
import numpy as np
from gru_convention import flip_update_gate, gru_forward_convention_b
from gru_forward import gru_forward

keras.utils.set_random_seed(0)
x = np.random.default_rng(0).normal(size=(2, 6, 3)).astype("float32")
layer = keras.layers.GRU(
    4, return_sequences=True, bias_initializer="random_normal"
)
keras_outputs = keras.ops.convert_to_numpy(layer(x))
weights = layer.get_weights()

results = {
    "A, Keras weights           ": gru_forward(x, *weights)[0],
    "B, Keras weights           ": gru_forward_convention_b(x, *weights),
    "B, update gate negated     ": gru_forward_convention_b(
        x, *flip_update_gate(*weights)
    ),
}
for name, outputs in results.items():
    print(
        f"{name}  max gap to Keras {np.abs(outputs - keras_outputs).max():.3f}"
    )
