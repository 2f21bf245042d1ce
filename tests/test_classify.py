"""The text classification chapter: its corpus, its functions and its claims, against real Keras layers,
the installed Keras source and the numbers of the run.

The chapter's models train once per content (snippets/common/trained.py, in the folder that conftest.py
names in RNN_NOTES_TRAINED): the build, the standalone runs, the notebook and these tests share that
training, and the tests read the numbers from that store (training whatever it does not hold yet). One
audit test trains the note's LSTM again from scratch, in a process of its own with an empty folder, and
requires the very same output."""

import hashlib
import json
import os
import re
from pathlib import Path

import classify_compare
import classify_data
import classify_results
import keras
import numpy as np
import pytest
from classify_baselines import (
    PENALTIES,
    bag_of_characters,
    fit_logistic,
    logistic_regression,
)
from classify_conventions import fragment, from_a_play
from classify_features import order_free_features
from classify_model import KINDS, build_model
from classify_normalise import BREAK, normalise
from classify_padding import pad
from classify_results import accuracies, mcnemar, strongest_baseline
from classify_tokens import (
    OOV,
    PAD,
    build_vocabulary,
    encode,
    training_vocabulary,
)
from classify_train import EPOCHS, SEEDS, encoded_splits, result, texts

from conftest import (
    ROOT,
    SNIPPETS,
    assert_page_cites_keras_lines,
    assert_script_remakes,
    outputs_from_the_store_and_from_scratch,
)

DATA = SNIPPETS / "classify" / classify_data.DATA
PACKAGE = Path(os.environ.get("CHINESE_POETRY", "/tmp/package"))
KERAS = Path(keras.__file__).parent / "src"
DOCS = ROOT / "docs"


# -- the corpus -----------------------------------------------------------------------------------


def test_committed_subset_is_the_file_the_code_was_written_for():
    raw = DATA.read_bytes()
    assert len(raw) == classify_data.SIZE <= 2_000_000
    assert hashlib.sha256(raw).hexdigest() == classify_data.SHA256
    header, *lines = raw.decode("utf-8").splitlines()
    header = json.loads(header)
    assert header["source"].startswith("npm package chinese-poetry@2.0.1")
    assert (
        "dist/yuanqu/yuanqu.json" in header["files"]
        and len(header["files"]) == 24
    )
    assert (
        header["license"].startswith("The MIT License (MIT)")
        and "JackeyGao" in header["license"]
    )
    poems = [json.loads(line) for line in lines]
    labels = [p[0] for p in poems]
    assert (
        header["counts"]
        == {"ci": labels.count(0), "qu": labels.count(1)}
        == {"ci": 1000, "qu": 1000}
    )
    assert len({p[3] for p in poems}) == 2000, "no text twice"
    assert all(
        16 <= len(p[3]) <= 200 and not set(p[3]) & set("()（）□") for p in poems
    )


def test_load_refuses_a_changed_file(tmp_path, monkeypatch):
    changed = tmp_path / classify_data.DATA
    changed.write_bytes(
        DATA.read_bytes().replace("。".encode(), "，".encode(), 1)
    )
    monkeypatch.setattr(classify_data, "data_path", lambda: changed)
    with pytest.raises(ValueError, match="not the file"):
        classify_data.load_poems()


@pytest.mark.skipif(
    not (PACKAGE / "package.json").is_file(),
    reason=f"the unpacked chinese-poetry@2.0.1 is not at {PACKAGE} (set CHINESE_POETRY; "
    "npm pack chinese-poetry@2.0.1, then tar xzf): the committed file's own "
    "integrity is checked above",
)
def test_script_regenerates_the_committed_subset_byte_for_byte(tmp_path):
    assert_script_remakes("poetry_subset.py", PACKAGE, DATA, tmp_path)


def test_splits_are_fixed_and_disjoint():
    poems = classify_data.load_poems()
    first, second = (
        classify_data.split_poems(poems),
        classify_data.split_poems(poems),
    )
    assert first == second
    assert [len(first[k]) for k in ("train", "validation", "test")] == [
        1400,
        300,
        300,
    ]
    texts = [{p[3] for p in first[k]} for k in ("train", "validation", "test")]
    assert not (
        texts[0] & texts[1] or texts[0] & texts[2] or texts[1] & texts[2]
    )


# -- tokens, padding, masking ---------------------------------------------------------------------


