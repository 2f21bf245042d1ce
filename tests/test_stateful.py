"""The stateful chapter's functions against real Keras 3 layers: data layout, reset, the demo and the task."""

import runpy

import keras
import numpy as np
import pytest
import tensorflow as tf
from stateful_data import (
    example_layout,
    from_stateful_batches,
    split_streams,
    to_stateful_batches,
)
from stateful_reset import (
    ResetStatefulLayers,
    reset_stateful_layers,
    stateful_layers,
)

from conftest import SNIPPETS

# -- the data layout ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "batch_size,chunk_len,chunks",
    [(1, 1, 1), (1, 5, 3), (3, 4, 3), (16, 10, 30), (4, 7, 2)],
)
def test_sample_i_of_batch_k_plus_1_continues_sample_i_of_batch_k(
    batch_size, chunk_len, chunks
):
    length = batch_size * chunk_len * chunks
    sequence = np.arange(length).reshape(-1, 1)
    samples = to_stateful_batches(
        split_streams(sequence, batch_size), chunk_len
    )
    assert samples.shape == (chunks * batch_size, chunk_len, 1)
    t = samples[..., 0]
    assert np.all(np.diff(t, axis=1) == 1), "a chunk is consecutive time steps"
    for k in range(chunks - 1):
        for i in range(batch_size):
            assert (
                t[(k + 1) * batch_size + i, 0] == t[k * batch_size + i, -1] + 1
            )
    assert sorted(t.ravel()) == list(range(length)), (
        "every step appears exactly once"
    )
    streams = from_stateful_batches(samples, batch_size)
    np.testing.assert_array_equal(streams, split_streams(sequence, batch_size))


def test_streams_are_consecutive_stretches_of_the_sequence():
    streams = split_streams(np.arange(12).reshape(-1, 1), 3)
    np.testing.assert_array_equal(
        streams[..., 0], [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    )


def test_example_layout_is_what_the_page_prints():
    layout = example_layout()
    assert layout.shape == (3, 3, 4)
    np.testing.assert_array_equal(
        layout[0], [[0, 1, 2, 3], [12, 13, 14, 15], [24, 25, 26, 27]]
    )
    np.testing.assert_array_equal(layout[2, 2], [32, 33, 34, 35])


@pytest.mark.parametrize(
    "function,args,expected,actual",
    [
        (
            split_streams,
            (np.zeros(12), 3),
            "(N, features) with N a positive multiple of 3",
            "(12,)",
        ),
        (
            split_streams,
            (np.zeros((10, 1)), 3),
            "(N, features) with N a positive multiple of 3",
            "(10, 1)",
        ),
        (
            split_streams,
            (np.zeros((0, 1)), 3),
            "(N, features) with N a positive multiple of 3",
            "(0, 1)",
        ),
        (
            to_stateful_batches,
            (np.zeros((2, 12)), 4),
            "(B, L, features) with L a positive multiple of 4",
            "(2, 12)",
        ),
        (
            to_stateful_batches,
            (np.zeros((2, 10, 1)), 4),
            "(B, L, features) with L a positive multiple of 4",
            "(2, 10, 1)",
        ),
        (
            from_stateful_batches,
            (np.zeros((5, 4, 1)), 2),
            "(K * 2, chunk_len, features) with K >= 1",
            "(5, 4, 1)",
        ),
        (
            from_stateful_batches,
            (np.zeros((4, 4)), 2),
            "(K * 2, chunk_len, features) with K >= 1",
            "(4, 4)",
        ),
    ],
)
def test_wrong_shapes_name_expected_and_actual(
    function, args, expected, actual
):
    with pytest.raises(ValueError) as error:
        function(*args)
    assert f"expected shape {expected}" in str(error.value)
    assert f"got {actual}" in str(error.value)


# -- resetting ------------------------------------------------------------------------------------


def _states(layers):
    return [
        keras.ops.convert_to_numpy(v) for layer in layers for v in layer.states
    ]


def _stack(batch=2, steps=3, features=2):
    """A functional model with a nested Sequential, a Bidirectional and a stateless layer in it."""
    keras.utils.set_random_seed(0)
    inputs = keras.Input(batch_shape=(batch, steps, features))
    inner = keras.Sequential(
        [
            keras.Input(batch_shape=(batch, steps, features)),
            keras.layers.SimpleRNN(3, stateful=True, return_sequences=True),
        ]
    )
    x = inner(inputs)
    x = keras.layers.Bidirectional(
        keras.layers.GRU(3, stateful=True, return_sequences=True)
    )(x)
    x = keras.layers.LSTM(4, return_sequences=True)(x)
    x = keras.layers.LSTM(4, stateful=True)(x)
    return keras.Model(inputs, keras.layers.Dense(1)(x))


def test_finds_every_stateful_layer_and_nothing_else():
    model = _stack()
    found = stateful_layers(model)
    assert [type(layer).__name__ for layer in found] == [
        "SimpleRNN",
        "Bidirectional",
        "LSTM",
    ]
    assert all(layer.stateful for layer in found)
    stateless = [
        layer
        for layer in model.layers
        if isinstance(layer, keras.layers.LSTM) and not layer.stateful
    ]
    assert len(stateless) == 1 and stateless[0] not in found


def test_reset_sets_every_state_to_zeros():
    model = _stack()
    x = np.random.default_rng(0).normal(size=(2, 3, 2)).astype("float32")
    model.predict(x, batch_size=2, verbose=0)
    rnn, bidirectional, lstm = stateful_layers(model)
    carried = [
        rnn,
        bidirectional.forward_layer,
        bidirectional.backward_layer,
        lstm,
    ]
    before = _states(carried)
    assert len(before) == 1 + 1 + 1 + 2 and all(
        np.abs(s).max() > 0 for s in before
    )
    reset_stateful_layers(model)
    after = _states(carried)
    assert all(s.shape == b.shape for s, b in zip(after, before, strict=True))
    assert all(np.array_equal(s, np.zeros_like(s)) for s in after)


class _StateAtEpochStart(keras.callbacks.Callback):
    def __init__(self, layer):
        super().__init__()
        self.layer, self.largest = layer, []

    def on_train_batch_begin(self, batch, logs=None):
        if batch == 0:
            self.largest.append(
                max(np.abs(s).max() for s in _states([self.layer]))
            )

    def on_test_batch_begin(self, batch, logs=None):
        self.on_train_batch_begin(batch, logs)


def _fit_with(callbacks, epochs=3):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(batch_shape=(2, 3, 1)),
            keras.layers.LSTM(4, stateful=True),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer="sgd", loss="mse")
    probe = _StateAtEpochStart(model.layers[0])
    x = np.random.default_rng(0).normal(size=(4, 3, 1)).astype("float32")
    model.fit(
        x,
        np.ones((4, 1)),
        batch_size=2,
        epochs=epochs,
        shuffle=False,
        verbose=0,
        validation_data=(x, np.ones((4, 1))),
        callbacks=[*callbacks, probe],
    )
    return probe.largest


