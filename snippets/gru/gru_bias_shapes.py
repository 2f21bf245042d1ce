import keras

input_dim, units = 16, 32
print("GRU default reset_after:", keras.layers.GRU(units).reset_after)
for reset_after in (True, False):
    layer = keras.layers.GRU(units, reset_after=reset_after)
    layer.build((None, None, input_dim))
    shapes = ", ".join(f"{w.name} {tuple(w.shape)}" for w in layer.weights)
    print(f"reset_after={reset_after!s:<5}  {shapes}")
