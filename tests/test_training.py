"""The training chapter against real TensorFlow / Keras: BPTT by hand equals GradientTape, chunked stateful
training is truncated BPTT, the exploding-gradient numbers, what the clipping arguments do in a real
optimizer step, and the cuDNN conditions as the installed Keras source states them."""

import contextlib
import importlib
import io
import runpy
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf
from training_bptt import simple_rnn_backward
from training_clip_adam import adam_steps
from training_clipping import CLIPPING, norm, sgd_step
from training_cudnn import cudnn_blockers
from training_exploding import (
    exploding_rnn,
    input_gradient_norms,
    loss_gradients,
)
from training_mask import masked_outputs
from training_singular import power_norms
from training_truncated import truncated_bptt

from conftest import (
    SNIPPETS,
    assert_page_cites_keras_lines,
    assert_shape_error,
)

KERAS = Path(keras.__file__).parent / "src"
NAMES = ("kernel", "recurrent_kernel", "bias")


def _keras_rnn(units, input_dim, steps, seed, **options):
    keras.utils.set_random_seed(seed)
    layer = keras.layers.SimpleRNN(units, return_sequences=True, **options)
    layer.build((None, steps, input_dim))
    return layer


# -- backpropagation through time ----------------------------------------------------------------


@pytest.mark.parametrize(
    "batch,steps,input_dim,units,with_h0",
    [
        (1, 1, 1, 1, False),
        (2, 6, 3, 4, False),
        (3, 12, 2, 5, True),
        (4, 25, 8, 16, True),
    ],
)
def test_bptt_by_hand_equals_gradient_tape(
    batch, steps, input_dim, units, with_h0
):
    rng = np.random.default_rng(steps)
    layer = _keras_rnn(units, input_dim, steps, seed=steps)
    x = tf.constant(rng.normal(size=(batch, steps, input_dim)), dtype="float32")
    h0 = tf.constant(
        rng.normal(scale=0.5, size=(batch, units)), dtype="float32"
    )
    upstream = rng.normal(size=(batch, steps, units)).astype("float32")
    with tf.GradientTape() as tape:
        tape.watch([x, h0])
        outputs = layer(x, initial_state=h0) if with_h0 else layer(x)
        loss = tf.reduce_sum(outputs * upstream)
    taped = dict(
        zip(
            NAMES + ("x", "h0"),
            tape.gradient(loss, [*layer.trainable_weights, x, h0]),
            strict=True,
        )
    )
    by_hand = simple_rnn_backward(
        x.numpy(),
        *layer.get_weights(),
        upstream,
        h0=h0.numpy() if with_h0 else None,
    )
    for name in NAMES + ("x",) + (("h0",) if with_h0 else ()):
        np.testing.assert_allclose(
            by_hand[name], taped[name].numpy(), atol=1e-5, err_msg=name
        )


def test_bptt_with_a_loss_on_the_last_step_only_is_the_exploding_example():
    layer, x, w = exploding_rnn(1.25)
    grad_x, grad_weights = loss_gradients(layer, x, w)
    upstream = np.zeros((1, x.shape[1], layer.units))
    upstream[0, -1] = w.numpy()
    by_hand = simple_rnn_backward(x.numpy(), *layer.get_weights(), upstream)
    scale = np.abs(grad_x).max()
    np.testing.assert_allclose(
        by_hand["x"][0] / scale, grad_x / scale, atol=1e-5
    )
    for name, grad in zip(NAMES, grad_weights, strict=True):
        np.testing.assert_allclose(
            by_hand[name] / np.abs(grad).max(),
            grad / np.abs(grad).max(),
            atol=1e-5,
        )


# Shapes that fit one another (batch 2, T 3, input_dim 3, units 4); each case changes one.
FITTING = dict(
    x=(2, 3, 3),
    kernel=(3, 4),
    recurrent_kernel=(4, 4),
    bias=(4,),
    grad_outputs=(2, 3, 4),
)


def _zeros(**changed):
    return {k: np.zeros(shape) for k, shape in {**FITTING, **changed}.items()}


