import keras
import numpy as np
from rnn_forward import simple_rnn_forward

keras.utils.set_random_seed(0)
batch, steps, input_dim, units = 2, 5, 3, 4
x = (
    np.random.default_rng(0)
    .normal(size=(batch, steps, input_dim))
    .astype("float32")
)

layer = keras.layers.SimpleRNN(units, return_sequences=True, return_state=True)
outputs_keras, h_keras = layer(x)
kernel, recurrent_kernel, bias = layer.get_weights()

outputs, h_last = simple_rnn_forward(x, kernel, recurrent_kernel, bias)
gap = np.abs(outputs - keras.ops.convert_to_numpy(outputs_keras)).max()
print(
    "kernel",
    kernel.shape,
    "recurrent_kernel",
    recurrent_kernel.shape,
    "bias",
    bias.shape,
)
print("outputs", outputs.shape, "h_last", h_last.shape)
print("same as Keras (max gap < 1e-5):", bool(gap < 1e-5))
