import keras
import numpy as np

np.set_printoptions(precision=4, suppress=True)

if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    embedding = keras.layers.Embedding(500, 16, mask_zero=True)
    lstm = keras.layers.LSTM(3, return_sequences=True, return_state=True)

    post = np.array([[7, 8, 9, 0, 0, 0]])
    mask = embedding.compute_mask(post)
    outputs, h, c = lstm(embedding(post), mask=mask)
    print("mask:", keras.ops.convert_to_numpy(mask)[0])
    print("h_t at each step:\n", keras.ops.convert_to_numpy(outputs)[0])
    print("c_T:", keras.ops.convert_to_numpy(c)[0])

    pre = np.array([[0, 0, 0, 7, 8, 9]])
    _, h_pre, _ = lstm(embedding(pre), mask=embedding.compute_mask(pre))
    no_mask = keras.layers.Embedding(500, 16)  # the same weights, no mask
    no_mask.build((1, 6))
    no_mask.set_weights(embedding.get_weights())
    _, h_unmasked, _ = lstm(no_mask(post))
    print("h_T, pre-padded, masked:  ", keras.ops.convert_to_numpy(h_pre)[0])
    print(
        "h_T, post-padded, no mask:", keras.ops.convert_to_numpy(h_unmasked)[0]
    )