@pytest.mark.parametrize(
    "arguments,name,expected,actual",
    [
        (_zeros(x=(2, 3)), "x", "(batch, T>=1, input_dim)", "(2, 3)"),
        (_zeros(x=(2, 3, 5)), "kernel", "(5, units)", "(3, 4)"),
        (
            _zeros(grad_outputs=(2, 4, 4)),
            "grad_outputs",
            "(2, 3, 4)",
            "(2, 4, 4)",
        ),
        (_zeros(h0=(1, 4)), "h0", "(2, 4)", "(1, 4)"),
    ],
)
def test_bptt_refuses_wrong_shapes(arguments, name, expected, actual):
    assert_shape_error(simple_rnn_backward, arguments, name, expected, actual)


# -- truncated BPTT ------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk_len", [1, 4, 12])
def test_chunked_stateful_training_is_truncated_bptt(chunk_len):
    """A real stateful SimpleRNN fed the chunks in order (the state carried by Keras, one GradientTape
    per chunk, as fit takes one step per batch): its summed gradients are truncated_bptt's, and its
    states are the full sequence's."""
    batch, steps, input_dim, units = 3, 12, 2, 5
    rng = np.random.default_rng(chunk_len)
    x = rng.normal(size=(batch, steps, input_dim)).astype("float32")
    upstream = rng.normal(size=(batch, steps, units)).astype("float32")
    keras.utils.set_random_seed(0)
    stateful = keras.layers.SimpleRNN(
        units, return_sequences=True, stateful=True
    )
    stateful.build((batch, chunk_len, input_dim))
    weights = stateful.get_weights()

    summed = [np.zeros_like(w) for w in weights]
    outputs = []
    for start in range(0, steps, chunk_len):
        chunk = slice(start, start + chunk_len)
        with tf.GradientTape() as tape:
            out = stateful(x[:, chunk])
            loss = tf.reduce_sum(out * upstream[:, chunk])
        summed = [
            s + g.numpy()
            for s, g in zip(
                summed,
                tape.gradient(loss, stateful.trainable_weights),
                strict=True,
            )
        ]
        outputs.append(out.numpy())
    assert not any(v.trainable for v in stateful.states)

    cut = truncated_bptt(x, *weights, upstream, chunk_len)
    for name, grad in zip(NAMES, summed, strict=True):
        np.testing.assert_allclose(cut[name], grad, atol=1e-5, err_msg=name)

    whole = keras.layers.SimpleRNN(units, return_sequences=True)
    whole.build((batch, steps, input_dim))
    whole.set_weights(weights)
    np.testing.assert_allclose(
        np.concatenate(outputs, axis=1), whole(x).numpy(), atol=1e-6
    )
    full = simple_rnn_backward(x, *weights, upstream)
    differs = any(not np.allclose(cut[n], full[n], atol=1e-4) for n in NAMES)
    assert differs == (chunk_len < steps)


def test_truncation_loses_much_for_short_chunks_and_nothing_at_full_length():
    rng = np.random.default_rng(0)
    kernel, recurrent = (
        rng.normal(scale=0.5, size=(2, 8)),
        0.95 * np.linalg.qr(rng.normal(size=(8, 8)))[0],
    )
    x, upstream = rng.normal(size=(4, 40, 2)), rng.normal(size=(4, 40, 8))
    full = simple_rnn_backward(x, kernel, recurrent, np.zeros(8), upstream)

    def error(k):
        cut = truncated_bptt(x, kernel, recurrent, np.zeros(8), upstream, k)
        return np.linalg.norm(
            cut["recurrent_kernel"] - full["recurrent_kernel"]
        ) / np.linalg.norm(full["recurrent_kernel"])

    assert error(1) > 0.5
    assert error(1) > error(10) > error(20) > error(40)
    assert error(40) < 1e-12
    cut = {
        k: truncated_bptt(x, kernel, recurrent, np.zeros(8), upstream, k)[
            "kernel"
        ]
        for k in (2, 5)
    }
    error_x = {
        k: np.linalg.norm(g - full["kernel"]) / np.linalg.norm(full["kernel"])
        for k, g in cut.items()
    }
    assert error_x[2] < error_x[5], (
        "not monotonic: k = 2 and k = 5 keep different terms"
    )


