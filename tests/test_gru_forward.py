"""The GRU chapter's code against real Keras layers: gru_forward (its wrong shapes: test_shape_errors.py), the two
update conventions, which recurrent biases matter, the Jacobian behind the gradient figure, and the
one-step numbers the chapter prints."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from gru_convention import flip_update_gate, gru_forward_convention_b
from gru_forward import gru_forward
from gru_gradients import gru_gradient_norms, gru_step_jacobian

SHAPES = [  # batch, T, input_dim, units
    (1, 1, 1, 1),
    (1, 1, 5, 3),
    (3, 1, 2, 4),
    (2, 7, 3, 5),
    (4, 20, 8, 16),
    (1, 50, 2, 2),
    (5, 3, 16, 32),
]


def keras_gru(x, units, h0=None, reset_after=True, seed=0):
    keras.utils.set_random_seed(seed)
    layer = keras.layers.GRU(
        units,
        return_sequences=True,
        return_state=True,
        reset_after=reset_after,
        bias_initializer=keras.initializers.RandomNormal(stddev=0.5),
    )
    outputs, h_last = layer(x) if h0 is None else layer(x, initial_state=[h0])
    to_numpy = keras.ops.convert_to_numpy
    return to_numpy(outputs), to_numpy(h_last), layer.get_weights()


def random_inputs(batch, steps, input_dim, units, with_h0):
    rng = np.random.default_rng(batch * 1000 + steps * 10 + units)
    x = rng.normal(size=(batch, steps, input_dim)).astype("float32")
    h0 = (
        rng.uniform(-1, 1, size=(batch, units)).astype("float32")
        if with_h0
        else None
    )
    return x, h0


@pytest.mark.parametrize("batch,steps,input_dim,units", SHAPES)
@pytest.mark.parametrize("with_h0", [False, True])
@pytest.mark.parametrize("reset_after", [True, False])
def test_matches_keras(batch, steps, input_dim, units, with_h0, reset_after):
    x, h0 = random_inputs(batch, steps, input_dim, units, with_h0)
    outputs_k, h_last_k, (kernel, recurrent_kernel, bias) = keras_gru(
        x, units, h0, reset_after
    )
    assert bias.shape == ((2, 3 * units) if reset_after else (3 * units,))
    assert np.abs(bias).min() > 0, (
        "every bias entry must take part in the comparison"
    )

    outputs, h_last = gru_forward(
        x, kernel, recurrent_kernel, bias, h0=h0, reset_after=reset_after
    )

    assert outputs.shape == (batch, steps, units)
    assert h_last.shape == (batch, units)
    np.testing.assert_allclose(outputs, outputs_k, atol=1e-5)
    np.testing.assert_allclose(h_last, h_last_k, atol=1e-5)
    np.testing.assert_array_equal(h_last, outputs[:, -1])


def test_reset_after_is_keras_default():
    layer = keras.layers.GRU(4)
    layer.build((None, None, 3))
    assert layer.reset_after is True
    kernel, recurrent_kernel, bias = layer.get_weights()
    assert (kernel.shape, recurrent_kernel.shape, bias.shape) == (
        (3, 12),
        (4, 12),
        (2, 12),
    )
    assert not bias.any(), (
        "Keras starts a GRU with zero biases, so z = sigmoid(0) = 0.5 at first"
    )


def test_the_two_reset_forms_are_different_models():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 4, 3))
    kernel, recurrent_kernel = (
        rng.normal(size=(3, 12)),
        rng.normal(size=(4, 12)),
    )
    after, _ = gru_forward(
        x, kernel, recurrent_kernel, np.zeros((2, 12)), reset_after=True
    )
    before, _ = gru_forward(
        x, kernel, recurrent_kernel, np.zeros(12), reset_after=False
    )
    assert np.abs(after - before).max() > 0.1


def test_initial_state_changes_the_result():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4))
    weights = (
        rng.normal(size=(4, 15)),
        rng.normal(size=(5, 15)),
        rng.normal(size=(2, 15)),
    )
    without, _ = gru_forward(x, *weights)
    with_h0, _ = gru_forward(x, *weights, h0=np.ones((2, 5)))
    assert not np.allclose(without, with_h0)


# -- the two update conventions ------------------------------------------------------------------


@pytest.mark.parametrize("batch,steps,input_dim,units", SHAPES)
def test_convention_b_with_flipped_update_gate_is_the_keras_gru(
    batch, steps, input_dim, units
):
    x, _ = random_inputs(batch, steps, input_dim, units, with_h0=False)
    outputs_k, _, weights = keras_gru(x, units)
    flipped = flip_update_gate(*weights)
    np.testing.assert_allclose(
        gru_forward_convention_b(x, *flipped), outputs_k, atol=1e-5
    )
    ours, _ = gru_forward(x, *weights)
    np.testing.assert_allclose(
        gru_forward_convention_b(x, *flipped), ours, atol=1e-12
    )


def test_flip_negates_only_the_update_gate_and_is_its_own_inverse():
    rng = np.random.default_rng(3)
    for bias_shape in ((2, 12), (12,)):
        weights = (
            rng.normal(size=(3, 12)),
            rng.normal(size=(4, 12)),
            rng.normal(size=bias_shape),
        )
        flipped = flip_update_gate(*weights)
        for original, new in zip(weights, flipped, strict=True):
            np.testing.assert_array_equal(new[..., :4], -original[..., :4])
            np.testing.assert_array_equal(new[..., 4:], original[..., 4:])
        for original, twice in zip(
            weights, flip_update_gate(*flipped), strict=True
        ):
            np.testing.assert_array_equal(twice, original)


def test_convention_b_with_unflipped_weights_is_a_different_model():
    x, _ = random_inputs(2, 6, 3, 4, with_h0=False)
    outputs_k, _, weights = keras_gru(x, 4)
    assert np.abs(gru_forward_convention_b(x, *weights) - outputs_k).max() > 0.1


# -- which recurrent biases are real parameters --------------------------------------------------


@pytest.mark.parametrize("units", [1, 3, 8])
def test_only_the_candidate_recurrent_bias_is_not_redundant(units):
    rng = np.random.default_rng(units)
    x = rng.normal(size=(2, 6, 3))
    weights = (
        rng.normal(size=(3, 3 * units)),
        rng.normal(size=(units, 3 * units)),
    )
    bias = rng.normal(size=(2, 3 * units))
    reference, _ = gru_forward(x, *weights, bias)

    gates = bias.copy()
    gates[0, : 2 * units] += gates[1, : 2 * units]
    gates[1, : 2 * units] = 0
    np.testing.assert_allclose(
        gru_forward(x, *weights, gates)[0], reference, atol=1e-12
    )

    candidate = bias.copy()
    candidate[0, 2 * units :] += candidate[1, 2 * units :]
    candidate[1, 2 * units :] = 0
    assert (
        np.abs(gru_forward(x, *weights, candidate)[0] - reference).max() > 1e-3
    )


# -- the Jacobian behind the gradient figure -----------------------------------------------------


@pytest.mark.parametrize("input_dim,units", [(1, 1), (3, 5), (8, 16)])
def test_step_jacobian_matches_tensorflow_autodiff(input_dim, units):
    rng = np.random.default_rng(units)
    keras.utils.set_random_seed(units)
    cell = keras.layers.GRUCell(
        units, bias_initializer=keras.initializers.RandomNormal(stddev=0.5)
    )
    cell.build((None, input_dim))
    kernel, recurrent_kernel, bias = (
        w.astype("float64") for w in cell.get_weights()
    )
    x_t = rng.normal(size=input_dim)
    h = rng.uniform(-1, 1, size=units)

    h_new, jacobian = gru_step_jacobian(x_t, h, kernel, recurrent_kernel, bias)

    h_var = tf.Variable(h[None].astype("float32"))
    with tf.GradientTape() as tape:
        output, _ = cell(tf.constant(x_t[None].astype("float32")), h_var)
    autodiff = tape.jacobian(output, h_var).numpy()[
        0, :, 0, :
    ]  # [j, i] = d out_j / d h_i
    np.testing.assert_allclose(h_new, output.numpy()[0], atol=1e-5)
    np.testing.assert_allclose(jacobian, autodiff.T, atol=1e-5)


def test_gradient_figure_story():
    """A larger update-gate bias keeps the gradient alive over longer distances."""
    norms = {b: gru_gradient_norms(b) for b in (0.0, 2.0, 4.0)}
    assert norms[0.0][50] < 1e-8 < norms[2.0][50] < norms[4.0][50]
    assert norms[4.0][50] > 0.1


# -- the one-step numbers the chapter prints -----------------------------------------------------


def test_step_by_step_snippets_equal_a_keras_step():
    from gru_candidate import candidate
    from gru_example import h_prev, layer, x_t
    from gru_new_state import h_t
    from gru_reset_gate import r_t
    from gru_update_gate import z_t

    h_keras = keras.ops.convert_to_numpy(
        layer(x_t[:, None, :], initial_state=[h_prev])
    )
    np.testing.assert_allclose(h_t, h_keras, atol=1e-6)
    for value in (r_t, z_t):
        assert value.shape == (1, 3) and ((value > 0) & (value < 1)).all()
    assert candidate.shape == (1, 3) and (np.abs(candidate) < 1).all()


# -- the cell figures ----------------------------------------------------------------------------


def _edge_colors(fig):
    from matplotlib.colors import to_hex

    return {to_hex(p.get_edgecolor()) for p in fig.axes[0].patches}


@pytest.mark.parametrize(
    "step", [None, "reset", "update", "candidate", "new_state"]
)
def test_cell_figure_highlights_only_when_asked(step):
    import matplotlib.pyplot as plt
    from gru_diagram import ACTIVE, IDLE, PLAIN, gru_cell_figure

    fig = gru_cell_figure(step)
    colors = _edge_colors(fig)
    plt.close(fig)
    assert (
        PLAIN in colors and ACTIVE not in colors
    )  # the orange accent is the animation's alone
    assert (IDLE in colors) == (step is not None)


def test_cell_figure_refuses_unknown_step():
    from gru_diagram import gru_cell_figure

    with pytest.raises(ValueError, match="expected one of"):
        gru_cell_figure("output")
