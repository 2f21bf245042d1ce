import keras

layer = keras.layers.LSTM(32)
print("built:", layer.built)
try:
    layer.count_params()
except ValueError as error:
    print("ValueError:", str(error).split(".")[0])

layer.build((None, None, 16))
print("built:", layer.built, f"count_params(): {layer.count_params():,}")