def test_truncated_bptt_refuses_a_length_that_is_not_a_multiple():
    assert_shape_error(
        truncated_bptt,
        dict(
            x=np.zeros((2, 10, 3)),
            kernel=np.zeros((3, 4)),
            recurrent_kernel=np.zeros((4, 4)),
            bias=np.zeros(4),
            grad_outputs=np.zeros((2, 10, 4)),
            chunk_len=4,
        ),
        "x",
        "(batch, T, input_dim) with T a multiple of 4",
        "(2, 10, 3)",
    )


# -- exploding gradients -------------------------------------------------------------------------


def test_the_recurrent_matrix_has_spectral_radius_and_norm_rho():
    layer, _, _ = exploding_rnn(1.25)
    recurrent = layer.get_weights()[1]
    np.testing.assert_allclose(
        np.abs(np.linalg.eigvals(recurrent)), 1.25, rtol=1e-5
    )
    np.testing.assert_allclose(
        np.linalg.svd(recurrent, compute_uv=False), 1.25, rtol=1e-5
    )


def test_exploding_numbers_the_page_states():
    shrinking, steady, exploding, saturating = (
        input_gradient_norms(rho) for rho in (0.8, 1.0, 1.25, 1.5)
    )
    assert len(exploding) == 30
    assert shrinking[29] < shrinking[0] and exploding[29] > exploding[0], (
        "0.8 shrinks, 1.25 grows"
    )
    assert np.all((steady > steady[0] / 5) & (steady < steady[0] * 5)), (
        "within a factor of a few"
    )
    assert saturating[10] < exploding[10], "rho = 1.5 starts slower"
    assert (
        saturating[29] / saturating[0] > 1000
        and exploding[29] / exploding[0] > 100
    ), "three orders"
    layer, x, _ = exploding_rnn(1.5)
    assert 0.95 < np.abs(layer(x).numpy()).max() < 0.99, "its states reach 0.97"
    layer, x, _ = exploding_rnn(1.0)
    assert np.abs(layer(x).numpy()).max() < 0.05, (
        "small inputs keep tanh near its linear part"
    )


def test_near_zero_the_gradient_grows_like_rho_to_the_distance():
    """With tiny inputs every tanh' is 1 to rounding, and each step back multiplies dL/dh by W_h^T, whose
    singular values are all rho: ||dL/dh_0|| = rho^T ||w||."""
    layer, x, w = exploding_rnn(1.25, input_scale=1e-7)
    upstream = np.zeros((1, 30, layer.units))
    upstream[0, -1] = w.numpy()
    grads = simple_rnn_backward(x.numpy(), *layer.get_weights(), upstream)
    np.testing.assert_allclose(
        np.linalg.norm(grads["h0"]),
        1.25**30 * np.linalg.norm(w.numpy()),
        rtol=1e-4,
    )


def test_a_spectral_radius_below_one_does_not_stop_growth():
    """The counter-example: rho = 0.9 but sigma_1 > 1, and ||(W^T)^10||_2 is about 19 before the powers
    decay; with all singular values equal (the page's W_h = rho Q) the two conditions coincide."""
    w = np.array([[0.9, 5.0], [0.0, 0.9]])
    assert np.abs(np.linalg.eigvals(w)).max() == pytest.approx(0.9)
    assert np.linalg.svd(w, compute_uv=False)[0] > 1
    ten, eighty = power_norms(w, [10, 80])
    assert 18 < ten < 20 and eighty < 1
    q = np.linalg.qr(np.random.default_rng(0).normal(size=(6, 6)))[0]
    np.testing.assert_allclose(power_norms(0.9 * q, [1, 10]), [0.9, 0.9**10])


def test_power_norms_refuses_a_matrix_that_is_not_square():
    assert_shape_error(
        power_norms,
        dict(recurrent_kernel=np.zeros((2, 3)), powers=[1]),
        "recurrent_kernel",
        "(units, units)",
        "(2, 3)",
    )


