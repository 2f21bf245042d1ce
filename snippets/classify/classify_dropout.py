import keras
import numpy as np

np.set_printoptions(precision=3, suppress=True)

if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    layer = keras.layers.LSTM(4, dropout=0.5, recurrent_dropout=0.5)
    x = np.ones((1, 5, 6), dtype="float32")
    layer(x)  # builds the layer
    cell = layer.cell
    mask_x = keras.ops.convert_to_numpy(cell.get_dropout_mask(x[:, 0]))
    mask_h = keras.ops.convert_to_numpy(cell.get_recurrent_dropout_mask(np.ones((1, 4))))
    print("masks on x_t, one row per gate (i, f, c, o):\n", mask_x.reshape(4, -1))
    print("masks on h_t-1, one row per gate:\n", mask_h.reshape(4, -1))
    print("same mask at the next step:",
          np.array_equal(mask_x, keras.ops.convert_to_numpy(cell.get_dropout_mask(x[:, 1]))))
    cell.reset_dropout_mask()
    cell.reset_recurrent_dropout_mask()
    for training in (True, True, False, False):
        print(f"training={training!s:<5}", keras.ops.convert_to_numpy(layer(x, training=training))[0])
