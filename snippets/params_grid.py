import keras

from count_params import GATES, count_params

CASES = [  # layer, input_dim, units, options
    *[(layer, 16, 32, {}) for layer in GATES],
    ("GRU", 16, 32, {"reset_after": False}),
    *[(layer, 300, 128, {}) for layer in GATES],
    ("GRU", 300, 128, {"reset_after": False}),
    *[(layer, 4, 256, {}) for layer in GATES],
    ("GRU", 4, 256, {"reset_after": False}),
    *[(layer, 16, 32, {"use_bias": False}) for layer in GATES],
    *[(layer, 16, 32, {"bidirectional": True}) for layer in GATES],
]


def keras_layer(layer, units, bidirectional=False, **options):
    built = getattr(keras.layers, layer)(units, **options)
    return keras.layers.Bidirectional(built) if bidirectional else built


def call_text(layer, units, bidirectional=False, **options):
    arguments = "".join(f", {name}={value}" for name, value in options.items())
    text = f"{layer}({units}{arguments})"
    return f"Bidirectional({text})" if bidirectional else text


def formula_tex(layer, input_dim, units, use_bias=True, reset_after=True, bidirectional=False):
    weights = rf"{units}\,({units}+{input_dim})"
    factor = GATES[layer] * (2 if bidirectional else 1)
    factor_tex = rf"2\cdot{GATES[layer]}" if bidirectional and GATES[layer] > 1 else str(factor)
    if not use_bias:
        return weights if factor == 1 else rf"{factor_tex}\cdot{weights}"
    bias = rf"2\cdot{units}" if layer == "GRU" and reset_after else str(units)
    return f"{weights}+{bias}" if factor == 1 else rf"{factor_tex}\,({weights}+{bias})"


def rows():
    for layer, input_dim, units, options in CASES:
        built = keras_layer(layer, units, **options)
        built.build((None, None, input_dim))
        yield (
            call_text(layer, units, **options),
            input_dim,
            formula_tex(layer, input_dim, units, **options),
            count_params(layer, input_dim, units, **options),
            built.count_params(),
        )


if __name__ == "__main__":
    print("| `keras.layers` | $x$ | $P$ | `count_params` | `layer.count_params()` | |")
    print("|---|---:|---|---:|---:|:-:|")
    for call, input_dim, tex, ours, theirs in rows():
        mark = "✓" if ours == theirs else "✗"
        print(f"| `{call}` | {input_dim} | ${tex}$ | {ours:,} | {theirs:,} | {mark} |")
