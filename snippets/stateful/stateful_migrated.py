import keras
import numpy as np
from stateful_reset import reset_stateful_layers

B, T, F = 16, 10, 1
keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(batch_shape=(B, T, F)),
        keras.layers.LSTM(32, stateful=True),
        keras.layers.Dense(1),
    ]
)
lstm = model.layers[0]


def show(label):
    h, c = (np.abs(keras.ops.convert_to_numpy(v)).max() for v in lstm.states)
    print(f"{label:<28} max |h| = {h:.4f}, max |c| = {c:.4f}")


print("input batch shape:", model.inputs[0].shape)
model.predict(np.ones((B, T, F)), batch_size=B, verbose=0)
show("after predict")
reset_stateful_layers(model)
show("after reset_stateful_layers")
model.predict(np.ones((B, T, F)), batch_size=B, verbose=0)
show("after predict")
lstm.reset_states()
show("after lstm.reset_states()")
lstm.states[0].assign(np.full((B, 32), 0.5))
show("after states[0].assign(0.5)")
