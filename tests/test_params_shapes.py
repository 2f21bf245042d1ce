"""The claims of the parameters-and-shapes chapter, checked on real Keras layers.

The shape tables of docs/params.*.md label each returned tensor (h_T, c_T, forward and backward
states); these tests check that the labels are what Keras returns, and that the formulas printed in
the parameter table evaluate to the counts printed beside them.
"""

import re

import keras
import numpy as np
import pytest
from params_grid import rows
from params_tables import formula_tex, symbols

LAYERS = ("SimpleRNN", "LSTM", "GRU")


def numpy(tensors):
    return [keras.ops.convert_to_numpy(t) for t in tensors]


def inputs(batch=3, steps=7, features=5):
    return (
        np.random.default_rng(0)
        .normal(size=(batch, steps, features))
        .astype("float32")
    )


def test_returned_states_are_what_the_table_says():
    x = inputs()
    for name in LAYERS:
        keras.utils.set_random_seed(0)
        layer = getattr(keras.layers, name)(
            6, return_sequences=True, return_state=True
        )
        sequence, *states = numpy(layer(x))
        assert len(states) + 1 == len(
            symbols(name, True, True, bidirectional=False)
        )
        np.testing.assert_allclose(states[0], sequence[:, -1], atol=1e-6)  # h_T
        if name == "LSTM":
            assert not np.allclose(
                states[1], states[0]
            )  # c_T is a second state, not an output
        last = getattr(keras.layers, name)(6)
        last.build(x.shape)
        last.set_weights(layer.get_weights())
        np.testing.assert_allclose(numpy([last(x)])[0], states[0], atol=1e-6)


def test_bidirectional_returns_forward_then_backward_states_aligned_in_time():
    x, h = inputs(), 6
    for name in LAYERS:
        keras.utils.set_random_seed(0)
        both = keras.layers.Bidirectional(
            getattr(keras.layers, name)(
                h, return_sequences=True, return_state=True
            )
        )
        sequence, *states = numpy(both(x))
        assert len(states) + 1 == len(
            symbols(name, True, True, bidirectional=True)
        )
        forward_states, backward_states = (
            states[: len(states) // 2],
            states[len(states) // 2 :],
        )
        assert sequence.shape == (3, 7, 2 * h)
        np.testing.assert_allclose(
            sequence[:, -1, :h], forward_states[0], atol=1e-6
        )
        np.testing.assert_allclose(
            sequence[:, 0, h:], backward_states[0], atol=1e-6
        )
        assert not np.allclose(sequence[:, -1, h:], backward_states[0])
        last = keras.layers.Bidirectional(getattr(keras.layers, name)(h))
        last.build(x.shape)
        last.set_weights(both.get_weights())
        expected = np.concatenate(
            [forward_states[0], backward_states[0]], axis=-1
        )
        np.testing.assert_allclose(numpy([last(x)])[0], expected, atol=1e-6)


def _evaluate(tex):
    expression = (
        tex.replace(r"\cdot", "*").replace(r"\,(", "*(").replace(r"\,", "")
    )
    expression = re.sub(r"(\d)\(", r"\1*(", expression)
    assert re.fullmatch(r"[\d+*() ]+", expression), tex
    return eval(expression)  # noqa: S307 - digits and operators only, checked above


def test_formulas_in_the_parameter_table_give_the_counts_beside_them():
    table = list(rows())
    assert table
    for (layer, x, h, options), ours, theirs in table:
        assert ours == theirs, (layer, options)
        tex = formula_tex(layer, x, h, **options)
        assert _evaluate(tex) == ours, (layer, options, tex)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_dense_and_time_distributed_dense_agree_on_sequences(bidirectional):
    x = inputs()
    for h, k in [(4, 1), (6, 5)]:
        keras.utils.set_random_seed(0)
        recurrent = keras.layers.LSTM(h, return_sequences=True)
        if bidirectional:
            recurrent = keras.layers.Bidirectional(recurrent)
        sequence = recurrent(x)
        width = 2 * h if bidirectional else h
        dense = keras.layers.Dense(k)
        per_step = keras.layers.TimeDistributed(keras.layers.Dense(k))
        on_sequence = dense(sequence)
        per_step.build(tuple(sequence.shape))
        per_step.set_weights(dense.get_weights())
        assert (
            dense.count_params() == per_step.count_params() == (width + 1) * k
        )
        assert tuple(on_sequence.shape) == (3, 7, k)
        np.testing.assert_allclose(
            *numpy([on_sequence, per_step(sequence)]), atol=1e-6
        )


def test_merge_modes_other_than_concat_keep_h():
    x, h = inputs(), 6
    for merge_mode, expected in [
        ("concat", [(3, 7, 12)]),
        ("sum", [(3, 7, 6)]),
        ("mul", [(3, 7, 6)]),
        ("ave", [(3, 7, 6)]),
        (None, [(3, 7, 6), (3, 7, 6)]),
    ]:
        layer = keras.layers.Bidirectional(
            keras.layers.GRU(h, return_sequences=True), merge_mode=merge_mode
        )
        returned = layer(x)
        returned = (
            returned if isinstance(returned, (list, tuple)) else [returned]
        )
        assert [tuple(t.shape) for t in returned] == expected, merge_mode


def test_a_model_without_input_reports_its_recurrent_layer_unbuilt():
    model = keras.Sequential([keras.layers.LSTM(32)])
    lines = []
    model.summary(
        line_length=72, print_fn=lambda line, **kwargs: lines.append(line)
    )
    assert "unbuilt" in "\n".join(lines)
    with pytest.raises(ValueError, match="isn't built"):
        model.layers[0].count_params()
