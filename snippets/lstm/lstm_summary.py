import keras

model = keras.Sequential(
    [
        keras.Input(shape=(128,)),
        keras.layers.Embedding(500, 16),
        keras.layers.LSTM(32),
    ]
)
model.summary(line_length=72)
