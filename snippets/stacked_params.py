"""Parameter counts of a stack of LSTM layers, layer by layer, from the formula and from Keras.

Run it: ``python snippets/stacked_params.py`` prints the count for a few (input size, units) pairs.
"""

# --8<-- [start:count]
def lstm_param_count(input_dim, units):
    """Parameters of keras.layers.LSTM(units) reading input_dim features.

    Four gates (i, f, c, o), each with W_x (input_dim, units), W_h (units, units) and b (units,).
    """
    for name, value in (("input_dim", input_dim), ("units", units)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name}: expected a positive integer, got {value!r}")
    return 4 * (units * (units + input_dim) + units)
# --8<-- [end:count]


# --8<-- [start:rows]
import keras


def stack_rows(model):
    """One row per layer of a built Sequential model: what it is, its output shape, its input size x,
    its units h, the count by formula (as TeX and as a number) and Keras' count_params()."""
    rows = []
    x = model.inputs[0].shape[-1]
    for layer in model.layers:
        config = layer.get_config()
        if isinstance(layer, keras.layers.LSTM):
            h = layer.units
            flag = ", return_sequences=True" if layer.return_sequences else ""
            label = f"LSTM({h}{flag})"
            formula, count = rf"$4\,({h}\,({h} + {x}) + {h})$", lstm_param_count(x, h)
        elif isinstance(layer, keras.layers.Embedding):
            x, h = None, None
            label = f"Embedding({layer.input_dim}, {layer.output_dim})"
            formula, count = rf"${layer.input_dim} \cdot {layer.output_dim}$", layer.input_dim * layer.output_dim
        elif isinstance(layer, keras.layers.Dense):
            h = layer.units
            label = f'Dense({h}, activation="{config["activation"]}")'
            formula, count = rf"${x} \cdot {h} + {h}$", x * h + h
        else:
            raise ValueError(f"{layer.name}: expected LSTM, Embedding or Dense, got {type(layer).__name__}")
        rows.append(dict(label=label, output_shape=layer.output.shape, x=x, h=h,
                         formula=formula, count=count, keras=layer.count_params()))
        x = layer.output.shape[-1]
    return rows
# --8<-- [end:rows]


if __name__ == "__main__":
    for input_dim, units in ((16, 32), (32, 32), (32, 16)):
        layer = keras.layers.LSTM(units)
        layer.build((None, None, input_dim))
        print(f"x={input_dim:>2} h={units:>2}: formula {lstm_param_count(input_dim, units):>5,}"
              f"  Keras {layer.count_params():>5,}")
