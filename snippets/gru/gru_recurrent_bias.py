import keras
import numpy as np

keras.utils.set_random_seed(0)
units = 4
x = np.random.default_rng(0).normal(size=(2, 6, 3)).astype("float32")
layer = keras.layers.GRU(
    units,
    return_sequences=True,
    bias_initializer=keras.initializers.RandomNormal(stddev=1.0),
)
outputs = keras.ops.convert_to_numpy(layer(x))
kernel, recurrent_kernel, bias = layer.get_weights()


def change_after_moving(blocks):
    moved = bias.copy()
    moved[0, blocks] += moved[1, blocks]
    moved[1, blocks] = 0
    layer.set_weights([kernel, recurrent_kernel, moved])
    change = np.abs(keras.ops.convert_to_numpy(layer(x)) - outputs).max()
    layer.set_weights([kernel, recurrent_kernel, bias])
    return change


gates, candidate = slice(0, 2 * units), slice(2 * units, 3 * units)
print(
    "b_hz, b_hr moved into b_xz, b_xr: "
    f"max change {change_after_moving(gates):.3f}"
)
print(
    "b_hh moved into b_xh:             "
    f"max change {change_after_moving(candidate):.3f}"
)
