import keras
import numpy as np
from stateful_reset import reset_stateful_layers

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(batch_shape=(1, 4, 2)),
        keras.layers.LSTM(3, stateful=True),
    ]
)
x = np.random.default_rng(0).normal(size=(1, 4, 2)).astype("float32")

first = model.predict(x, verbose=0)[0]
second = model.predict(x, verbose=0)[0]
reset_stateful_layers(model)
after_reset = model.predict(x, verbose=0)[0]

print("predict #1: ", first.round(4))
print("predict #2: ", second.round(4))
print("after reset:", after_reset.round(4))
print("#2 == #1:         ", np.array_equal(second, first))
print("after reset == #1:", np.array_equal(after_reset, first))
