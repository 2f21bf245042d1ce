import keras

from params_formula_tex import call_cell

input_dim, units = 16, 32
layers = {
    f"SimpleRNN({units})": keras.layers.SimpleRNN(units),
    f"LSTM({units})": keras.layers.LSTM(units),
    f"GRU({units})": keras.layers.GRU(units),
    f"GRU({units}, reset_after=False)": keras.layers.GRU(units, reset_after=False),
}

print(f"$x = {input_dim},\\ h = {units}$\n")
print("| `keras.layers` | `kernel` | `recurrent_kernel` | `bias` | `count_params()` |")
print("|---|---|---|---|---:|")
for name, layer in layers.items():
    layer.build((None, None, input_dim))
    shapes = {weight.name: tuple(weight.shape) for weight in layer.weights}
    row = [f"${shapes[key]}$" for key in ("kernel", "recurrent_kernel", "bias")]
    print(f"| {call_cell(name)} | " + " | ".join(row) + f" | {layer.count_params():,} |")