def test_the_rnn_chapters_curves_one_vanishes_and_one_grows():
    """What the page says of the RNN chapter's figure: 1.5 saturates and then vanishes, 3.0 grows."""
    from gradient_norms import gradient_norms

    saturating, growing = gradient_norms(1.5), gradient_norms(3.0)
    assert saturating.max() > 1 and saturating[-1] < 1e-2
    assert growing[-1] > growing[0] * 1e3


def test_loss_gradients_refuses_a_batch():
    layer, _, w = exploding_rnn(1.0)
    with pytest.raises(
        ValueError,
        match=r"x: expected shape \(1, steps, input_dim\), got \(2, 30, 4\)",
    ):
        loss_gradients(layer, tf.zeros((2, 30, 4)), w)


# -- clipping ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exploding_grads():
    return loss_gradients(*exploding_rnn(1.25))[1]


def test_clipping_in_a_real_sgd_step(exploding_grads):
    g = exploding_grads
    steps = {name: sgd_step(g, **options) for name, options in CLIPPING.items()}
    for step, grad in zip(steps["none"], g, strict=True):
        np.testing.assert_allclose(step, -0.1 * grad, rtol=1e-5)
    assert (
        norm([g[2]]) > 1000 and norm([g[1]]) > 10 and 1 < norm([g[0]]) < 10
    ), "b and W_h explode most"
    for step, grad in zip(
        steps["clipnorm=1"], g, strict=True
    ):  # each weight on its own
        np.testing.assert_allclose(
            step, -0.1 * grad / max(norm([grad]), 1.0), rtol=1e-5
        )
    factor = 1.0 / norm(g)  # all together
    for step, grad in zip(steps["global_clipnorm=1"], g, strict=True):
        np.testing.assert_allclose(step, -0.1 * grad * factor, rtol=1e-4)
    for step, grad in zip(steps["clipvalue=0.1"], g, strict=True):  # each entry
        np.testing.assert_allclose(
            step, -0.1 * np.clip(grad, -0.1, 0.1), rtol=1e-5
        )


