import keras

SIZES = [(16, 32), (64, 64), (128, 256), (300, 512)]  # (input_dim, units)
LAYERS = {
    "SimpleRNN": lambda units: keras.layers.SimpleRNN(units),
    "GRU": lambda units: keras.layers.GRU(units),
    "LSTM": lambda units: keras.layers.LSTM(units),
}


def count_params(make_layer, input_dim, units):
    layer = make_layer(units)
    layer.build((None, None, input_dim))
    return layer.count_params()


print("| $x$ | $h$ | " + " | ".join(LAYERS) + " | GRU / LSTM |")
print("|" + "---:|" * (len(LAYERS) + 3))
for input_dim, units in SIZES:
    counts = {
        name: count_params(make, input_dim, units)
        for name, make in LAYERS.items()
    }
    ratio = counts["GRU"] / counts["LSTM"]
    cells = [f"{n:,}" for n in counts.values()]
    print(
        f"| {input_dim} | {units} | " + " | ".join(cells) + f" | {ratio:.3f} |"
    )