def test_vocabulary_has_500_entries_with_padding_and_oov_reserved():
    vocabulary = training_vocabulary()
    assert len(vocabulary) == 498 and sorted(vocabulary.values()) == list(
        range(2, 500)
    )
    assert (
        list(vocabulary)[0] == BREAK
    )  # the page: the most frequent token is the break mark
    assert encode("/不\U0002a02a", vocabulary) == [2, vocabulary["不"], OOV]
    assert build_vocabulary(["ba", "ab"], size=4) == {
        "a": 2,
        "b": 3,
    }  # ties by character


def test_pad_keeps_the_beginning_and_pads_after():
    padded = pad([[5, 6, 7], list(range(2, 12))], maxlen=5)
    np.testing.assert_array_equal(
        padded, [[5, 6, 7, PAD, PAD], [2, 3, 4, 5, 6]]
    )
    assert keras.utils.pad_sequences([[5, 6, 7]], maxlen=5).tolist() == [
        [0, 0, 5, 6, 7]
    ]  # Keras: "pre"


def _masked_lstm():
    keras.utils.set_random_seed(3)
    embedding = keras.layers.Embedding(50, 4, mask_zero=True)
    lstm = keras.layers.LSTM(5, return_sequences=True, return_state=True)
    return embedding, lstm


def test_a_masked_step_leaves_the_state_untouched():
    embedding, lstm = _masked_lstm()
    x = np.array([[3, 9, 4, 7, 0, 0, 0], [5, 0, 0, 0, 0, 0, 0]])
    outputs, h, c = (
        keras.ops.convert_to_numpy(t)
        for t in lstm(embedding(x), mask=embedding.compute_mask(x))
    )
    for row, length in enumerate((4, 1)):
        for t in range(length, 7):
            np.testing.assert_array_equal(
                outputs[row, t], outputs[row, length - 1]
            )
        np.testing.assert_array_equal(h[row], outputs[row, length - 1])
    # the cell state too: the same sequence without its padding ends in the same c_T
    _, _, c_short = lstm(embedding(x[:1, :4]))
    np.testing.assert_allclose(
        c[0], keras.ops.convert_to_numpy(c_short)[0], atol=1e-6
    )


def test_pre_and_post_padding_agree_with_a_mask_and_not_without():
    embedding, lstm = _masked_lstm()
    post, pre = np.array([[3, 9, 4, 0, 0]]), np.array([[0, 0, 3, 9, 4]])
    h_post = lstm(embedding(post), mask=embedding.compute_mask(post))[1]
    h_pre = lstm(embedding(pre), mask=embedding.compute_mask(pre))[1]
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(h_pre),
        keras.ops.convert_to_numpy(h_post),
        atol=1e-6,
    )
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
    assert not bool(
        tf_rnn._is_sequence_right_padded(np.array([[False, True, True]]))
    )
    assert bool(
        tf_rnn._is_sequence_right_padded(np.array([[True, True, False]]))
    )
    assert "right-padded sequences, while using cuDNN" in inspect.getsource(
        tf_rnn._assert_valid_mask
    )
    loop = inspect.getsource(lstm.LSTM.inner_loop)
    assert loop.index("if not self.recurrent_dropout:") < loop.index(
        "backend.lstm("
    )


# -- model and baselines --------------------------------------------------------------------------


def test_the_notes_model_and_its_parameter_counts():
    model = build_model("lstm")
    assert model.inputs[0].shape == (None, 128)
    assert [layer.count_params() for layer in model.layers] == [
        8000,
        4 * 32 * (16 + 32 + 1),
        33,
    ]
    assert (
        model.layers[0].mask_zero
        and model.layers[-1].activation.__name__ == "sigmoid"
    )
    with pytest.warns(UserWarning, match="`input_length` is deprecated"):
        keras.layers.Embedding(
            500, 16, input_length=128
        )  # the study note's Keras 2 form, ignored


def test_bag_of_characters_forgets_order_and_padding():
    x = np.array([[5, 6, 6, 0, 0], [6, 5, 6, 0, 0], [6, 6, 5, 0, 0]])
    bags = bag_of_characters(x)
    assert bags.shape == (3, 500)
    np.testing.assert_array_equal(bags[0], bags[1])
    np.testing.assert_array_equal(bags[0], bags[2])
    assert bags[0, 0] == 0 and bags[0, 6] == pytest.approx(2 / 3)
    with pytest.raises(
        ValueError, match=r"expected shape \(samples, steps\), got \(5,\)"
    ):
        bag_of_characters(np.zeros(5, dtype=int))


