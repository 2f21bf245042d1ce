"""The text classification chapter: its corpus, its functions and its claims, against real Keras layers and
against the numbers the build printed.

The chapter's models train once per content (snippets/classify/classify_cache.py, in the folder that
conftest.py names in RNN_NOTES_TRAINED): the build, the standalone runs and the notebook share that
training. The numbers here are read from the built pages and notebooks; one test trains the seed model
again from scratch, in a process of its own with an empty folder, and requires the very same output."""

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

from conftest import ROOT, SNIPPETS

import classify_data
from classify_baselines import bag_of_characters, logistic_regression
from classify_model import build_model
from classify_padding import pad
from classify_tokens import OOV, PAD, build_vocabulary, encode, training_vocabulary

DATA = SNIPPETS / "classify" / classify_data.DATA
PACKAGE = Path(os.environ.get("CHINESE_POETRY", "/tmp/package"))


# -- the corpus -----------------------------------------------------------------------------------


def test_committed_subset_is_the_file_the_code_was_written_for():
    raw = DATA.read_bytes()
    assert len(raw) == classify_data.SIZE <= 2_000_000
    assert hashlib.sha256(raw).hexdigest() == classify_data.SHA256
    header, *lines = raw.decode("utf-8").splitlines()
    header = json.loads(header)
    assert header["source"].startswith("npm package chinese-poetry@2.0.1")
    assert "dist/yuanqu/yuanqu.json" in header["files"] and len(header["files"]) == 24
    assert header["license"].startswith("The MIT License (MIT)") and "JackeyGao" in header["license"]
    poems = [json.loads(line) for line in lines]
    labels = [p[0] for p in poems]
    assert header["counts"] == {"ci": labels.count(0), "qu": labels.count(1)} == {"ci": 1000, "qu": 1000}
    assert len({p[3] for p in poems}) == 2000, "no text twice"
    assert all(16 <= len(p[3]) <= 200 and not set(p[3]) & set("()（）□") for p in poems)


def test_load_refuses_a_changed_file(tmp_path, monkeypatch):
    changed = tmp_path / classify_data.DATA
    changed.write_bytes(DATA.read_bytes().replace("。".encode(), "，".encode(), 1))
    monkeypatch.setattr(classify_data, "data_path", lambda: changed)
    with pytest.raises(ValueError, match="not the file"):
        classify_data.load_poems()


@pytest.mark.skipif(not (PACKAGE / "package.json").is_file(),
                    reason=f"the unpacked chinese-poetry@2.0.1 is not at {PACKAGE} (set CHINESE_POETRY; "
                           "npm pack chinese-poetry@2.0.1, then tar xzf): the committed file's own "
                           "integrity is checked above")
def test_script_regenerates_the_committed_subset_byte_for_byte(tmp_path):
    out = tmp_path / "subset.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "poetry_subset.py"), str(PACKAGE), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == DATA.read_bytes()


def test_splits_are_fixed_and_disjoint():
    poems = classify_data.load_poems()
    first, second = classify_data.split_poems(poems), classify_data.split_poems(poems)
    assert first == second
    assert [len(first[k]) for k in ("train", "validation", "test")] == [1400, 300, 300]
    texts = [{p[3] for p in first[k]} for k in ("train", "validation", "test")]
    assert not (texts[0] & texts[1] or texts[0] & texts[2] or texts[1] & texts[2])


# -- tokens, padding, masking ---------------------------------------------------------------------


def test_vocabulary_has_500_entries_with_padding_and_oov_reserved():
    vocabulary = training_vocabulary()
    assert len(vocabulary) == 498 and sorted(vocabulary.values()) == list(range(2, 500))
    assert list(vocabulary)[:3] == ["。", "，", "、"]  # the page: the three most frequent are punctuation
    assert encode("。不\U0002A02A", vocabulary) == [2, vocabulary["不"], OOV]
    assert build_vocabulary(["ba", "ab"], size=4) == {"a": 2, "b": 3}  # ties by character


def test_pad_keeps_the_beginning_and_pads_after():
    padded = pad([[5, 6, 7], list(range(2, 12))], maxlen=5)
    np.testing.assert_array_equal(padded, [[5, 6, 7, PAD, PAD], [2, 3, 4, 5, 6]])
    assert keras.utils.pad_sequences([[5, 6, 7]], maxlen=5).tolist() == [[0, 0, 5, 6, 7]]  # Keras: "pre"


