import keras
import numpy as np

keras.utils.set_random_seed(0)
B, T, x, h, k = 4, 10, 8, 16, 3
inputs = np.random.default_rng(0).normal(size=(B, T, x)).astype("float32")
sequence = keras.layers.LSTM(h, return_sequences=True)(inputs)
last = sequence[:, -1]

dense = keras.layers.Dense(k)
per_step = keras.layers.TimeDistributed(keras.layers.Dense(k))
on_last, on_sequence = dense(last), dense(sequence)
per_step.build(tuple(sequence.shape))
per_step.set_weights(dense.get_weights())
on_each_step = per_step(sequence)

for code, value in [
    ("dense(last).shape", f"{tuple(last.shape)} -> {tuple(on_last.shape)}"),
    ("dense(sequence).shape", f"{tuple(sequence.shape)} -> {tuple(on_sequence.shape)}"),
    ("per_step(sequence).shape", f"{tuple(sequence.shape)} -> {tuple(on_each_step.shape)}"),
    ("dense.count_params()", dense.count_params()),
    ("per_step.count_params()", per_step.count_params()),
    ("(h + 1) * k", (h + 1) * k),
    ("allclose(dense(sequence), per_step(sequence))", np.allclose(on_sequence, on_each_step)),
]:
    print(f"{code:<46}{value}")
