import keras

inputs = keras.Input(shape=(128, 16))
for return_sequences in (False, True):
    layer = keras.layers.LSTM(32, return_sequences=return_sequences)
    flag = f"return_sequences={return_sequences}"
    print(f"LSTM(32, {flag:<22}) -> {layer(inputs).shape}")
