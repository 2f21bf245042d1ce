"""The encoder-decoder chapter against real Keras 3: the reversal data, the hand-over of the encoder's
state, greedy decoding, the trained accuracy (read from the build, not trained again), a bidirectional
layer's dependence on later inputs, and the custom cell equal to the built-in LSTM."""

import re

import keras
import numpy as np
import pytest

from conftest import assert_shape_error
from seq2seq_custom_cell import MinimalLSTMCell
from seq2seq_data import DIGITS, START, reversal_data, train_test_strings
from seq2seq_model import build_seq2seq, greedy_decode

# -- the task --------------------------------------------------------------------------------------


def test_reversal_data_is_teacher_forcing_input_and_reversed_target():
    strings = np.array([[1, 2, 3, 4], [9, 0, 0, 7]])
    encoder_input, decoder_input, target = reversal_data(strings)
    assert encoder_input.shape == (2, 4, DIGITS) and decoder_input.shape == (2, 4, DIGITS + 1)
    np.testing.assert_array_equal(encoder_input.argmax(-1), strings)
    np.testing.assert_array_equal(target, [[4, 3, 2, 1], [7, 0, 0, 9]])
    np.testing.assert_array_equal(decoder_input.argmax(-1), [[START, 4, 3, 2], [START, 7, 0, 0]])
    assert np.all(encoder_input.sum(-1) == 1) and np.all(decoder_input.sum(-1) == 1)


@pytest.mark.parametrize("strings,actual", [(np.zeros(5, int), "(5,)"), (np.zeros((2, 3, 1), int), "(2, 3, 1)"),
                                            (np.full((2, 3), 10), "(2, 3)")])
def test_reversal_data_refuses_what_is_not_digit_strings(strings, actual):
    assert_shape_error(reversal_data, dict(strings=strings), "strings", "(n, length) of digits 0-9", actual)


def test_test_strings_are_distinct_and_unseen():
    train, test = train_test_strings(3000, 1000, 5)
    assert train.shape == (3000, 5) and test.shape == (1000, 5)
    as_text = {"".join(map(str, s)) for s in np.concatenate([train, test])}
    assert len(as_text) == 4000, "every string distinct, so no test string is in training"
    assert train.min() == 0 and train.max() == 9


# -- the model -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def untrained():
    keras.utils.set_random_seed(0)
    model, encoder, decoder_step = build_seq2seq(length=4, units=8)
    x, teacher, y = reversal_data(np.random.default_rng(0).integers(0, 10, size=(6, 4)))
    return model, encoder, decoder_step, x, teacher, y


def test_encoder_hands_its_final_state_to_the_decoder(untrained):
    """Stepping the decoder from the encoder's (h, c) with the true previous tokens gives the trained
    model's output at every step: the model is the encoder's return_state fed as initial_state."""
    model, encoder, decoder_step, x, teacher, _ = untrained
    expected = model.predict([x, teacher], verbose=0)
    h, c = encoder.predict(x, verbose=0)
    assert h.shape == c.shape == (6, 8)
    for t in range(4):
        probabilities, h, c = decoder_step.predict([teacher[:, t:t + 1], h, c], verbose=0)
        np.testing.assert_allclose(probabilities[:, 0], expected[:, t], atol=1e-5)


def test_the_decoder_depends_on_the_handed_state(untrained):
    model, encoder, decoder_step, x, teacher, _ = untrained
    h, c = encoder.predict(x, verbose=0)
    from_encoder = decoder_step.predict([teacher[:, :1], h, c], verbose=0)[0]
    from_zeros = decoder_step.predict([teacher[:, :1], 0 * h, 0 * c], verbose=0)[0]
    assert np.abs(from_encoder - from_zeros).max() > 1e-3


def test_greedy_decoding_feeds_the_model_its_own_previous_output(untrained):
    """Teacher-forcing the model on its own greedy output reproduces that output: each greedy token is
    the argmax given the greedy tokens before it."""
    model, encoder, decoder_step, x, _, _ = untrained
    greedy = greedy_decode(encoder, decoder_step, x, 4)
    assert greedy.shape == (6, 4)
    _, own_input, _ = reversal_data(greedy[:, ::-1])  # decoder input: START, then the greedy tokens
    np.testing.assert_array_equal(model.predict([x, own_input], verbose=0).argmax(-1), greedy)


