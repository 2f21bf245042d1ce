"""simple_rnn_forward (snippets/rnn/rnn_forward.py) against keras.layers.SimpleRNN."""

import keras
import numpy as np
import pytest
from rnn_forward import simple_rnn_forward

SHAPES = [  # batch, T, input_dim, units
    (1, 1, 1, 1),
    (1, 1, 5, 3),
    (3, 1, 2, 4),
    (2, 7, 3, 5),
    (4, 20, 8, 16),
    (1, 50, 2, 2),
    (5, 3, 16, 32),
]


def keras_simple_rnn(x, units, h0=None, seed=0):
    keras.utils.set_random_seed(seed)
    layer = keras.layers.SimpleRNN(
        units,
        return_sequences=True,
        return_state=True,
        bias_initializer="random_normal",
    )
    outputs, h_last = layer(x) if h0 is None else layer(x, initial_state=[h0])
    return (
        keras.ops.convert_to_numpy(outputs),
        keras.ops.convert_to_numpy(h_last),
        layer.get_weights(),
    )


@pytest.mark.parametrize("batch,steps,input_dim,units", SHAPES)
@pytest.mark.parametrize("with_h0", [False, True])
def test_matches_keras(batch, steps, input_dim, units, with_h0):
    rng = np.random.default_rng(batch * 1000 + steps * 10 + units)
    x = rng.normal(size=(batch, steps, input_dim)).astype("float32")
    h0 = rng.normal(size=(batch, units)).astype("float32") if with_h0 else None
    outputs_k, h_last_k, (kernel, recurrent_kernel, bias) = keras_simple_rnn(
        x, units, h0
    )
    assert np.abs(bias).max() > 0, "the bias must take part in the comparison"

    outputs, h_last = simple_rnn_forward(
        x, kernel, recurrent_kernel, bias, h0=h0
    )

    assert outputs.shape == (batch, steps, units)
    assert h_last.shape == (batch, units)
    np.testing.assert_allclose(outputs, outputs_k, atol=1e-5)
    np.testing.assert_allclose(h_last, h_last_k, atol=1e-5)
    np.testing.assert_array_equal(h_last, outputs[:, -1])


def test_initial_state_changes_the_result():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4))
    weights = (
        rng.normal(size=(4, 5)),
        rng.normal(size=(5, 5)),
        rng.normal(size=5),
    )
    without, _ = simple_rnn_forward(x, *weights)
    with_h0, _ = simple_rnn_forward(x, *weights, h0=np.ones((2, 5)))
    assert not np.allclose(without, with_h0)
