"""The encoder-decoder chapter against real Keras 3: the reversal data, the hand-over of the encoder's
state, greedy decoding, the trained accuracy (read from the trained-results store), a bidirectional
layer's dependence on later inputs, and the custom cell equal to the built-in LSTM."""

from pathlib import Path

import keras
import numpy as np
import pytest
from seq2seq_custom_cell import MinimalLSTMCell
from seq2seq_data import DIGITS, START, reversal_data, train_test_strings
from seq2seq_initial_weights import initial_weights
from seq2seq_model import build_seq2seq, greedy_decode

from conftest import assert_shape_error

# -- the task --------------------------------------------------------------------------------------


def test_reversal_data_is_teacher_forcing_input_and_reversed_target():
    strings = np.array([[1, 2, 3, 4], [9, 0, 0, 7]])
    encoder_input, decoder_input, target = reversal_data(strings)
    assert encoder_input.shape == (2, 4, DIGITS) and decoder_input.shape == (
        2,
        4,
        DIGITS + 1,
    )
    np.testing.assert_array_equal(encoder_input.argmax(-1), strings)
    np.testing.assert_array_equal(target, [[4, 3, 2, 1], [7, 0, 0, 9]])
    np.testing.assert_array_equal(
        decoder_input.argmax(-1), [[START, 4, 3, 2], [START, 7, 0, 0]]
    )
    assert np.all(encoder_input.sum(-1) == 1) and np.all(
        decoder_input.sum(-1) == 1
    )


@pytest.mark.parametrize(
    "strings,actual",
    [
        (np.zeros(5, int), "(5,)"),
        (np.zeros((2, 3, 1), int), "(2, 3, 1)"),
        (np.full((2, 3), 10), "(2, 3)"),
    ],
)
def test_reversal_data_refuses_what_is_not_digit_strings(strings, actual):
    assert_shape_error(
        reversal_data,
        dict(strings=strings),
        "strings",
        "(n, length) of digits 0-9",
        actual,
    )


def test_test_strings_are_distinct_and_unseen():
    train, test = train_test_strings(3000, 1000, 5)
    assert train.shape == (3000, 5) and test.shape == (1000, 5)
    as_text = {"".join(map(str, s)) for s in np.concatenate([train, test])}
    assert len(as_text) == 4000, (
        "every string distinct, so no test string is in training"
    )
    assert train.min() == 0 and train.max() == 9


# -- the model -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def untrained():
    keras.utils.set_random_seed(0)
    model, encoder, decoder_step = build_seq2seq(length=4, units=8)
    x, teacher, y = reversal_data(
        np.random.default_rng(0).integers(0, 10, size=(6, 4))
    )
    return model, encoder, decoder_step, x, teacher, y


def test_encoder_hands_its_final_state_to_the_decoder(untrained):
    """Stepping the decoder from the encoder's (h, c) with the true previous tokens gives the trained
    model's output at every step: the model is the encoder's return_state fed as initial_state."""
    model, encoder, decoder_step, x, teacher, _ = untrained
    expected = model.predict([x, teacher], verbose=0)
    h, c = encoder.predict(x, verbose=0)
    assert h.shape == c.shape == (6, 8)
    for t in range(4):
        probabilities, h, c = decoder_step.predict(
            [teacher[:, t : t + 1], h, c], verbose=0
        )
        np.testing.assert_allclose(
            probabilities[:, 0], expected[:, t], atol=1e-5
        )


def test_the_decoder_depends_on_the_handed_state(untrained):
    model, encoder, decoder_step, x, teacher, _ = untrained
    h, c = encoder.predict(x, verbose=0)
    from_encoder = decoder_step.predict([teacher[:, :1], h, c], verbose=0)[0]
    from_zeros = decoder_step.predict(
        [teacher[:, :1], 0 * h, 0 * c], verbose=0
    )[0]
    assert np.abs(from_encoder - from_zeros).max() > 1e-3


def test_greedy_decoding_feeds_the_model_its_own_previous_output(untrained):
    """Teacher-forcing the model on its own greedy output reproduces that output: each greedy token is
    the argmax given the greedy tokens before it."""
    model, encoder, decoder_step, x, _, _ = untrained
    greedy = greedy_decode(encoder, decoder_step, x, 4)
    assert greedy.shape == (6, 4)
    _, own_input, _ = reversal_data(
        greedy[:, ::-1]
    )  # decoder input: START, then the greedy tokens
    np.testing.assert_array_equal(
        model.predict([x, own_input], verbose=0).argmax(-1), greedy
    )


# -- the trained model, read from the trained-results store -------------------------------------


