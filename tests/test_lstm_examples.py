"""The LSTM chapter's worked step and hand-set trace: they agree with lstm_cell_step and Keras, and
every claim the page makes about their numbers holds."""

import itertools

import lstm_example
import numpy as np
import pytest
from lstm_forward import lstm_cell_step, lstm_forward


def test_step_snippets_equal_lstm_cell_step():
    from lstm_cell_update import c_t
    from lstm_forget_gate import f_t
    from lstm_input_gate import c_tilde, i_t
    from lstm_output_gate import h_t, o_t

    e = lstm_example
    h_ref, c_ref, gates = lstm_cell_step(
        e.x_t, e.h_prev, e.c_prev, e.kernel, e.recurrent_kernel, e.bias
    )
    for ours, ref in zip(
        (i_t, f_t, c_tilde, o_t, c_t, h_t), (*gates, c_ref, h_ref), strict=True
    ):
        np.testing.assert_allclose(ours, ref, rtol=1e-12)
    outputs, h_last, c_last = lstm_forward(
        e.x_t[:, None],
        e.kernel,
        e.recurrent_kernel,
        e.bias,
        h0=e.h_prev,
        c0=e.c_prev,
    )
    np.testing.assert_allclose(h_last, h_t, rtol=1e-12)
    np.testing.assert_allclose(c_last, c_t, rtol=1e-12)


def test_example_shapes_and_gate_blocks():
    e = lstm_example
    assert e.x_t.shape == (2, 3) and e.h_prev.shape == e.c_prev.shape == (2, 2)
    assert (
        e.kernel.shape == (3, 8)
        and e.recurrent_kernel.shape == (2, 8)
        and e.bias.shape == (8,)
    )
    blocks = [e.gate_weights(g) for g in "ifco"]
    np.testing.assert_array_equal(
        np.concatenate([b[0] for b in blocks], axis=1), e.kernel
    )
    np.testing.assert_array_equal(
        np.concatenate([b[1] for b in blocks], axis=1), e.recurrent_kernel
    )
    np.testing.assert_array_equal(
        np.concatenate([b[2] for b in blocks]), e.bias
    )
    for array in (
        e.x_t,
        e.h_prev,
        e.c_prev,
        e.kernel,
        e.recurrent_kernel,
        e.bias,
    ):
        assert (array != 0).all(), "no printed value is a bare 0.0 or -0.0"


def test_what_the_page_says_about_the_example():
    from lstm_cell_update import c_t
    from lstm_forget_gate import f_t
    from lstm_input_gate import c_tilde, i_t
    from lstm_output_gate import h_t, o_t

    assert f_t[1, 1] < 0.1  # sample 2, unit 2 keeps less than a tenth of c_prev
    assert (
        c_tilde[0, 0] > 0 and i_t[0, 0] < 0.05
    )  # sample 1, unit 1: a positive candidate, blocked
    assert (c_tilde < 0).any() and (
        c_tilde > 0
    ).any()  # the candidate can add and subtract
    assert (
        abs(lstm_example.c_prev[1, 0]) > 1 and abs(c_t[0, 1]) > 1
    )  # c is not confined to (-1, 1)
    assert (
        o_t[1, 0] < 0.2
    )  # sample 2, unit 1: h_t shows a small part of tanh(c_t)
    assert abs(h_t[1, 0]) < 0.2 * abs(np.tanh(c_t[1, 0]))
    assert (np.abs(h_t) < 1).all()


# -- the hand-set memory cell -----------------------------------------------------------------------

from lstm_trace import (  # noqa: E402
    READ,
    STORE,
    VALUE,
    memory_cell_weights,
    memory_sequence,
    trace,
)


@pytest.fixture(scope="module")
def run():
    x = memory_sequence()
    return x, trace(x, *memory_cell_weights())


def test_hand_set_weights_are_the_ones_the_page_describes():
    kernel, recurrent_kernel, bias = memory_cell_weights()
    np.testing.assert_array_equal(
        kernel, [[0, 0, 1, 0], [16, -16, 0, 0], [0, 0, 0, 16]]
    )
    np.testing.assert_array_equal(recurrent_kernel, np.zeros((1, 4)))
    np.testing.assert_array_equal(bias, [-8, 8, 0, -8])


def test_trace_equals_lstm_forward_and_keras(run):
    import keras

    x, states = run
    weights = memory_cell_weights()
    outputs, h_last, c_last = lstm_forward(x[None], *weights)
    np.testing.assert_allclose(outputs[0, :, 0], states["h"], rtol=1e-12)
    np.testing.assert_allclose(c_last[0, 0], states["c"][-1], rtol=1e-12)
    layer = keras.layers.LSTM(1, return_sequences=True, return_state=True)
    layer.build((None, None, 3))
    layer.set_weights(weights)
    outputs_k, _, c_k = (
        keras.ops.convert_to_numpy(r) for r in layer(x[None].astype("float32"))
    )
    np.testing.assert_allclose(outputs_k[0, :, 0], states["h"], atol=1e-5)
    np.testing.assert_allclose(c_k[0, 0], states["c"][-1], atol=1e-5)


def test_the_cell_holds_the_stored_value_until_the_next_store(run):
    x, states = run
    stores = list(np.flatnonzero(x[:, STORE])) + [len(x)]
    assert len(stores) == 3 and x[:, READ].sum() == 2  # two stores, two reads
    for start, end in itertools.pairwise(stores):
        stored = np.tanh(x[start, VALUE])
        assert abs(stored) > 0.5
        held = states["c"][start:end]
        assert np.abs(held - stored).max() < 0.01
    assert np.sign(states["c"][stores[0]]) != np.sign(
        states["c"][stores[1]]
    )  # the second store overwrites


def test_h_shows_the_memory_only_on_read_steps(run):
    x, states = run
    reads = x[:, READ] == 1
    assert np.abs(states["h"][~reads]).max() < 1e-3
    np.testing.assert_allclose(
        states["h"][reads], np.tanh(states["c"][reads]), atol=1e-3
    )
    assert (
        np.sign(x[reads, VALUE]) != np.sign(states["h"][reads])
    ).any()  # h_t is not the current input
    assert states["f"][x[:, STORE] == 0].min() > 0.999
    assert states["i"][x[:, STORE] == 0].max() < 1e-3
