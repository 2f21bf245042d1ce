import keras

input_dim, units = 16, 32

per_gate = input_dim * units + units * units + units  # W_xg, W_hg, b_g
kernel = input_dim * 4 * units  # W_xi | W_xf | W_xc | W_xo
recurrent_kernel = units * 4 * units  # W_hi | W_hf | W_hc | W_ho
bias = 4 * units  # b_i | b_f | b_c | b_o
by_formula = 4 * (units * (units + input_dim) + units)

layer = keras.layers.LSTM(units)
layer.build((None, None, input_dim))

x, h = input_dim, units
print(f"one gate          {x}*{h} + {h}*{h} + {h} = {per_gate}")
print(f"kernel            {x} x {4 * h} = {kernel}")
print(f"recurrent_kernel  {h} x {4 * h} = {recurrent_kernel}")
print(f"bias              {bias}")
print(f"4(h(h+x)+h)       {by_formula}")
print("Keras shapes     ", *(tuple(w.shape) for w in layer.weights))
print(f"Keras LSTM({units}).count_params() = {layer.count_params()}")