# -- the trained model, as the build printed it ----------------------------------------------------


def _training_output(built_site):
    """The output of the seq2seq_train.py fence in the built English page: the model trains once per
    build (cached by code and libraries) and once more in the standalone snippet test, not here."""
    page = (built_site / "en" / "seq2seq" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert text.count("teacher forcing: per digit") == 1
    return text


def test_trained_accuracy_and_decoded_examples(built_site):
    text = _training_output(built_site)
    scores = {name: (float(digit), float(whole)) for name, digit, whole in re.findall(
        r"(teacher forcing|greedy decoding): per digit ([0-9.]+), whole string ([0-9.]+)", text)}
    forced_digit, forced_whole = scores["teacher forcing"]
    greedy_digit, greedy_whole = scores["greedy decoding"]
    assert greedy_whole > 0.9, "most unseen strings entirely right"
    assert greedy_whole >= forced_whole - 0.05 and greedy_digit >= forced_digit - 0.02, "almost as accurate"
    assert greedy_whole <= greedy_digit
    positions = [float(v) for v in re.search(r"per output position: \[([^\]]+)\]", text).group(1).split()]
    assert len(positions) == 5 and positions[0] > positions[-1] == min(positions), "the last digit is hardest"
    examples = re.findall(r"(\d{5}) -&gt; (\d{5}) \((\d{5})\)", text)
    assert len(examples) == 6
    for source, decoded, target in examples:
        assert target == source[::-1]
    wrong = int(re.search(r"wrong strings: (\d+)", text).group(1))
    assert wrong == round((1 - greedy_whole) * 1000)
    assert examples[-1][1] != examples[-1][2], "the first wrong one is wrong"


# -- bidirectional ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
def test_only_a_bidirectional_output_depends_on_later_inputs(kind):
    keras.utils.set_random_seed(0)
    x = np.random.default_rng(1).normal(size=(2, 8, 3)).astype("float32")
    changed = x.copy()
    changed[:, 5] += 1.0  # step 6
    forward = getattr(keras.layers, kind)(4, return_sequences=True)
    both = keras.layers.Bidirectional(getattr(keras.layers, kind)(4, return_sequences=True))
    for layer, depends_on_later in ((forward, False), (both, True)):
        before, after = (keras.ops.convert_to_numpy(layer(v)) for v in (x, changed))
        change = np.abs(after - before).max(axis=(0, 2))
        assert np.all(change[5:] > 0)
        assert np.all(change[:5] > 1e-6) if depends_on_later else np.all(change[:5] == 0)


# -- a custom cell ---------------------------------------------------------------------------------


@pytest.mark.parametrize("batch,steps,features,units", [(1, 1, 1, 1), (4, 7, 3, 5), (3, 20, 6, 16)])
def test_custom_cell_equals_the_built_in_lstm(batch, steps, features, units):
    keras.utils.set_random_seed(steps)
    rng = np.random.default_rng(steps)
    x = rng.normal(size=(batch, steps, features)).astype("float32")
    state = [rng.normal(size=(batch, units)).astype("float32") for _ in range(2)]
    built_in = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    custom = keras.layers.RNN(MinimalLSTMCell(units), return_sequences=True, return_state=True)
    built_in.build(x.shape)
    custom.build(x.shape)
    weights = [rng.normal(scale=0.5, size=w.shape) for w in built_in.get_weights()]
    built_in.set_weights(weights)
    custom.set_weights(weights)
    assert [w.shape for w in custom.get_weights()] == [w.shape for w in weights]
    for initial in (None, state):
        expected = built_in(x, initial_state=initial)
        actual = custom(x, initial_state=initial)
        assert len(expected) == len(actual) == 3
        for a, b in zip(expected, actual):
            np.testing.assert_allclose(keras.ops.convert_to_numpy(b), keras.ops.convert_to_numpy(a), atol=1e-5)
