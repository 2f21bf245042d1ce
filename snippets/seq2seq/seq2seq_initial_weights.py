import keras
import numpy as np
from seq2seq_custom_cell import MinimalLSTMCell


def initial_weights(layer, units, input_dim=3):
    """The forget gate's bias and how far W_h is from having orthonormal rows,
    as built."""
    layer.build((None, None, input_dim))
    _, recurrent_kernel, bias = layer.get_weights()
    gram = recurrent_kernel @ recurrent_kernel.T
    return bias[units : 2 * units].mean(), np.abs(gram - np.eye(units)).max()


if __name__ == "__main__":
    from labels import label

    keras.utils.set_random_seed(0)
    units = 8
    print(
        f"| {label('layer', '层')} "
        f"| {label('forget-gate bias', '遗忘门偏置')} $b_f$ | "
        r"$\max \lvert W_h W_h^\top - I \rvert$ |"
    )
    print("|---|---:|---:|")
    for name, layer in (
        ("LSTM(8)", keras.layers.LSTM(units)),
        ("RNN(MinimalLSTMCell(8))", keras.layers.RNN(MinimalLSTMCell(units))),
    ):
        forget_bias, off = initial_weights(layer, units)
        print(f"| `{name}` | {forget_bias:.1f} | {off:.2g} |")
