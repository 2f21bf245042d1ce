import keras
import numpy as np
from gru_forward import gru_forward

keras.utils.set_random_seed(0)
batch, steps, input_dim, units = 2, 5, 3, 4
x = (
    np.random.default_rng(0)
    .normal(size=(batch, steps, input_dim))
    .astype("float32")
)

for reset_after in (True, False):
    layer = keras.layers.GRU(
        units,
        return_sequences=True,
        return_state=True,
        reset_after=reset_after,
        bias_initializer="random_normal",
    )
    outputs_keras, h_keras = layer(x)
    kernel, recurrent_kernel, bias = layer.get_weights()

    outputs, h_last = gru_forward(
        x, kernel, recurrent_kernel, bias, reset_after=reset_after
    )
    gap = max(
        np.abs(outputs - keras.ops.convert_to_numpy(outputs_keras)).max(),
        np.abs(h_last - keras.ops.convert_to_numpy(h_keras)).max(),
    )
    print(f"reset_after={reset_after}")
    print("  kernel", kernel.shape, "recurrent_kernel", recurrent_kernel.shape)
    print(
        "  bias", bias.shape, "outputs", outputs.shape, "h_last", h_last.shape
    )
    print("  same as Keras (max gap < 1e-5):", bool(gap < 1e-5))
