import keras
import numpy as np

keras.utils.set_random_seed(0)
units = 4
inputs = np.random.default_rng(0).normal(size=(2, 6, 3)).astype("float32")
init = keras.initializers.RandomNormal(stddev=1)
gru = keras.layers.GRU(units, bias_initializer=init)
reference = keras.ops.convert_to_numpy(gru(inputs))
kernel, recurrent_kernel, bias = gru.get_weights()
input_bias, recurrent_bias = bias


def output_with_bias(new_bias):
    gru.set_weights([kernel, recurrent_kernel, new_bias])
    return keras.ops.convert_to_numpy(gru(inputs))


z_and_r = slice(0, 2 * units)
folded_z_r = np.stack([input_bias.copy(), recurrent_bias.copy()])
folded_z_r[0, z_and_r] += recurrent_bias[z_and_r]
folded_z_r[1, z_and_r] = 0
folded_all = np.stack([input_bias + recurrent_bias, 0 * recurrent_bias])

print("bias", bias.shape)
for name, new_bias in (("z, r folded", folded_z_r), ("all folded", folded_all)):
    change = np.abs(output_with_bias(new_bias) - reference).max()
    print(f"{name}: largest change in the output {change:.1e}")
