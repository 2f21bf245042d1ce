"""The Keras 2 stateful idioms shown on the stateful page fail on the installed Keras as the page says,
and their Keras 3 replacements work.

The old forms are read from the page's ``{.python notest}`` fences, so the page cannot drift from what
is tested.
"""

import re

import keras
import numpy as np
import pytest
from keras.layers import LSTM, Dense
from keras.models import Sequential
from stateful_reset import ResetStatefulLayers, reset_stateful_layers

from conftest import DOCS

B, T, F = 16, 10, 1

NOTEST_FENCE_RE = re.compile(
    r"^```\{\.python notest\}\n(.*?)^```$", re.S | re.M
)

# In the order of the fences on the page: the exception and the exact message the table quotes.
EXPECTED = [
    (
        ValueError,
        "Unrecognized keyword arguments passed to LSTM: {'batch_input_shape': (16, 10, 1)}",
    ),
    (
        ValueError,
        "Unrecognized keyword arguments passed to LSTM: {'batch_size': 16}",
    ),
    (
        ValueError,
        "When using `stateful=True` in a RNN, the batch size must be static. "
        "Found dynamic batch size: sequence.shape=(None, 10, 1)",
    ),
    (AttributeError, "'Sequential' object has no attribute 'reset_states'"),
    (
        TypeError,
        "RNN.reset_states() got an unexpected keyword argument 'states'",
    ),
]


def old_forms(language):
    return NOTEST_FENCE_RE.findall(
        (DOCS / f"stateful.{language}.md").read_text(encoding="utf-8")
    )


def keras3_model():
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(batch_shape=(B, T, F)), LSTM(32, stateful=True), Dense(1)]
    )
    model.compile(optimizer="sgd", loss="mse")
    return model


def namespace():
    """What the old forms assume exists: sizes, data, a (Keras 3) model, Keras 2 style imports."""
    rng = np.random.default_rng(0)
    return dict(
        B=B,
        T=T,
        F=F,
        epochs=2,
        Sequential=Sequential,
        LSTM=LSTM,
        Dense=Dense,
        x=rng.normal(size=(2 * B, T, F)).astype("float32"),
        y=np.zeros((2 * B, 1), "float32"),
        h0=np.zeros((B, 32)),
        c0=np.zeros((B, 32)),
        model=keras3_model(),
    )


def test_both_languages_show_the_same_old_forms():
    assert old_forms("en") == old_forms("zh")
    assert len(old_forms("en")) == len(EXPECTED)


@pytest.mark.filterwarnings("ignore:Do not pass an `input_shape`")
@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_old_form_fails_as_the_table_says(index):
    code = old_forms("en")[index]
    error_type, message = EXPECTED[index]
    with pytest.raises(error_type) as error:
        exec(
            compile(code, f"<stateful page, notest fence {index + 1}>", "exec"),
            namespace(),
        )
    assert str(error.value) == message
    for language in ("en", "zh"):
        page = (DOCS / f"stateful.{language}.md").read_text(encoding="utf-8")
        assert f"{error_type.__name__}: {message}" in page, (
            f"the {language} table quotes it"
        )


def test_the_fit_loop_trains_one_epoch_before_failing():
    ns = namespace()
    code = next(form for form in old_forms("en") if "for epoch" in form)
    with pytest.raises(AttributeError):
        exec(code.replace("shuffle=False)", "shuffle=False, verbose=0)"), ns)
    assert ns["epoch"] == 0
    assert len(ns["model"].history.history["loss"]) == 1


def test_the_seed_form_without_equals_is_a_syntax_error():
    with pytest.raises(
        SyntaxError, match="positional argument follows keyword argument"
    ):
        compile(
            "LSTM(hidden_size, stateful=True, input_shape=(data[1], data[2]), batch_size)",
            "seed",
            "exec",
        )


def test_input_shape_on_a_stateless_layer_is_still_accepted():
    with pytest.warns(UserWarning, match="Do not pass an `input_shape`"):
        model = Sequential([LSTM(4, input_shape=(T, F)), Dense(1)])
    assert model.layers[0].output.shape == (None, 4)


# -- the replacements -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_input",
    [
        lambda: keras.Input(batch_shape=(B, T, F)),
        lambda: keras.Input(shape=(T, F), batch_size=B),
    ],
)
def test_keras_input_fixes_the_batch_of_a_stateful_layer(make_input):
    model = keras.Sequential([make_input(), LSTM(32, stateful=True), Dense(1)])
    assert model.inputs[0].shape == (B, T, F)
    assert [tuple(v.shape) for v in model.layers[0].states] == [
        (B, 32),
        (B, 32),
    ]


def _largest_state(layer):
    return max(
        float(np.abs(keras.ops.convert_to_numpy(v)).max()) for v in layer.states
    )


def test_model_has_no_reset_method_but_the_layers_do():
    model = keras3_model()
    assert not hasattr(model, "reset_states") and not hasattr(
        model, "reset_state"
    )
    assert "or on your entire model" in keras.layers.RNN.__doc__, (
        "the page says the docstring suggests it"
    )
    assert callable(model.layers[0].reset_state) and callable(
        model.layers[0].reset_states
    )


@pytest.mark.parametrize(
    "reset",
    [
        lambda model: reset_stateful_layers(model),
        lambda model: model.layers[0].reset_state(),
        lambda model: model.layers[0].reset_states(),
    ],
)
def test_each_reset_form_sets_the_state_to_zeros(reset):
    model = keras3_model()
    model.predict(np.ones((B, T, F)), batch_size=B, verbose=0)
    assert _largest_state(model.layers[0]) > 0
    reset(model)
    assert _largest_state(model.layers[0]) == 0.0


def test_assign_replaces_reset_states_with_values():
    model = keras3_model()
    h0 = np.full((B, 32), 0.5, "float32")
    model.layers[0].states[0].assign(h0)
    np.testing.assert_array_equal(
        keras.ops.convert_to_numpy(model.layers[0].states[0]), h0
    )
    one = model.predict(np.ones((B, T, F)), batch_size=B, verbose=0)
    reset_stateful_layers(model)
    zero = model.predict(np.ones((B, T, F)), batch_size=B, verbose=0)
    assert not np.allclose(one, zero), (
        "the assigned state is used as the initial state"
    )


def test_callback_replaces_the_fit_loop():
    ns = namespace()
    model = ns["model"]
    history = model.fit(
        ns["x"],
        ns["y"],
        batch_size=B,
        epochs=2,
        shuffle=False,
        verbose=0,
        callbacks=[ResetStatefulLayers()],
    )
    assert len(history.history["loss"]) == 2


def test_migrated_snippet_output():
    import runpy

    from conftest import SNIPPETS

    result = runpy.run_path(
        str(SNIPPETS / "stateful" / "stateful_migrated.py"), run_name="migrated"
    )
    assert result["model"].inputs[0].shape == (B, T, F)
    assert _largest_state(result["lstm"]) == 0.5
