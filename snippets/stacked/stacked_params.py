"""Parameter counts of a stack of LSTM layers, by the formula and by Keras.

Run it: ``python snippets/stacked/stacked_params.py`` prints a few counts both
ways.
"""

import keras


# --8<-- [start:count]
def lstm_param_count(input_dim, units):
    """Parameters of keras.layers.LSTM(units) reading input_dim features.

    Four gates (i, f, c, o), each with a kernel (input_dim, units),
    a recurrent kernel (units, units) and a bias (units,).
    """
    for name, value in (("input_dim", input_dim), ("units", units)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(
                f"{name}: expected a positive integer, got {value!r}"
            )
    return 4 * (units * (units + input_dim) + units)


# --8<-- [end:count]


def stack_rows(model):
    """One row per layer of a built Sequential model.

    Each row holds the layer's label, output shape, input size x, units h,
    the formula for its count (TeX), that count, and Keras' count_params().
    The input size of each layer is read off the output of the layer below.
    """
    rows = []
    x = model.inputs[0].shape[-1]
    for layer in model.layers:
        if isinstance(layer, keras.layers.LSTM):
            h = layer.units
            label = f"LSTM({h})"
            formula = rf"4\,({h}\,({h} + {x}) + {h})"
            count = lstm_param_count(x, h)
        elif isinstance(layer, keras.layers.Embedding):
            x, h = None, None
            vocabulary, width = layer.input_dim, layer.output_dim
            label = f"Embedding({vocabulary}, {width})"
            formula, count = rf"{vocabulary} \cdot {width}", vocabulary * width
        elif isinstance(layer, keras.layers.Dense):
            h = layer.units
            label = f"Dense({h})"
            formula, count = rf"{x} \cdot {h} + {h}", x * h + h
        else:
            raise ValueError(
                f"{layer.name}: expected LSTM, Embedding or Dense, "
                f"got {type(layer).__name__}"
            )
        rows.append(
            dict(
                label=label,
                output_shape=layer.output.shape,
                x=x,
                h=h,
                formula=formula,
                count=count,
                keras=layer.count_params(),
            )
        )
        x = layer.output.shape[-1]
    return rows


if __name__ == "__main__":
    for input_dim, units in ((16, 32), (32, 32), (32, 16)):
        layer = keras.layers.LSTM(units)
        layer.build((None, None, input_dim))
        by_formula = lstm_param_count(input_dim, units)
        print(
            f"x={input_dim:>2} h={units:>2}: formula {by_formula:>5,}"
            f"  Keras {layer.count_params():>5,}"
        )
