"""count_params (snippets/common/count_params.py) against the count_params() of real Keras layers.

Each test loops over its cases and reports every mismatch at once: clearing the Keras session after
each test (tests/conftest.py) costs about a second, so a test per case would take minutes.
"""

import itertools

import keras
import numpy as np
import pytest
from count_params import count_params

LAYERS = {
    "SimpleRNN": keras.layers.SimpleRNN,
    "LSTM": keras.layers.LSTM,
    "GRU": keras.layers.GRU,
}
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
        arguments["reset_after"] = (
            reset_after  # SimpleRNN and LSTM have no such argument
        )
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
            wrong.append(
                f"{layer}({units}) on input_dim={input_dim}, {options}: {got} != Keras {expected}"
            )
    assert not wrong, "\n".join(wrong)


def test_relations_between_layers():
    """What params.*.md and lstm.*.md state: LSTM exactly 4x SimpleRNN, GRU (reset_after=False) 3x."""
    for input_dim, units in SIZES:
        simple = count_params("SimpleRNN", input_dim, units)
        assert count_params("LSTM", input_dim, units) == 4 * simple
        assert (
            count_params("GRU", input_dim, units, reset_after=False)
            == 3 * simple
        )
        assert count_params("GRU", input_dim, units) == 3 * simple + 3 * units
        assert count_params(
            "GRU", input_dim, units, bidirectional=True
        ) == 2 * count_params("GRU", input_dim, units)
        for layer in LAYERS:
            no_bias = count_params(layer, input_dim, units, use_bias=False)
            assert no_bias == {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[
                layer
            ] * units * (units + input_dim)
        for layer in ("SimpleRNN", "LSTM"):
            assert count_params(
                layer, input_dim, units, reset_after=False
            ) == count_params(layer, input_dim, units)


def test_growth_quoted_on_the_pages():
    """params.*.md and gru.*.md: 3 + 3/(h+x+1), linear in x, about 4x per doubling of h, GRU/LSTM near 3/4."""
    from fractions import Fraction

    for input_dim, units in SIZES:
        simple = count_params("SimpleRNN", input_dim, units)
        gru = count_params("GRU", input_dim, units)
        assert Fraction(gru, simple) == 3 + Fraction(3, units + input_dim + 1)
        assert Fraction(
            count_params("GRU", input_dim, units, reset_after=False),
            count_params("LSTM", input_dim, units),
        ) == Fraction(3, 4)
        for layer, gates in (("SimpleRNN", 1), ("LSTM", 4), ("GRU", 3)):
            step = count_params(layer, input_dim + 1, units) - count_params(
                layer, input_dim, units
            )
            assert step == gates * units  # linear in x
    for units in (64, 128, 256):
        for layer in LAYERS:
            ratio = count_params(layer, 16, 2 * units) / count_params(
                layer, 16, units
            )
            assert (
                3.5 < ratio < 4
            )  # doubling the units roughly quadruples the count
        assert (
            0.75
            < count_params("GRU", 16, units) / count_params("LSTM", 16, units)
            < 0.76
        )


def test_numbers_quoted_on_the_pages():
    """Typed in the equations of lstm.*.md and gru.*.md."""
    assert count_params("SimpleRNN", 16, 32) == 1_568
    assert count_params("LSTM", 16, 32) == 6_272
    assert count_params("GRU", 16, 32) == 4_800
    assert count_params("GRU", 16, 32, reset_after=False) == 4_704


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
