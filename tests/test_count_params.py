"""count_params (snippets/common/count_params.py) against the count_params() of real Keras layers.

Each test loops over its cases and reports every mismatch at once: clearing the Keras session after
each test (tests/conftest.py) costs about a second, so a test per case would take minutes.
"""

import itertools

import keras
import numpy as np
import pytest
from count_params import count_params

LAYERS = {"SimpleRNN": keras.layers.SimpleRNN, "LSTM": keras.layers.LSTM, "GRU": keras.layers.GRU}
SIZES = [  # input_dim, units
    (1, 1),
    (1, 6),
    (7, 1),
    (3, 4),
    (16, 32),
    (32, 16),
    (50, 64),
]
OPTIONS = [  # use_bias, reset_after, bidirectional
    dict(zip(("use_bias", "reset_after", "bidirectional"), values, strict=True))
    for values in itertools.product([True, False], repeat=3)
]


def keras_count(layer, input_dim, units, use_bias, reset_after, bidirectional):
    arguments = {"use_bias": use_bias}
    if layer == "GRU":
        arguments["reset_after"] = reset_after  # SimpleRNN and LSTM have no such argument
    built = LAYERS[layer](units, **arguments)
    if bidirectional:
        built = keras.layers.Bidirectional(built)
    built.build((None, None, input_dim))
    return built.count_params()


@pytest.mark.parametrize("layer", LAYERS)
def test_matches_keras_on_every_size_and_option(layer):
    wrong = []
    for (input_dim, units), options in itertools.product(SIZES, OPTIONS):
        expected = keras_count(layer, input_dim, units, **options)
        got = count_params(layer, input_dim, units, **options)
        if got != expected:
            wrong.append(f"{layer}({units}) on input_dim={input_dim}, {options}: {got} != Keras {expected}")
    assert not wrong, "\n".join(wrong)


def test_numpy_integers_are_sizes():
    assert count_params("LSTM", np.int64(16), np.int32(32)) == 6_272


def test_unknown_layer_names_the_value_and_the_choices():
    for name in ["lstm", "Lstm", "RNN", "Dense", "Bidirectional", "", None]:
        with pytest.raises(ValueError) as error:
            count_params(name, 16, 32)
        message = str(error.value)
        assert message.startswith("layer:"), message
        assert f"got {name!r}" in message, message
        assert "expected one of 'SimpleRNN', 'LSTM', 'GRU'" in message, message


def test_bad_size_names_the_argument_the_value_and_what_is_allowed():
    for argument, value in itertools.product(
        ["input_dim", "units"], [0, -1, -32, 2.5, 16.0, True, "16", None]
    ):
        sizes = {"input_dim": 16, "units": 32, argument: value}
        with pytest.raises(ValueError) as error:
            count_params("GRU", **sizes)
        message = str(error.value)
        assert message.startswith(f"{argument}:"), message
        assert "expected an integer >= 1" in message, message
        assert f"got {value!r}" in message, message