def test_callback_resets_at_every_epoch_and_before_validation():
    largest = _fit_with([ResetStatefulLayers()])
    assert len(largest) == 6  # train and validation start of each of 3 epochs
    assert largest == [0.0] * 6


def test_without_the_callback_keras_carries_state_into_the_next_epoch():
    largest = _fit_with([])
    assert largest[0] == 0.0
    assert all(value > 0 for value in largest[1:])


def test_carried_state_is_not_trainable():
    model = _stack()
    for layer in stateful_layers(model):
        for inner in (
            getattr(layer, "forward_layer", None),
            getattr(layer, "backward_layer", None),
            layer,
        ):
            if inner is not None and getattr(inner, "states", None) is not None:
                assert not any(v.trainable for v in inner.states)
    assert not any("rnn_state" in v.path for v in model.trainable_variables)


def test_fit_fails_when_the_sample_count_is_not_a_multiple_of_the_batch():
    model = keras.Sequential(
        [
            keras.Input(batch_shape=(4, 3, 1)),
            keras.layers.LSTM(2, stateful=True),
        ]
    )
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(tf.errors.InvalidArgumentError):
        model.fit(
            np.ones((10, 3, 1)), np.ones((10, 2)), batch_size=4, verbose=0
        )


def test_stateful_layer_needs_a_fixed_batch():
    with pytest.raises(ValueError, match="batch size must be static"):
        keras.Sequential(
            [keras.Input(shape=(3, 1)), keras.layers.LSTM(2, stateful=True)]
        )


# -- the demonstration and the task ---------------------------------------------------------------


def test_demo_differs_until_reset():
    result = runpy.run_path(
        str(SNIPPETS / "stateful" / "stateful_demo.py"), run_name="demo"
    )
    first, second, after_reset = (
        result["first"],
        result["second"],
        result["after_reset"],
    )
    assert np.abs(second - first).max() > 1e-3
    np.testing.assert_array_equal(after_reset, first)


def test_a_stateless_model_gives_the_same_answer_every_time():
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(batch_shape=(1, 4, 2)), keras.layers.LSTM(3)]
    )
    x = np.random.default_rng(0).normal(size=(1, 4, 2)).astype("float32")
    first, second = (model.predict(x, verbose=0) for _ in range(2))
    np.testing.assert_array_equal(first, second)


def test_recipe_model_fixes_the_batch_and_is_stateful():
    from stateful_recipe import build_stateful_model

    model = build_stateful_model(16, 10, 1)
    assert model.inputs[0].shape == (16, 10, 1)
    assert model.layers[0].stateful and model.layers[0].return_sequences
    assert model.layers[-1].output.shape == (16, 10, 1)
    assert (
        not build_stateful_model(16, 10, 1, stateful=False).layers[0].stateful
    )


