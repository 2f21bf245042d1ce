import keras

from count_params import GATES, count_params
from params_formula_tex import call_cell, call_text, formula_tex

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
    print("| `keras.layers` | $x$ | $P$ | `count_params` = Keras |")
    print("|---|---:|---|---:|")
    for call, input_dim, tex, ours, theirs in rows():
        relation = "=" if ours == theirs else "≠"
        print(f"| {call_cell(call)} | {input_dim} | ${{{tex}}}$ "
              f"| {ours:,} {relation} {theirs:,} |")