def test_logistic_regression_learns_a_separable_rule():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] - x[:, 1] > 0).astype(float)
    predict, penalty = logistic_regression(
        (x[:300], y[:300]), (x[300:], y[300:])
    )
    assert (
        np.mean((predict(x[300:]) > 0.5) == y[300:]) > 0.95
        and penalty in PENALTIES
    )


def test_dropout_masks_are_drawn_once_and_only_in_training():
    keras.utils.set_random_seed(0)
    layer = keras.layers.LSTM(4, dropout=0.5, recurrent_dropout=0.5)
    x = np.ones((2, 5, 6), dtype="float32")
    layer(x)
    mask = keras.ops.convert_to_numpy(layer.cell.get_dropout_mask(x[:, 0]))
    assert mask.shape == (4, 2, 6) and set(np.unique(mask)) == {0.0, 2.0}
    np.testing.assert_array_equal(
        mask, keras.ops.convert_to_numpy(layer.cell.get_dropout_mask(x[:, 3]))
    )
    assert keras.ops.convert_to_numpy(
        layer.cell.get_recurrent_dropout_mask(np.ones((2, 4)))
    ).shape == (4, 2, 4)
    layer.cell.reset_dropout_mask()
    layer.cell.reset_recurrent_dropout_mask()
    first, second = (
        keras.ops.convert_to_numpy(layer(x, training=True)) for _ in range(2)
    )
    assert np.abs(first - second).max() > 1e-3
    np.testing.assert_array_equal(
        keras.ops.convert_to_numpy(layer(x)),
        keras.ops.convert_to_numpy(layer(x)),
    )


def test_one_mask_per_gate_only_with_recurrent_dropout():
    """The page: dropout alone -> implementation 2, one mask shared by the four gates; recurrent_dropout
    > 0 -> implementation 1, four masks for the input and four for the state."""
    x = np.ones((2, 5, 6), dtype="float32")
    alone = keras.layers.LSTM(4, dropout=0.5)
    alone(x)
    assert alone.cell.implementation == 2
    assert keras.ops.convert_to_numpy(
        alone.cell.get_dropout_mask(x[:, 0])
    ).shape == (2, 6)
    both = keras.layers.LSTM(4, dropout=0.5, recurrent_dropout=0.1)
    both(x)
    assert (
        both.cell.implementation == 1
        and len(both.cell.get_dropout_mask(x[:, 0])) == 4
    )


# Each place in the installed Keras 3.15 that the page cites: file under keras/src, first and last line,
# and the text of the first line (conftest.assert_page_cites_keras_lines checks each).
CITED = [
    ("layers/rnn/lstm.py", 136, 139, "if self.recurrent_dropout != 0.0:"),
    (
        "layers/rnn/dropout_rnn_cell.py",
        22,
        35,
        "def _create_dropout_mask(self, step_input, dropout_rate):",
    ),
    ("layers/rnn/lstm.py", 234, 240, "if self.implementation == 1:"),
    (
        "layers/rnn/lstm.py",
        258,
        263,
        "if training and 0.0 < self.recurrent_dropout < 1.0:",
    ),
    (
        "layers/rnn/lstm.py",
        273,
        277,
        "if training and 0.0 < self.dropout < 1.0:",
    ),
    ("layers/rnn/lstm.py", 534, 537, "if not self.recurrent_dropout:"),
    # the mask paragraph: the same behaviour as the training chapter's
    ("backend/tensorflow/rnn.py", 362, 366, "flat_mask_output = ("),
    ("backend/tensorflow/rnn.py", 562, 581, "def _assert_valid_mask(mask):"),
    ("backend/tensorflow/rnn.py", 850, 868, "try:"),
]


@pytest.mark.parametrize("path,first,last,text", CITED, ids=lambda v: str(v))
def test_the_keras_source_lines_the_page_cites(path, first, last, text):
    assert_page_cites_keras_lines("classify", path, first, last, text)


# -- what the editors did, and normalising it -----------------------------------------------------


def test_normalise_keeps_characters_and_line_breaks_only():
    assert normalise("落花人独立，微雨燕双飞。") == "落花人独立/微雨燕双飞"
    assert normalise("他著甚么来？！俺、你") == "他着甚么来/俺/你"
    for poem in classify_data.load_poems():
        text = normalise(poem[3])
        assert (
            "著" not in text
            and not set(text) & set("，。、？！；：")
            and BREAK * 2 not in text
        )