@pytest.fixture(scope="module")
def runs():
    """Both trainings as the page's fence runs them: from the store (snippets/common/trained.py) that
    the build, the standalone run and the notebook share, so they train once per run, whichever asks
    first."""
    from seq2seq_train import trained_seq2seq

    return {
        "reverse": trained_seq2seq(reverse=True),
        "copy": trained_seq2seq(reverse=False),
    }


def _table_rows(text):
    """The Markdown tables of scores_tables' output, as rows of cells (the rule rows left out)."""
    tables, rows = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            if not line.startswith("|---"):
                rows.append(
                    [cell.strip() for cell in line.strip("|").split("|")]
                )
        elif rows:
            tables.append(rows)
            rows = []
    return tables


def test_trained_accuracy_and_decoded_examples(runs):
    """The results as the store keeps them, in JSON (trained.kept writes them so), scored on unseen
    strings, and what the page says of them."""
    reverse, copy = runs["reverse"], runs["copy"]
    for run in (reverse, copy):
        assert set(run) == {"test", "decoded", "forced", "greedy"}
        assert len(run["greedy"]["position"]) == len(run["test"][0]) == 5
    greedy_whole, greedy_digit = (
        reverse["greedy"][k] for k in ("string", "digit")
    )
    forced_whole, forced_digit = (
        reverse["forced"][k] for k in ("string", "digit")
    )
    assert greedy_whole > 0.9, "most unseen strings entirely right"
    assert (
        greedy_whole >= forced_whole - 0.05
        and greedy_digit >= forced_digit - 0.02
    ), "almost as accurate"
    assert greedy_whole <= greedy_digit
    test, decoded = np.array(reverse["test"]), np.array(reverse["decoded"])
    assert np.mean(np.all(decoded == test[:, ::-1], axis=1)) == pytest.approx(
        greedy_whole
    ), "the examples come from the scored run"
    reverse_forced, reverse_greedy = (
        reverse[k]["position"] for k in ("forced", "greedy")
    )
    copy_forced = copy["forced"]["position"]
    assert reverse_greedy[4] < reverse_greedy[0], (
        "greedy reversal loses accuracy towards the last digits"
    )
    assert reverse_forced[4] > reverse_greedy[4], (
        "the teacher-forced row stays higher there"
    )
    assert np.mean(copy_forced) < np.mean(reverse_forced), (
        "copying is worse with teacher forcing too"
    )
    assert copy["greedy"]["string"] < greedy_whole, "and in whole strings"


def test_the_printed_tables_follow_from_the_runs(runs):
    """What the page's fence prints: the scores, the first five decoded strings and the first wrong
    one marked, the positions table, and the sentence under it, whose y_p is the first position from
    which greedy copying trails greedy reversal by ten test strings or more at every position."""
    from seq2seq_tables import scores_tables

    text = scores_tables(runs, 3000, 1000)  # a run by hand prints English
    scores, examples, positions = _table_rows(text)
    reverse = runs["reverse"]
    assert "teacher forcing" in scores[1][0] and "greedy" in scores[2][0]
    assert [float(v) for v in scores[2][1:]] == pytest.approx(
        [reverse["greedy"]["digit"], reverse["greedy"]["string"]], abs=5e-4
    )
    assert len(examples) == 1 + 6
    for source, decoded, target in examples[1:]:
        assert target == source[::-1]
        assert decoded.endswith("✗") == (decoded != target)
    assert examples[-1][1].endswith("✗"), "the last row is the first wrong one"
    rows = {
        (row[0], row[1]): [float(v) for v in row[2:7]] for row in positions[1:]
    }
    assert rows["copy", "greedy"] == pytest.approx(
        runs["copy"]["greedy"]["position"], abs=5e-4
    )
    behind = np.array(reverse["greedy"]["position"]) - np.array(
        runs["copy"]["greedy"]["position"]
    )
    first = next(i for i in range(5) if np.all(behind[i:] >= 0.01 - 1e-9))
    sentence = text.split("at least ten fewer", 1)[1]
    assert f"from $y_{first + 1}$ on" in sentence, sentence