def _masked_lstm():
    keras.utils.set_random_seed(3)
    embedding = keras.layers.Embedding(50, 4, mask_zero=True)
    lstm = keras.layers.LSTM(5, return_sequences=True, return_state=True)
    return embedding, lstm


def test_a_masked_step_leaves_the_state_untouched():
    embedding, lstm = _masked_lstm()
    x = np.array([[3, 9, 4, 7, 0, 0, 0], [5, 0, 0, 0, 0, 0, 0]])
    outputs, h, c = (keras.ops.convert_to_numpy(t) for t in lstm(embedding(x), mask=embedding.compute_mask(x)))
    for row, length in enumerate((4, 1)):
        for t in range(length, 7):
            np.testing.assert_array_equal(outputs[row, t], outputs[row, length - 1])
        np.testing.assert_array_equal(h[row], outputs[row, length - 1])
    # the cell state too: the same sequence without its padding ends in the same c_T
    _, _, c_short = lstm(embedding(x[:1, :4]))
    np.testing.assert_allclose(c[0], keras.ops.convert_to_numpy(c_short)[0], atol=1e-6)


def test_pre_and_post_padding_agree_with_a_mask_and_not_without():
    embedding, lstm = _masked_lstm()
    post, pre = np.array([[3, 9, 4, 0, 0]]), np.array([[0, 0, 3, 9, 4]])
    h_post = lstm(embedding(post), mask=embedding.compute_mask(post))[1]
    h_pre = lstm(embedding(pre), mask=embedding.compute_mask(pre))[1]
    np.testing.assert_allclose(keras.ops.convert_to_numpy(h_pre), keras.ops.convert_to_numpy(h_post), atol=1e-6)
    plain = keras.layers.Embedding(50, 4)
    plain.build((1, 5))
    plain.set_weights(embedding.get_weights())
    h_unmasked = lstm(plain(post))[1]
    assert np.abs(keras.ops.convert_to_numpy(h_unmasked - h_post)).max() > 1e-4


def test_cudnn_needs_right_padded_masks_and_no_recurrent_dropout():
    """The note on the page, in the installed Keras: its cuDNN path checks that a mask is right-padded,
    and an LSTM with recurrent_dropout never takes that path."""
    import importlib
    import inspect

    tf_rnn = importlib.import_module("keras.src.backend.tensorflow.rnn")
    lstm = importlib.import_module("keras.src.layers.rnn.lstm")

    assert keras.__version__.startswith("3.15")
    assert not bool(tf_rnn._is_sequence_right_padded(np.array([[False, True, True]])))
    assert bool(tf_rnn._is_sequence_right_padded(np.array([[True, True, False]])))
    assert "right-padded sequences, while using cuDNN" in inspect.getsource(tf_rnn._assert_valid_mask)
    loop = inspect.getsource(lstm.LSTM.inner_loop)
    assert loop.index("if not self.recurrent_dropout:") < loop.index("backend.lstm(")


# -- model and baselines --------------------------------------------------------------------------


def test_seed_model_and_its_parameter_counts():
    model = build_model("lstm")
    assert model.inputs[0].shape == (None, 128)
    assert [layer.count_params() for layer in model.layers] == [8000, 4 * 32 * (16 + 32 + 1), 33]
    assert model.layers[0].mask_zero and model.layers[-1].activation.__name__ == "sigmoid"
    with pytest.warns(UserWarning, match="`input_length` is deprecated"):
        keras.layers.Embedding(500, 16, input_length=128)  # the study note's Keras 2 form, ignored


def test_bag_of_characters_forgets_order_and_padding():
    x = np.array([[5, 6, 6, 0, 0], [6, 5, 6, 0, 0], [6, 6, 5, 0, 0]])
    bags = bag_of_characters(x)
    assert bags.shape == (3, 500)
    np.testing.assert_array_equal(bags[0], bags[1])
    np.testing.assert_array_equal(bags[0], bags[2])
    assert bags[0, 0] == 0 and bags[0, 6] == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match=r"expected shape \(samples, steps\), got \(5,\)"):
        bag_of_characters(np.zeros(5, dtype=int))


def test_logistic_regression_learns_a_separable_rule():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] - x[:, 1] > 0).astype(float)
    predict, step = logistic_regression((x[:300], y[:300]), (x[300:], y[300:]))
    assert np.mean((predict(x[300:]) > 0.5) == y[300:]) > 0.95 and step > 1