def _cosine(step, grads):
    a = np.concatenate([s.ravel() for s in step])
    b = np.concatenate([g.ravel() for g in grads])
    return float(-a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_clipping_numbers_the_page_states(exploding_grads):
    g = exploding_grads
    norms = [norm([grad]) for grad in g]
    assert min(norms) > 1, (
        "every weight's gradient has a norm above 1, so clipnorm rescales all three"
    )
    assert norms.index(min(norms)) == 0 and norms.index(max(norms)) == 2, (
        "W_x the smallest, b the largest"
    )
    assert norms[2] ** 2 > 0.99 * sum(n**2 for n in norms), (
        "it explodes almost entirely through b"
    )
    assert _cosine(sgd_step(g, clipnorm=1.0), g) < 0.9, (
        "clipnorm changes the direction"
    )
    assert _cosine(sgd_step(g, global_clipnorm=1.0), g) > 0.99999
    small = np.ones(
        3, dtype="float32"
    )  # norm below c: clipnorm leaves it as it is
    np.testing.assert_allclose(
        sgd_step([small], clipnorm=10.0)[0], -0.1 * small, rtol=1e-6
    )
    cosines = {
        name: _cosine(sgd_step(g, **options), g)
        for name, options in CLIPPING.items()
    }
    assert min(cosines, key=cosines.get) == "clipvalue=0.1", (
        "clipvalue changes the direction most"
    )


def test_keras_refuses_two_clipping_arguments():
    with pytest.raises(
        ValueError,
        match="Only one of `clipnorm`, `clipvalue` and `global_clipnorm`",
    ):
        keras.optimizers.SGD(clipnorm=1.0, global_clipnorm=1.0)


def test_adam_steps_do_not_depend_on_the_gradient_scale():
    grads = np.random.default_rng(1).normal(size=(10, 6)).astype("float32")
    np.testing.assert_allclose(
        adam_steps(grads * 100), adam_steps(grads), rtol=1e-4
    )


def test_a_spike_stalls_adam_unless_it_is_clipped():
    rng = np.random.default_rng(0)
    grads = rng.normal(scale=0.25, size=(100, 8)).astype("float32")
    grads[19] *= 1000
    plain, clipped = adam_steps(grads), adam_steps(grads, clipnorm=1.0)
    assert plain[19] < 2 * plain[18], (
        "the spike itself moves the weights little more than a step"
    )
    assert np.all(plain[20:25] > clipped[20:25]), (
        "the momentum keeps pushing: larger steps than clipped"
    )
    assert np.all(clipped[59:] > plain[59:]), (
        "then training crawls without clipping"
    )
    assert plain[0] == pytest.approx(clipped[0]), (
        "Adam's first step is the same"
    )


def test_the_sentence_under_the_adam_table_is_computed_from_the_run(
    monkeypatch,
):
    """The figures in the sentence are the mean, the minimum and the maximum of the step ratios."""
    from training_clip_adam import SETTLED, SPIKE

    rng = np.random.default_rng(0)
    grads = rng.normal(scale=0.25, size=(100, 8)).astype("float32")
    grads[SPIKE - 1] *= 1000
    plain, clipped = adam_steps(grads), adam_steps(grads, clipnorm=1.0)
    settled = clipped[SETTLED - 1 :] / plain[SETTLED - 1 :]
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # as a run by hand, in this process
        runpy.run_path(
            str(SNIPPETS / "training" / "training_clip_adam.py"),
            run_name="__main__",
        )
    printed = out.getvalue()
    assert f"{settled.mean():.1f} times on average" in printed
    assert f"{settled.min():.1f} to {settled.max():.1f} times" in printed


# -- cuDNN ---------------------------------------------------------------------------------------


CONFIGS = [
    dict(),
    dict(activation="relu"),
    dict(recurrent_activation="tanh"),
    dict(unroll=True),
    dict(use_bias=False),
    dict(recurrent_dropout=0.1),
    dict(dropout=0.3),
    dict(use_cudnn=False),
    dict(activation=keras.activations.tanh),
    dict(activation=tf.tanh),
    dict(activation=lambda v: tf.tanh(v)),
]


def _config_id(value):
    """A stable test id (xdist workers must collect the same ids): a function by its module and name."""
    if isinstance(value, dict):
        return (
            ",".join(
                f"{k}={getattr(v, '__module__', '')}.{getattr(v, '__qualname__', v)}"
                if callable(v)
                else f"{k}={v}"
                for k, v in value.items()
            )
            or "defaults"
        )
    return str(value)


@pytest.mark.parametrize(
    "kind,options",
    [(kind, options) for kind in ("LSTM", "GRU") for options in CONFIGS]
    + [("GRU", dict(reset_after=False))],
    ids=lambda value: _config_id(value),
)
def test_cudnn_blockers_agree_with_keras(kind, options):
    backend_rnn = importlib.import_module("keras.src.backend.tensorflow.rnn")
    layer = getattr(keras.layers, kind)(4, **options)
    arguments = dict(
        activation=layer.activation,
        recurrent_activation=layer.recurrent_activation,
        unroll=layer.unroll,
        use_bias=layer.use_bias,
    )
    if kind == "GRU":
        supported = backend_rnn._do_gru_arguments_support_cudnn(
            reset_after=layer.reset_after, **arguments
        )
    else:
        supported = backend_rnn._do_lstm_arguments_support_cudnn(**arguments)
    keras_would_try = (
        layer.use_cudnn in ("auto", True) and not layer.recurrent_dropout
    )
    assert (cudnn_blockers(layer) == []) == (supported and keras_would_try)


def test_cudnn_blockers_refuses_other_layers():
    with pytest.raises(
        ValueError, match="expected an LSTM or GRU layer, got SimpleRNN"
    ):
        cudnn_blockers(keras.layers.SimpleRNN(4))


def test_no_gpu_so_cudnn_ok_is_false_for_every_configuration():
    from keras.src.backend.tensorflow.rnn import cudnn_ok

    assert tf.config.list_logical_devices("GPU") == []
    assert not cudnn_ok(
        keras.activations.tanh, keras.activations.sigmoid, False, True
    )


@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
def test_use_cudnn_true_builds_but_fails_when_run_and_auto_is_the_generic_loop(
    kind,
):
    x = np.random.default_rng(0).normal(size=(2, 5, 3)).astype("float32")
    inputs = keras.Input((5, 3))
    model = keras.Model(
        inputs, getattr(keras.layers, kind)(4, use_cudnn=True)(inputs)
    )
    with pytest.raises(
        ValueError,
        match="use_cudnn=True was specified, but cuDNN is not supported",
    ):
        model.predict(x, verbose=0)
    keras.utils.set_random_seed(0)
    auto = getattr(keras.layers, kind)(4)
    keras.utils.set_random_seed(0)
    generic = getattr(keras.layers, kind)(4, use_cudnn=False)
    np.testing.assert_array_equal(auto(x).numpy(), generic(x).numpy())


# Each place in the installed Keras 3.15 that the pages cite: file under keras/src, first and last line,
# and the text of the first line.
CITED = [
    ("layers/rnn/lstm.py", 533, 534, 'if self.use_cudnn in ("auto", True):'),
    ("layers/rnn/gru.py", 552, 553, 'if self.use_cudnn in ("auto", True):'),
    (
        "backend/tensorflow/rnn.py",
        523,
        538,
        "def _do_lstm_arguments_support_cudnn(",
    ),
    (
        "backend/tensorflow/rnn.py",
        503,
        520,
        "def _do_gru_arguments_support_cudnn(",
    ),
    ("backend/tensorflow/rnn.py", 795, 817, "def cudnn_ok("),
    ("backend/tensorflow/rnn.py", 675, 675, "def _is_gpu_available():"),
    ("backend/tensorflow/rnn.py", 562, 581, "def _assert_valid_mask(mask):"),
    ("backend/tensorflow/rnn.py", 692, 692, "_assert_valid_mask(mask)"),
    ("backend/tensorflow/rnn.py", 884, 884, "_assert_valid_mask(mask)"),
    ("backend/tensorflow/rnn.py", 471, 472, "if not cudnn_supported:"),
    ("backend/tensorflow/rnn.py", 838, 839, "if not cudnn_supported:"),
    (
        "backend/tensorflow/rnn.py",
        495,
        500,
        "except tf.errors.InvalidArgumentError:",
    ),
    (
        "backend/tensorflow/rnn.py",
        863,
        868,
        "except tf.errors.InvalidArgumentError:",
    ),
    ("layers/rnn/lstm.py", 571, 577, "if self.use_cudnn is True:"),
    ("layers/rnn/gru.py", 589, 595, "if self.use_cudnn is True:"),
    ("layers/rnn/lstm.py", 343, 349, "1. `activation` == `tanh`"),
    ("backend/tensorflow/rnn.py", 362, 366, "flat_mask_output = ("),
    (
        "backend/tensorflow/rnn.py",
        968,
        975,
        "# In the case of variable length input, the cudnn kernel will fill zeros for",
    ),
    (
        "backend/tensorflow/rnn.py",
        775,
        782,
        "# In the case of variable length input, the cudnn kernel will fill zeros for",
    ),
    (
        "layers/rnn/bidirectional.py",
        137,
        143,
        "def force_zero_output_for_mask(layer):",
    ),
    ("backend/tensorflow/rnn.py", 850, 868, "try:"),
    ("backend/tensorflow/rnn.py", 483, 500, "try:"),
    (
        "optimizers/base_optimizer.py",
        870,
        881,
        "def _clip_gradients(self, grads):",
    ),
    ("optimizers/base_optimizer.py", 130, 137, "clip_args_sum = sum("),
    (
        "optimizers/base_optimizer.py",
        1108,
        1119,
        "def _clip_by_norm(self, values, axes=None):",
    ),
    (
        "optimizers/base_optimizer.py",
        1190,
        1197,
        "def clip_by_global_norm(value_list, clip_norm):",
    ),
]


@pytest.mark.parametrize("path,first,last,text", CITED, ids=lambda v: str(v))
def test_the_keras_source_lines_the_pages_cite(path, first, last, text):
    assert_page_cites_keras_lines("training", path, first, last, text)


def test_the_cudnn_calls_and_their_mask_check_sit_inside_the_try_that_falls_back():
    """_cudnn_lstm / _cudnn_gru (which call _assert_valid_mask first) run inside the try whose
    except InvalidArgumentError raises NotImplementedError: the layer's fallback."""
    lines = (
        (KERAS / "backend/tensorflow/rnn.py")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    for start, end, call in (
        (850, 868, "return _cudnn_lstm("),
        (483, 500, "return _cudnn_gru("),
    ):
        block = [line.strip() for line in lines[start - 1 : end]]
        assert block[0] == "try:" and call in block
        assert block.index(
            "except tf.errors.InvalidArgumentError:"
        ) > block.index(call)
        assert "raise NotImplementedError" in block
    assert (
        lines[883].strip() == lines[691].strip() == "_assert_valid_mask(mask)"
    )
    assert "tf.Assert(" in "\n".join(lines[561:581])


def test_a_failed_mask_check_raises_at_once_when_eager_and_only_when_run_when_traced():
    from keras.src.backend.tensorflow.rnn import _assert_valid_mask

    left_padded = tf.constant([[False, False, True, True, True]])
    right_padded = tf.constant([[True, True, True, False, False]])
    _assert_valid_mask(right_padded)
    with pytest.raises(tf.errors.InvalidArgumentError):
        _assert_valid_mask(left_padded)
    traced = tf.function(_assert_valid_mask)
    traced.get_concrete_function(
        tf.TensorSpec((None, 5), tf.bool)
    )  # tracing raises nothing
    traced(right_padded)
    with pytest.raises(tf.errors.InvalidArgumentError):
        traced(left_padded)


def test_masked_steps_repeat_the_last_output_in_the_generic_loop_and_are_zero_in_bidirectional():
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).normal(size=(1, 5, 3)).astype("float32")
    mask = np.array([[True, True, True, False, False]])
    repeated = masked_outputs(
        keras.layers.LSTM(2, return_sequences=True), x, mask
    )
    np.testing.assert_array_equal(repeated[3], repeated[2])
    np.testing.assert_array_equal(repeated[4], repeated[2])
    assert np.abs(repeated[2]).min() > 0
    zeroed = masked_outputs(
        keras.layers.LSTM(2, return_sequences=True, zero_output_for_mask=True),
        x,
        mask,
    )
    assert np.all(zeroed[3:] == 0) and np.all(zeroed[:3] != 0)
    both = keras.layers.Bidirectional(
        keras.layers.LSTM(2, return_sequences=True)
    )
    out = masked_outputs(both, x, mask)
    assert np.all(out[3:] == 0) and np.all(out[:3] != 0)
    assert (
        both.forward_layer.zero_output_for_mask
        and both.backward_layer.zero_output_for_mask
    )


def test_the_eager_condition_in_the_docstring_is_not_checked_by_the_code():
    docstring = (
        (KERAS / "layers/rnn/lstm.py")
        .read_text(encoding="utf-8")
        .splitlines()[348]
    )
    assert "Eager execution is enabled in the outermost context" in docstring
    for path in (
        "layers/rnn/lstm.py",
        "layers/rnn/gru.py",
        "backend/tensorflow/rnn.py",
    ):
        assert "executing_eagerly" not in (KERAS / path).read_text(
            encoding="utf-8"
        )


def test_dropout_is_applied_before_the_kernel_and_recurrent_dropout_keeps_keras_off_it():
    source = (
        (KERAS / "layers/rnn/lstm.py").read_text(encoding="utf-8").splitlines()
    )
    assert source[533].strip() == "if not self.recurrent_dropout:"
    assert "dp_sequences = sequences * dp_mask" in "\n".join(source[533:550])
