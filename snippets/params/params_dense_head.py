import keras
import numpy as np

keras.utils.set_random_seed(0)
B, T, x, h, k = 4, 10, 8, 16, 3
inputs = np.random.default_rng(0).normal(size=(B, T, x)).astype("float32")
sequence = keras.layers.LSTM(h, return_sequences=True)(inputs)

dense = keras.layers.Dense(k)
on_last = dense(sequence[:, -1])
on_sequence = dense(sequence)

per_step = keras.layers.TimeDistributed(keras.layers.Dense(k))
per_step.build(tuple(sequence.shape))
per_step.set_weights(dense.get_weights())
on_each_step = per_step(sequence)

print("sequence              ", tuple(sequence.shape))
print("dense(sequence[:, -1])", tuple(on_last.shape))
print("dense(sequence)       ", tuple(on_sequence.shape))
print("per_step(sequence)    ", tuple(on_each_step.shape))
print("count_params():", dense.count_params(), per_step.count_params())
print("(h + 1) k =", (h + 1) * k)
print("same outputs:", np.allclose(on_sequence, on_each_step))