def test_dropout_masks_are_drawn_once_and_only_in_training():
    keras.utils.set_random_seed(0)
    layer = keras.layers.LSTM(4, dropout=0.5, recurrent_dropout=0.5)
    x = np.ones((2, 5, 6), dtype="float32")
    layer(x)
    mask = keras.ops.convert_to_numpy(layer.cell.get_dropout_mask(x[:, 0]))
    assert mask.shape == (4, 2, 6) and set(np.unique(mask)) == {0.0, 2.0}
    np.testing.assert_array_equal(mask, keras.ops.convert_to_numpy(layer.cell.get_dropout_mask(x[:, 3])))
    assert keras.ops.convert_to_numpy(layer.cell.get_recurrent_dropout_mask(np.ones((2, 4)))).shape == (4, 2, 4)
    layer.cell.reset_dropout_mask()
    layer.cell.reset_recurrent_dropout_mask()
    first, second = (keras.ops.convert_to_numpy(layer(x, training=True)) for _ in range(2))
    assert np.abs(first - second).max() > 1e-3
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(layer(x)), keras.ops.convert_to_numpy(layer(x)))


# -- what the build printed -----------------------------------------------------------------------


def _table(built_site, lang):
    prefix = "" if lang == "zh" else "en/"
    page = (built_site / prefix / "classify" / "index.html").read_text(encoding="utf-8")
    tables = [t for t in re.findall(r"<table>.*?</table>", page, re.S) if "Bidirectional" in t]
    assert len(tables) == 1
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", tables[0].split("<tbody>")[1], re.S):
        cells = [re.sub(r"<[^>]+>", "", html.unescape(c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_seed_model_beats_both_baselines_on_held_out_poems(built_site):
    rows = _table(built_site, "en")
    accuracy = {name: float(cells[3]) for name, cells in rows.items()}
    assert set(accuracy) == {"majority class", "bag of characters + logistic regression", "SimpleRNN(32)",
                             "GRU(32)", "LSTM(32)", "Bidirectional(LSTM(32))"}
    lstm = accuracy["LSTM(32)"]
    assert lstm > accuracy["majority class"] and lstm > accuracy["bag of characters + logistic regression"]
    assert lstm >= 0.9
    assert accuracy["majority class"] < 0.5, "the page: the majority class scores under one half"
    assert rows["LSTM(32)"][0] == "14,305" and rows["Bidirectional(LSTM(32))"][0] == "20,609"
    assert _table(built_site, "zh") == rows, "both languages print the same numbers"


def _built_output(built_site, origin):
    notebook = json.loads((built_site / "notebooks" / "classify.en.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["metadata"].get("rnn_notes", {}).get("snippet") == origin:
            return "".join("".join(output["text"]) for output in cell["outputs"])
    raise AssertionError(f"no cell of {origin}")


@pytest.mark.audit  # run by `make audit`: `make test` shares one training among the build and its tests
def test_training_again_from_scratch_prints_the_same_numbers(built_site, tmp_path):
    """The one independent rerun: the seed model trained again in a fresh process, with an empty folder
    for trained results, prints exactly what the build printed (same seed, same CPU)."""
    printed = _built_output(built_site, "classify/classify_history.py")
    assert "stopped after epoch" in printed
    env = dict(os.environ, RNN_NOTES_TRAINED=str(tmp_path / "trained"), TF_CPP_MIN_LOG_LEVEL="3",
               PYTHONPATH=os.pathsep.join([str(SNIPPETS / "classify"), str(SNIPPETS / "common")]))
    result = subprocess.run([sys.executable, str(SNIPPETS / "classify" / "classify_history.py")], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout == printed
    assert len(list((tmp_path / "trained").glob("classify-lstm-*.json"))) == 1


def test_the_page_says_what_early_stopping_did(built_site):
    printed = _built_output(built_site, "classify/classify_history.py")
    epochs = re.findall(r"^\s+(\d+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)$", printed, re.M)
    stopped, best = map(int, re.search(r"stopped after epoch (\d+), weights of epoch (\d+)", printed).groups())
    assert len(epochs) == stopped <= 10
    val_loss = [float(e[3]) for e in epochs]
    assert best == int(np.argmin(val_loss)) + 1
    assert stopped == 10 or stopped - best == 2, "patience 2"
    assert float(epochs[-1][1]) < float(epochs[0][1]), "the training loss fell"
