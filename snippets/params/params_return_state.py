import keras
import numpy as np

keras.utils.set_random_seed(0)
inputs = np.random.default_rng(0).normal(size=(4, 10, 8)).astype("float32")

for name in ("SimpleRNN", "LSTM", "GRU"):
    layer = getattr(keras.layers, name)(
        16, return_sequences=True, return_state=True
    )
    sequence, *states = map(keras.ops.convert_to_numpy, layer(inputs))
    same = [bool(np.allclose(sequence[:, -1], state)) for state in states]
    print(f"{name:<9} states: {len(states)}, equal to sequence[:, -1]: {same}")
