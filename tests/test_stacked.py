"""The stacked chapter: the per-layer LSTM count against Keras, the table rows, the return_sequences rule."""

import itertools
import runpy

import keras
import numpy as np
import pytest
from stacked_params import lstm_param_count, stack_rows

from conftest import SNIPPETS


@pytest.mark.parametrize("input_dim", [1, 16, 32, 100])
@pytest.mark.parametrize("units", [1, 16, 64])
def test_lstm_count_matches_keras(input_dim, units):
    layer = keras.layers.LSTM(units)
    layer.build((None, None, input_dim))
    assert lstm_param_count(input_dim, units) == layer.count_params()
    kernel, recurrent_kernel, bias = layer.get_weights()
    assert kernel.shape == (input_dim, 4 * units)
    assert recurrent_kernel.shape == (units, 4 * units)
    assert bias.shape == (4 * units,)


@pytest.mark.parametrize(
    "name,args,actual",
    [
        ("input_dim", (0, 4), "0"),
        ("units", (4, -1), "-1"),
        ("units", (4, 2.0), "2.0"),
        ("input_dim", (True, 4), "True"),
    ],
)
def test_bad_sizes_raise_value_error(name, args, actual):
    with pytest.raises(ValueError) as error:
        lstm_param_count(*args)
    assert (
        str(error.value) == f"{name}: expected a positive integer, got {actual}"
    )


def _stack(embedding, units, head=1):
    layers = [keras.Input(shape=(128,)), keras.layers.Embedding(*embedding)]
    for n, h in enumerate(units):
        layers.append(keras.layers.LSTM(h, return_sequences=n < len(units) - 1))
    layers.append(keras.layers.Dense(head))
    return keras.Sequential(layers)


@pytest.mark.parametrize(
    "embedding,units",
    [
        ((500, 16), [32]),
        ((500, 16), [32, 32, 16]),
        ((1000, 8), [4, 64, 8, 2]),
        ((10, 3), [5, 5]),
    ],
)
def test_rows_match_keras_layer_by_layer(embedding, units):
    model = _stack(embedding, units)
    rows = stack_rows(model)
    assert len(rows) == len(model.layers)
    for row, layer in zip(rows, model.layers, strict=True):
        assert row["count"] == row["keras"] == layer.count_params()
        assert tuple(row["output_shape"]) == tuple(layer.output.shape)
    assert sum(row["count"] for row in rows) == model.count_params()
    lstm_rows = rows[1:-1]
    assert lstm_rows[0]["x"] == embedding[1]
    for below, above in itertools.pairwise(lstm_rows):
        assert above["x"] == below["h"], (
            "a layer's input size is the units of the layer below"
        )
    assert [row["output_shape"] for row in lstm_rows[:-1]] == [
        (None, 128, h) for h in units[:-1]
    ]
    assert lstm_rows[-1]["output_shape"] == (None, units[-1])


def test_unsupported_layer_is_named():
    model = keras.Sequential([keras.Input(shape=(5, 3)), keras.layers.GRU(4)])
    with pytest.raises(
        ValueError, match="expected LSTM, Embedding or Dense, got GRU"
    ):
        stack_rows(model)


def test_forgetting_return_sequences_is_a_value_error():
    with pytest.raises(
        ValueError,
        match=r"expected ndim=3, found ndim=2\. Full shape received: \(None, 32\)",
    ):
        keras.Sequential(
            [
                keras.Input(shape=(128,)),
                keras.layers.Embedding(500, 16),
                keras.layers.LSTM(32),
                keras.layers.LSTM(32),
            ]
        )


def test_return_sequences_shapes():
    inputs = keras.Input(shape=(128, 16))
    assert keras.layers.LSTM(32)(inputs).shape == (None, 32)
    assert keras.layers.LSTM(32, return_sequences=True)(inputs).shape == (
        None,
        128,
        32,
    )


def test_each_layer_has_its_own_state_and_h_is_the_last_output():
    result = runpy.run_path(
        str(SNIPPETS / "stacked" / "stacked_states.py"), run_name="states"
    )
    for sequence, h, c in (
        (result["sequence_1"], result["h_1"], result["c_1"]),
        (result["sequence_2"], result["h_2"], result["c_2"]),
    ):
        sequence, h, c = (
            keras.ops.convert_to_numpy(a) for a in (sequence, h, c)
        )
        np.testing.assert_allclose(h, sequence[:, -1], atol=1e-6)
        assert h.shape == c.shape == (4, sequence.shape[-1])
        assert not np.allclose(h, c)


def test_without_input_the_same_error_comes_at_the_first_call():
    model = keras.Sequential(
        [
            keras.layers.Embedding(500, 16),
            keras.layers.LSTM(32),
            keras.layers.LSTM(32),
        ]
    )
    assert not model.built
    with pytest.raises(
        ValueError,
        match=r"expected ndim=3, found ndim=2\. Full shape received: \(2, 32\)",
    ):
        model(np.zeros((2, 128)))
