import keras
from count_params import GATES, count_params
from params_tables import parameter_table

CASES = [  # layer, x, h, options
    *[(layer, 16, 32, {}) for layer in GATES],
    ("GRU", 16, 32, {"reset_after": False}),
    *[(layer, 300, 128, {}) for layer in GATES],
    ("GRU", 300, 128, {"reset_after": False}),
    *[(layer, 4, 256, {}) for layer in GATES],
    ("GRU", 4, 256, {"reset_after": False}),
    *[(layer, 16, 32, {"use_bias": False}) for layer in GATES],
    *[(layer, 16, 32, {"bidirectional": True}) for layer in GATES],
]


def keras_layer(layer, h, bidirectional=False, **options):
    built = getattr(keras.layers, layer)(h, **options)
    return keras.layers.Bidirectional(built) if bidirectional else built


def rows():
    """Each case with our count and the count of the built Keras layer."""
    for layer, x, h, options in CASES:
        built = keras_layer(layer, h, **options)
        built.build((None, None, x))
        yield (
            (layer, x, h, options),
            count_params(layer, x, h, **options),
            built.count_params(),
        )


if __name__ == "__main__":
    print(parameter_table(rows()))