def test_cue_streams():
    from stateful_cues import cue_streams

    x, y = cue_streams(3, 60, 25, np.random.default_rng(1))
    assert x.shape == y.shape == (3, 60, 1)
    cue_steps = np.flatnonzero(np.any(x[..., 0] != 0, axis=0))
    np.testing.assert_array_equal(cue_steps, [0, 25, 50])
    assert set(np.unique(x[:, cue_steps])) <= {-1.0, 1.0}
    for t in range(60):
        np.testing.assert_array_equal(y[:, t], x[:, 25 * (t // 25)])


def test_cue_in_earlier_chunk():
    from stateful_task import PERIOD, T, cue_in_earlier_chunk

    earlier = cue_in_earlier_chunk(100)
    for t in range(100):
        assert earlier[t] == ((PERIOD * (t // PERIOD)) // T < t // T)
    assert (
        not earlier[0]
        and not earlier[25:30].any()
        and earlier[20:25].all()
        and earlier[30:50].all()
    )


def test_task_figure_shows_ten_chunks():
    import inspect

    from stateful_fig_task import stateful_fig_task
    from stateful_task import T

    assert (
        inspect.signature(stateful_fig_task).parameters["steps"].default // T
        == 10
    )


def _task_table():
    """The accuracy table stateful_task.py prints, from the trained-results store (the two cue-task models
    train once per content, snippets/common/trained.py, shared with the build): one row per set of steps
    (the latest cue in the same chunk, in an earlier chunk, all), each ``[share of steps, stateful
    accuracy, stateless accuracy]``, rounded as the page prints them."""
    from stateful_task import accuracy, cue_in_earlier_chunk, trained_cue_task

    results = [trained_cue_task(stateful) for stateful in (True, False)]
    earlier = cue_in_earlier_chunk()
    return [
        [round(float(where.mean()), 2)]
        + [round(accuracy(y, p, where), 2) for _, y, p in results]
        for where in (~earlier, earlier, np.ones_like(earlier))
    ]


def test_stateful_model_recalls_cues_from_earlier_chunks_and_stateless_cannot():
    from stateful_task import cue_in_earlier_chunk

    earlier = cue_in_earlier_chunk()
    assert 0.6 < earlier.mean() < 0.8
    same_chunk, earlier_chunk, every_step = _task_table()
    assert [same_chunk[0], earlier_chunk[0], every_step[0]] == [
        round((~earlier).mean(), 2),
        round(earlier.mean(), 2),
        1.0,
    ]
    (
        (_, stateful_same, stateless_same),
        (_, stateful_earlier, stateless_earlier),
    ) = same_chunk, earlier_chunk
    assert stateful_same > 0.95
    assert stateless_same > 0.95, (
        "the stateless model does learn what it can see"
    )
    assert stateful_earlier > 0.95
    assert 0.3 < stateless_earlier < 0.7, "without the state it can only guess"


@pytest.mark.parametrize("stateful", [False, True])
def test_only_a_stateful_prediction_depends_on_earlier_chunks(stateful):
    """For a chunk with no cue in it, a stateless model predicts the same whatever came before the chunk; a
    stateful one does not. This holds for any weights, so the models here are not trained."""
    from stateful_cues import cue_streams
    from stateful_data import from_stateful_batches, to_stateful_batches
    from stateful_recipe import build_stateful_model, predict_in_order
    from stateful_task import LENGTH, PERIOD, B, T, cue_in_earlier_chunk

    x, _ = cue_streams(B, LENGTH, PERIOD, np.random.default_rng(0))
    keras.utils.set_random_seed(0)
    model = build_stateful_model(B, T, features=1, stateful=stateful)
    prediction = from_stateful_batches(
        predict_in_order(model, to_stateful_batches(x, T), B), B
    )
    earlier = cue_in_earlier_chunk()
    no_cue_chunks = [
        k
        for k in range(len(earlier) // T)
        if earlier[k * T : (k + 1) * T].all()
    ]
    assert len(no_cue_chunks) > 5
    chunks = prediction[
        :, [range(k * T, (k + 1) * T) for k in no_cue_chunks], 0
    ]
    same = np.allclose(
        chunks, np.broadcast_to(chunks[:1, :1], chunks.shape), atol=1e-5
    )
    assert same != stateful


def test_stateful_and_whole_sequence_models_have_the_same_weights():
    """The trade-offs section: `stateful` changes no weight, only the sample a gradient sees."""
    from stateful_recipe import build_stateful_model
    from stateful_task import LENGTH, B, T

    chunked = build_stateful_model(B, T, features=1, stateful=True)
    whole = keras.Sequential(
        [
            keras.Input(shape=(LENGTH, 1)),
            keras.layers.LSTM(16, return_sequences=True),
            keras.layers.Dense(1),
        ]
    )
    assert [w.shape for w in chunked.weights] == [
        w.shape for w in whole.weights
    ]
    assert (
        chunked.count_params()
        == whole.count_params()
        == 4 * 16 * (16 + 1 + 1) + 17
    )
    assert chunked.layers[0].stateful and not whole.layers[0].stateful
    assert LENGTH % T == 0 and LENGTH // T == 30
