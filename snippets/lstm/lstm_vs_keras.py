import keras
import numpy as np
from lstm_forward import lstm_forward

keras.utils.set_random_seed(0)
batch, steps, input_dim, units = 2, 5, 3, 4
x = np.random.default_rng(0).normal(size=(batch, steps, input_dim))
x = x.astype("float32")

layer = keras.layers.LSTM(units, return_sequences=True, return_state=True)
outputs_keras, h_keras, c_keras = layer(x)
kernel, recurrent_kernel, bias = layer.get_weights()
outputs, h_last, c_last = lstm_forward(x, kernel, recurrent_kernel, bias)

print(
    "activation",
    layer.cell.activation.__name__,
    "recurrent_activation",
    layer.cell.recurrent_activation.__name__,
)
print(
    "kernel",
    kernel.shape,
    "recurrent_kernel",
    recurrent_kernel.shape,
    "bias",
    bias.shape,
)
for gate, block in zip("ifco", np.split(bias, 4)):
    print(f"bias[{gate}]", block.tolist())
print("outputs", outputs.shape, "h_last", h_last.shape, "c_last", c_last.shape)
pairs = {
    "outputs": (outputs, outputs_keras),
    "h": (h_last, h_keras),
    "c": (c_last, c_keras),
}
for name, (ours, theirs) in pairs.items():
    gap = np.abs(ours - keras.ops.convert_to_numpy(theirs)).max()
    print(f"{name:<8} same as Keras (max gap < 1e-5): {bool(gap < 1e-5)}")
