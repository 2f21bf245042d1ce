import re
import textwrap

import keras
import numpy as np
import tensorflow as tf

# --8<-- [start:blockers]
TANH = (keras.activations.tanh, keras.ops.tanh, tf.tanh)
SIGMOID = (keras.activations.sigmoid, keras.ops.sigmoid, tf.sigmoid)


def cudnn_blockers(layer):
    """What keeps an LSTM or GRU layer off the cuDNN kernel in Keras 3
    (TensorFlow backend), as the layer's inner_loop and the backend's cudnn_ok
    decide; an empty list means cuDNN when a GPU is visible (and a mask, if any,
    is right-padded)."""
    if not isinstance(layer, (keras.layers.LSTM, keras.layers.GRU)):
        raise ValueError(
            f"layer: expected an LSTM or GRU layer, got {type(layer).__name__}"
        )
    checks = {
        "use_cudnn=False": layer.use_cudnn is False,
        "recurrent_dropout > 0": bool(layer.recurrent_dropout),
        "activation is not tanh": layer.activation not in TANH,
        "recurrent_activation is not sigmoid": layer.recurrent_activation
        not in SIGMOID,
        "unroll=True": layer.unroll,
        "use_bias=False": not layer.use_bias,
    }
    if isinstance(layer, keras.layers.GRU):
        checks["reset_after=False"] = not layer.reset_after
    return [reason for reason, blocks in checks.items() if blocks]


# --8<-- [end:blockers]


if __name__ == "__main__":
    print("GPUs visible:", tf.config.list_logical_devices("GPU"))
    for layer in (
        keras.layers.LSTM(8),
        keras.layers.GRU(8, reset_after=False),
        keras.layers.LSTM(8, recurrent_dropout=0.2, activation="relu"),
    ):
        print(
            f"{layer.__class__.__name__:<5} blockers: {cudnn_blockers(layer)}"
        )

    x = np.zeros((2, 5, 3), dtype="float32")
    print("use_cudnn='auto':", keras.layers.LSTM(8)(x).shape)
    try:
        keras.layers.LSTM(8, use_cudnn=True)(x)
    except ValueError as error:
        message = next(
            line for line in str(error).splitlines() if "use_cudnn" in line
        )
        message = re.sub(r"\x1b\[[0-9;]*m", "", message)
        print(
            textwrap.fill(
                f"use_cudnn=True:  ValueError: {message}",
                78,
                subsequent_indent="  ",
            )
        )