def test_the_two_collections_differ_in_punctuation_and_in_one_variant():
    """The page's reading of classify_conventions.py's output."""
    poems = classify_data.load_poems()
    ci, qu = ([p[3] for p in poems if p[0] == label] for label in (0, 1))
    share = lambda texts, mark: sum(mark in t for t in texts) / len(texts)  # noqa: E731
    for mark in "？！；":
        assert share(ci, mark) < 0.01 < 0.04 < share(qu, mark), mark
    assert share(ci, "、") > 5 * share(qu, "、")
    count = lambda texts, ch: sum(t.count(ch) for t in texts)  # noqa: E731
    assert count(ci, "著") > 5 * count(ci, "着") and count(
        qu, "着"
    ) > 5 * count(qu, "著")
    titles = [p[2] for p in poems if p[0] == 1]
    assert sum(map(from_a_play, titles)) >= 0.4 * len(titles), (
        "many qu are arias from plays"
    )
    assert from_a_play("西华山陈抟高卧・隔尾") and not from_a_play(
        "南吕・梧桐树南题情"
    )
    assert (
        fragment("董秀英花月东墙记・幺篇")
        and fragment("尾声")
        and not fragment("中吕・阳春曲")
    )


def test_order_free_features_do_not_see_order():
    text = "落花人独立，微雨燕双飞。俺、你在那里？"
    np.testing.assert_allclose(
        order_free_features(text), order_free_features(text[::-1])
    )
    features = order_free_features("落花人独立，微雨燕双飞。")
    assert features[-3:].tolist() == [10, 5, 0]


# -- the regressions and the paired test ----------------------------------------------------------


def test_a_stronger_penalty_gives_smaller_weights():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(200, 5))
    y = (z[:, 0] + 0.5 * rng.normal(size=200) > 0).astype(float)
    norms = [
        np.linalg.norm(fit_logistic(z, y, penalty)[:-1])
        for penalty in (1.0, 0.01)
    ]
    assert norms[0] < norms[1]


def test_mcnemar_exact():
    right_a = np.array([True] * 19 + [False] * 7 + [True] * 50)
    right_b = np.array([False] * 19 + [True] * 7 + [True] * 50)
    b, c, p = mcnemar(right_a, right_b)
    assert (b, c) == (19, 7) and p == pytest.approx(
        0.0290, abs=5e-4
    )  # the pair: p ≈ 0.03
    assert mcnemar(right_a, right_a)[2] == 1.0
    with pytest.raises(
        ValueError, match=r"expected two equal shapes, got \(76,\) and \(3,\)"
    ):
        mcnemar(right_a, right_a[:3])


def test_level_is_judged_on_the_paired_per_seed_differences():
    a = np.array([0.80, 0.82, 0.81, 0.79, 0.80])
    noise = np.array([0.01, -0.01, 0.02, -0.02, 0.0])
    assert classify_results.compare(a, a + noise) == "level"
    assert classify_results.compare(a, a - 0.05 + noise) == "higher"
    assert classify_results.compare(a, a + 0.05 + noise) == "lower"
    # unpaired, these two would be level (their spreads overlap); paired, b is always 0.01 above
    assert classify_results.compare(a, a + 0.01 + noise / 10) == "lower"


# -- the run's numbers, read from the store (trained once per content) ------------------------------


def test_every_model_trains_the_whole_budget_and_keeps_its_best_epoch():
    for variant, kinds in classify_results.RECURRENT.items():
        for kind in kinds:
            for seed in SEEDS:
                run = result(kind, seed, variant)
                assert len(run["history"]["loss"]) == EPOCHS, (
                    kind,
                    seed,
                    variant,
                )
                assert (
                    run["best_epoch"]
                    == int(np.argmin(run["history"]["val_loss"])) + 1
                )


def test_the_figures_show_the_validation_loss_turn_up():
    """The page: the training loss keeps falling, the validation loss stops following it (and turns up)."""
    h = result("lstm", 0, "normalised")["history"]
    assert h["loss"][-1] < h["loss"][0]
    assert (
        min(h["val_loss"]) < h["val_loss"][-1]
        and np.argmin(h["val_loss"]) + 1 < EPOCHS
    )


