import textwrap

import keras

try:
    keras.Sequential(
        [
            keras.Input(shape=(128,)),
            keras.layers.Embedding(500, 16),
            keras.layers.LSTM(32),
            keras.layers.LSTM(32),
        ]
    )
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
    print(textwrap.fill(message, 78, subsequent_indent="  "))