def test_the_training_key_is_the_code_not_its_comments_nor_a_file():
    """The page shows seq2seq_train.py whole, so its notebook runs the training as a cell, with no
    file: the key of the same code in a cell is the key of the file (the notebook reuses the build's
    training), a comment changes nothing, and an edit of what the training does trains again."""
    import linecache

    import seq2seq_train
    import trained

    code = Path(seq2seq_train.__file__).read_text(encoding="utf-8")

    def cell_key(text, number):
        cell = f"<cell {number}>"  # as IPython keeps a cell's text
        linecache.cache[cell] = (len(text), None, text.splitlines(True), cell)
        namespace = {"__name__": "cell"}
        try:
            exec(compile(text, cell, "exec"), namespace)
            return trained.key("k", [namespace["train_seq2seq"]])
        finally:
            del linecache.cache[cell]

    file_key = trained.key("k", [seq2seq_train.train_seq2seq])
    assert cell_key(code, 1) == file_key
    assert cell_key("# a comment\n" + code, 2) == file_key
    edited = code.replace(
        "EPOCHS = 5, 3000, 1000, 64, 10", "EPOCHS = 5, 3000, 1000, 64, 11"
    )
    assert edited != code
    assert cell_key(edited, 3) != file_key


def test_copy_data_keeps_the_order():
    strings = np.array([[1, 2, 3, 4]])
    _, decoder_input, target = reversal_data(strings, reverse=False)
    np.testing.assert_array_equal(target, strings)
    np.testing.assert_array_equal(decoder_input.argmax(-1), [[START, 1, 2, 3]])


# -- bidirectional ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
def test_only_a_bidirectional_output_depends_on_later_inputs(kind):
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(1).normal(size=(2, 8, 3)).astype("float32")
    changed = x.copy()
    changed[:, 5] += 1.0  # step 6
    forward = getattr(keras.layers, kind)(4, return_sequences=True)
    both = keras.layers.Bidirectional(
        getattr(keras.layers, kind)(4, return_sequences=True)
    )
    for layer, depends_on_later in ((forward, False), (both, True)):
        before, after = (
            keras.ops.convert_to_numpy(layer(v)) for v in (x, changed)
        )
        change = np.abs(after - before).max(axis=(0, 2))
        assert np.all(change[5:] > 0)
        assert (
            np.all(change[:5] > 1e-6)
            if depends_on_later
            else np.all(change[:5] == 0)
        )


def test_a_bidirectional_encoder_hands_over_four_states_joined_in_pairs():
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).normal(size=(2, 5, DIGITS)).astype("float32")
    encoder = keras.layers.Bidirectional(
        keras.layers.LSTM(3, return_state=True)
    )
    output, h_forward, c_forward, h_backward, c_backward = (
        keras.ops.convert_to_numpy(t) for t in encoder(x)
    )
    np.testing.assert_allclose(
        output, np.concatenate([h_forward, h_backward], axis=-1), atol=1e-6
    )
    backward = encoder.backward_layer
    _, h_alone, c_alone = (
        keras.ops.convert_to_numpy(t) for t in backward(x)
    )  # reads x_T .. x_1
    np.testing.assert_allclose(h_alone, h_backward, atol=1e-6)
    np.testing.assert_allclose(c_alone, c_backward, atol=1e-6)


# -- a custom cell ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "batch,steps,features,units", [(1, 1, 1, 1), (4, 7, 3, 5), (3, 20, 6, 16)]
)
def test_custom_cell_equals_the_built_in_lstm(batch, steps, features, units):
    keras.utils.set_random_seed(steps)
    rng = np.random.default_rng(steps)
    x = rng.normal(size=(batch, steps, features)).astype("float32")
    state = [
        rng.normal(size=(batch, units)).astype("float32") for _ in range(2)
    ]
    built_in = keras.layers.LSTM(
        units, return_sequences=True, return_state=True
    )
    custom = keras.layers.RNN(
        MinimalLSTMCell(units), return_sequences=True, return_state=True
    )
    built_in.build(x.shape)
    custom.build(x.shape)
    weights = [
        rng.normal(scale=0.5, size=w.shape) for w in built_in.get_weights()
    ]
    built_in.set_weights(weights)
    custom.set_weights(weights)
    assert [w.shape for w in custom.get_weights()] == [w.shape for w in weights]
    for initial in (None, state):
        expected = built_in(x, initial_state=initial)
        actual = custom(x, initial_state=initial)
        assert len(expected) == len(actual) == 3
        for a, b in zip(expected, actual, strict=True):
            np.testing.assert_allclose(
                keras.ops.convert_to_numpy(b),
                keras.ops.convert_to_numpy(a),
                atol=1e-5,
            )


def test_the_custom_cell_starts_from_other_weights_than_the_built_in_lstm():
    keras.utils.set_random_seed(0)
    forget_bias, off = initial_weights(keras.layers.LSTM(8), 8)
    assert forget_bias == 1.0 and off < 1e-5, (
        "unit_forget_bias, orthogonal recurrent kernel"
    )
    forget_bias, off = initial_weights(keras.layers.RNN(MinimalLSTMCell(8)), 8)
    assert forget_bias == 0.0 and off > 0.1
