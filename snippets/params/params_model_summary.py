import keras
from count_params import count_params

T, x, h, k = 10, 8, 16, 3
model = keras.Sequential(
    [
        keras.Input(shape=(T, x)),
        keras.layers.Bidirectional(keras.layers.LSTM(h, return_sequences=True)),
        keras.layers.Dense(k),
    ]
)
model.summary(line_length=72)
print(
    "count_params('LSTM', x, h, bidirectional=True) =",
    f"{count_params('LSTM', x, h, bidirectional=True):,}",
)
print("(2h + 1) k =", (2 * h + 1) * k)
