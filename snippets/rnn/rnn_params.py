import keras

input_dim, units = 16, 32

kernel = input_dim * units  # W_x
recurrent_kernel = units * units  # W_h
bias = units  # b
by_formula = units * (units + input_dim) + units

layer = keras.layers.SimpleRNN(units)
layer.build((None, None, input_dim))

print(f"W_x  {input_dim} x {units} = {kernel}")
print(f"W_h  {units} x {units} = {recurrent_kernel}")
print(f"b    {units}")
print(f"h(h+x)+h = {by_formula}")
print(f"Keras SimpleRNN({units}).count_params() = {layer.count_params()}")
