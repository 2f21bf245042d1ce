import keras
import numpy as np
import tensorflow as tf

np.set_printoptions(precision=3, suppress=True)


# --8<-- [start:outputs]
def masked_outputs(layer, x, mask):
    """The layer's output sequence (return_sequences=True) for x with a mask, as
    NumPy."""
    return keras.ops.convert_to_numpy(layer(x, mask=mask))[0]


# --8<-- [end:outputs]


if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).normal(size=(1, 5, 3)).astype("float32")
    mask = np.array([[True, True, True, False, False]])
    lstm = keras.layers.LSTM(2, return_sequences=True)
    both = keras.layers.Bidirectional(
        keras.layers.LSTM(2, return_sequences=True)
    )
    print("mask:", mask[0])
    print("LSTM(2, return_sequences=True):\n", masked_outputs(lstm, x, mask))
    print(
        "Bidirectional(LSTM(2, return_sequences=True)):\n",
        masked_outputs(both, x, mask),
    )

    from keras.src.backend.tensorflow.rnn import _assert_valid_mask

    left_padded = tf.constant([[False, False, True, True, True]])
    print("left_padded:", left_padded.numpy()[0])
    try:
        _assert_valid_mask(left_padded)
    except tf.errors.InvalidArgumentError as error:
        print("_assert_valid_mask(left_padded):", type(error).__name__)
    traced = tf.function(_assert_valid_mask)
    concrete = traced.get_concrete_function(tf.TensorSpec((None, 5), tf.bool))
    print("traced.get_concrete_function(...):", type(concrete).__name__)
    try:
        traced(left_padded)
    except tf.errors.InvalidArgumentError as error:
        print("traced(left_padded):", type(error).__name__)
