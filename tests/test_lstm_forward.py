"""lstm_forward (snippets/lstm/lstm_forward.py) against keras.layers.LSTM, and the LSTM chapter's numbers."""

import warnings

import keras
import numpy as np
import pytest
from lstm_forward import lstm_forward

SHAPES = [  # batch, T, input_dim, units
    (1, 1, 1, 1),
    (1, 1, 5, 3),
    (3, 1, 2, 4),
    (2, 7, 3, 5),
    (4, 20, 8, 16),
    (1, 50, 2, 2),
    (5, 3, 16, 32),
]
STATES = ["none", "h0_and_c0", "h0_only", "c0_only"]


def random_lstm(input_dim, units, rng):
    """A built keras.layers.LSTM whose kernel, recurrent kernel and bias are all random (bias non-zero)."""
    layer = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    layer.build((None, None, input_dim))
    weights = [
        rng.normal(scale=0.5, size=(input_dim, 4 * units)),
        rng.normal(scale=0.5, size=(units, 4 * units)),
        rng.normal(scale=0.5, size=4 * units),
    ]
    layer.set_weights([w.astype("float32") for w in weights])
    return layer


@pytest.mark.parametrize("batch,steps,input_dim,units", SHAPES)
@pytest.mark.parametrize("states", STATES)
def test_matches_keras(batch, steps, input_dim, units, states):
    rng = np.random.default_rng(batch * 1000 + steps * 10 + units)
    x = rng.normal(size=(batch, steps, input_dim)).astype("float32")
    h0 = (
        rng.normal(size=(batch, units)).astype("float32")
        if states in ("h0_and_c0", "h0_only")
        else None
    )
    c0 = (
        rng.normal(size=(batch, units)).astype("float32")
        if states in ("h0_and_c0", "c0_only")
        else None
    )
    layer = random_lstm(input_dim, units, rng)
    if states == "none":
        result = layer(x)
    else:  # Keras takes both states or none: a missing one is zeros, as in lstm_forward
        zeros = np.zeros((batch, units), "float32")
        result = layer(
            x,
            initial_state=[
                zeros if h0 is None else h0,
                zeros if c0 is None else c0,
            ],
        )
    outputs_k, h_k, c_k = (keras.ops.convert_to_numpy(r) for r in result)
    kernel, recurrent_kernel, bias = layer.get_weights()
    assert np.abs(bias).min() > 0, (
        "every bias entry must take part in the comparison"
    )

    outputs, h_last, c_last = lstm_forward(
        x, kernel, recurrent_kernel, bias, h0=h0, c0=c0
    )

    assert outputs.shape == (batch, steps, units)
    assert h_last.shape == c_last.shape == (batch, units)
    np.testing.assert_allclose(outputs, outputs_k, atol=1e-5)
    np.testing.assert_allclose(h_last, h_k, atol=1e-5)
    np.testing.assert_allclose(c_last, c_k, atol=1e-5)
    np.testing.assert_array_equal(h_last, outputs[:, -1])


def test_keras_returns_outputs_then_h_then_c():
    rng = np.random.default_rng(5)
    layer = random_lstm(3, 4, rng)
    outputs, first, second = (
        keras.ops.convert_to_numpy(r) for r in layer(rng.normal(size=(2, 6, 3)))
    )
    np.testing.assert_array_equal(
        first, outputs[:, -1]
    )  # h_T is the last output
    assert not np.allclose(second, first)  # c_T is not an output


def test_initial_states_change_the_result():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4))
    weights = (
        rng.normal(size=(4, 20)),
        rng.normal(size=(5, 20)),
        rng.normal(size=20),
    )
    without, _, _ = lstm_forward(x, *weights)
    with_h0, _, _ = lstm_forward(x, *weights, h0=np.ones((2, 5)))
    with_c0, _, _ = lstm_forward(x, *weights, c0=np.ones((2, 5)))
    assert not np.allclose(without, with_h0)
    assert not np.allclose(without, with_c0)


# -- the parameter count --------------------------------------------------------------------------


@pytest.mark.parametrize("steps", [1, 128, None])
def test_sequence_length_does_not_change_the_count(steps):
    model = keras.Sequential(
        [
            keras.Input(shape=(steps,)),
            keras.layers.Embedding(500, 16),
            keras.layers.LSTM(32),
        ]
    )
    assert [layer.count_params() for layer in model.layers] == [
        500 * 16,
        4 * (32 * (32 + 16) + 32),
    ]
    assert [layer.count_params() for layer in model.layers] == [
        8000,
        6272,
    ]  # typed in lstm.*.md
    assert model.count_params() == 14272


def summary_text(model):
    lines = []
    model.summary(
        line_length=72, print_fn=lambda text, **kwargs: lines.append(text)
    )
    return "\n".join(lines)


def test_corrected_seed_model_summary():
    model = keras.Sequential(
        [
            keras.Input(shape=(128,)),
            keras.layers.Embedding(500, 16),
            keras.layers.LSTM(32),
        ]
    )
    text = summary_text(model)
    assert "(None, 128, 16)" in text and "(None, 32)" in text
    for number in ("8,000", "6,272", "Total params: 14,272 (55.75 KB)"):
        assert number in text


def test_seed_keras2_form_is_unbuilt_and_warns():
    """The seed's Sequential([Embedding(500, 16, input_length=128), LSTM(32)]) under Keras 3."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = keras.Sequential(
            [
                keras.layers.Embedding(500, 16, input_length=128),
                keras.layers.LSTM(32),
            ]
        )
    assert any(
        "input_length" in str(w.message) and "deprecated" in str(w.message)
        for w in caught
    )
    text = summary_text(model)
    assert text.count("0 (unbuilt)") == 2
    assert "Total params: 0" in text
    assert not model.built
    with pytest.raises(ValueError, match="isn't built"):
        model.count_params()


def test_model_without_input_is_unbuilt_until_it_sees_data():
    model = keras.Sequential(
        [keras.layers.Embedding(500, 16), keras.layers.LSTM(32)]
    )
    assert "0 (unbuilt)" in summary_text(model)
    model(np.zeros((1, 128), "int32"))
    assert model.count_params() == 14272
