import keras
import numpy as np

keras.utils.set_random_seed(0)
x = np.random.default_rng(0).normal(size=(4, 20, 16)).astype("float32")
lower = keras.layers.LSTM(32, return_sequences=True, return_state=True)
upper = keras.layers.LSTM(16, return_sequences=True, return_state=True)

sequence_1, h_1, c_1 = lower(x)
sequence_2, h_2, c_2 = upper(sequence_1)

layers = [(sequence_1, h_1, c_1), (sequence_2, h_2, c_2)]
for layer, outputs in enumerate(layers, start=1):
    sequence, h, c = (keras.ops.convert_to_numpy(a) for a in outputs)
    last_step = np.allclose(h, sequence[:, -1])
    print(
        f"layer {layer}: sequence {sequence.shape}  h {h.shape}  "
        f"c {c.shape}  h == sequence[:, -1]: {last_step}"
    )
