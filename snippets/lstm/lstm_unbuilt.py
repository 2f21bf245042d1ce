import keras
import numpy as np

model = keras.Sequential(
    [keras.layers.Embedding(500, 16), keras.layers.LSTM(32)]
)
model.summary(line_length=72)
print("built:", model.built)
try:
    model.count_params()
except ValueError as error:
    print("count_params():", str(error).split(", but ")[-1].split(".")[0])

model(np.zeros((1, 128), dtype="int32"))
print(
    "after one batch: built:",
    model.built,
    " count_params():",
    model.count_params(),
)
