import textwrap

import keras

layer = keras.layers.LSTM(32)
print("built:", layer.built)
try:
    layer.count_params()
except ValueError as error:
    message = "ValueError: " + str(error).split(".")[0]
    print(textwrap.fill(message, 78, subsequent_indent="  "))

layer.build((None, None, 16))
print("built:", layer.built, f"count_params(): {layer.count_params():,}")
