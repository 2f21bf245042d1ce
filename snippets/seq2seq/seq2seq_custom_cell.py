import keras
import numpy as np
from keras import ops


# --8<-- [start:cell]
class MinimalLSTMCell(keras.layers.Layer):
    """One LSTM step in Keras' layout (gates i, f, c, o side by side);
    keras.layers.RNN loops it."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = [units, units]  # h and c
        self.output_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], 4 * self.units), name="kernel"
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, 4 * self.units), name="recurrent_kernel"
        )
        self.bias = self.add_weight(
            shape=(4 * self.units,), initializer="zeros", name="bias"
        )

    def call(self, inputs, states):
        h, c = states
        z = (
            ops.matmul(inputs, self.kernel)
            + ops.matmul(h, self.recurrent_kernel)
            + self.bias
        )
        i, f, g, o = ops.split(z, 4, axis=-1)
        c = ops.sigmoid(f) * c + ops.sigmoid(i) * ops.tanh(g)
        h = ops.sigmoid(o) * ops.tanh(c)
        return h, [h, c]


# --8<-- [end:cell]


if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).normal(size=(4, 7, 3)).astype("float32")
    built_in = keras.layers.LSTM(5, return_sequences=True, return_state=True)
    custom = keras.layers.RNN(
        MinimalLSTMCell(5), return_sequences=True, return_state=True
    )
    built_in.build(x.shape)
    custom.build(x.shape)
    custom.set_weights(
        built_in.get_weights()
    )  # same order: kernel, recurrent_kernel, bias

    for name, a, b in zip(("sequence", "h_T", "c_T"), built_in(x), custom(x)):
        gap = np.abs(
            keras.ops.convert_to_numpy(a) - keras.ops.convert_to_numpy(b)
        ).max()
        print(
            f"{name:<9}{str(tuple(a.shape)):<11} largest difference {gap:.1e}"
        )