def test_what_the_page_reads_in_the_table():
    """The page's prose around the table, against the numbers."""
    assert strongest_baseline("as_published") == "order_free_features"
    assert strongest_baseline("normalised") == "bag_of_characters"
    assert accuracies("order_free_features", "normalised").mean() < (
        accuracies("order_free_features", "as_published").mean() - 0.05
    ), "normalised, that baseline falls"
    assert (
        accuracies("lstm", "as_published").mean()
        > accuracies("lstm", "normalised").mean()
    ), (
        "the introduction: given the texts as published, much of what the LSTM separates is punctuation"
    )
    assert accuracies("majority", "normalised").max() < 0.6
    assert accuracies("lstm", "normalised").mean() > 0.75
    assert result("lstm", 0, "normalised")["parameters"] == 14_305
    assert result("bidirectional_lstm", 0, "normalised")["parameters"] == 20_609


def test_the_table_and_its_sentences_in_both_languages(monkeypatch):
    from labels import LANGUAGE

    printed = {}
    for language in ("en", "zh"):
        monkeypatch.setenv(LANGUAGE, language)
        printed[language] = [
            classify_compare.published_sentence(),
            *classify_compare.normalised_sentences(),
            classify_compare.bidirectional_sentence(),
            classify_compare.budget_sentence(),
        ]
    verdict = classify_results.compare(
        accuracies("lstm", "as_published"),
        accuracies("order_free_features", "as_published"),
    )
    assert {"higher": "above", "lower": "below", "level": "level with"}[
        verdict
    ] in printed["en"][0]
    assert {"higher": "高于", "lower": "低于", "level": "持平"}[
        verdict
    ] in printed["zh"][0]
    above = [
        k
        for k in KINDS
        if classify_results.compare(
            accuracies(k, "normalised"),
            accuracies("bag_of_characters", "normalised"),
        )
        == "higher"
    ]
    assert (
        "None of the recurrent layers scores above it" in printed["en"][2]
    ) == (not above)
    numbers = [
        sorted(re.findall(r"\d+(?:\.\d+)?", line)) for line in printed["en"]
    ]
    assert numbers == [
        sorted(re.findall(r"\d+(?:\.\d+)?", line)) for line in printed["zh"]
    ]
    assert not re.search(
        r"[a-z]{3,}", re.sub(r"`[^`]*`", "", " ".join(printed["zh"]))
    )


def test_the_oov_token_is_not_neutral():
    """The page: the out-of-vocabulary token is itself more frequent in the qu (seed 0, normalised)."""
    x, y = encoded_splits(0, "normalised")["train"]
    share = [
        np.sum(x[y == label] == OOV) / np.sum(x[y == label] > PAD)
        for label in (0, 1)
    ]
    assert share[1] > share[0]


def test_the_reference_baselines_are_fixed_in_advance():
    assert classify_results.REFERENCE == {
        "as_published": "order_free_features",
        "normalised": "bag_of_characters",
    }


def test_the_occluded_poem():
    found = result("lstm", 0, "normalised")["occlusion"]
    poems, labels = texts(0, "normalised")["test"]
    assert labels[found["index"]] == 1 and found["probability"] > 0.5
    assert len(found["occluded"]) == len(poems[found["index"]]) <= 40


@pytest.mark.audit  # run by `make audit`: `make test` shares one training among the build and its tests
def test_training_again_from_scratch_prints_the_same_numbers(tmp_path):
    """The one independent rerun: the note's LSTM trained again in a fresh process, with an empty folder
    for trained results, prints exactly what it prints from the shared store (same seed, same CPU)."""
    runs = outputs_from_the_store_and_from_scratch(
        "classify", "classify_history.py", tmp_path
    )
    assert "kept the weights of epoch" in runs[0] and runs[1] == runs[0]
    assert (
        len(
            list(
                (tmp_path / "trained").glob("classify-normalised-lstm-0-*.json")
            )
        )
        == 1
    )


def test_the_recipe_the_page_states():
    """The settings the prose names, against the code (they are settings, not measurements)."""
    english = re.sub(
        r"\s+", " ", (DOCS / "classify.en.md").read_text(encoding="utf-8")
    )
    chinese = (DOCS / "classify.zh.md").read_text(encoding="utf-8")
    trainings = len(SEEDS) * (
        len(KINDS) + len(classify_results.RECURRENT["as_published"])
    )
    assert (
        f"budget of {EPOCHS} epochs" in english
        and f"同样的 {EPOCHS} 轮预算" in chinese
    )
    assert (
        f"make {trainings} trainings" in english
        and f"一共 {trainings} 次训练" in chinese
    )
    assert len(SEEDS) == 5 and "five seeds" in english and "五个种子" in chinese
