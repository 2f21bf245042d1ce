import keras
import numpy as np

np.set_printoptions(precision=3, suppress=True)


def masks(**rates):
    """The input dropout mask an LSTM(4) cell draws for x of shape (1, 5, 6),
    and which implementation the cell runs."""
    keras.utils.set_random_seed(0)
    layer = keras.layers.LSTM(4, **rates)
    x = np.ones((1, 5, 6), dtype="float32")
    layer(x)  # builds the layer
    mask = layer.cell.get_dropout_mask(x[:, 0])
    return layer, x, np.array(keras.ops.convert_to_numpy(mask))


if __name__ == "__main__":
    layer, x, mask = masks(dropout=0.5)
    print(
        "dropout=0.5: implementation",
        layer.cell.implementation,
        "- one mask on x_t, shape",
        mask.shape,
        "\n",
        mask[0],
    )
    layer, x, mask = masks(dropout=0.5, recurrent_dropout=0.5)
    cell = layer.cell
    print("with recurrent_dropout=0.5: implementation", cell.implementation)
    print("masks on x_t, one row per gate (i, f, c, o):\n", mask.reshape(4, -1))
    mask_h = cell.get_recurrent_dropout_mask(np.ones((1, 4)))
    mask_h = np.array(keras.ops.convert_to_numpy(mask_h))
    print("masks on h_t-1, one row per gate:\n", mask_h.reshape(4, -1))
    again = keras.ops.convert_to_numpy(cell.get_dropout_mask(x[:, 1]))
    print("same masks at the next step:", np.array_equal(mask, np.array(again)))
    cell.reset_dropout_mask()
    cell.reset_recurrent_dropout_mask()
    for training in (True, True, False, False):
        out = keras.ops.convert_to_numpy(layer(x, training=training))[0]
        print(f"training={training!s:<5}", out)
