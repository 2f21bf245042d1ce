"""The poem chapter: its corpus, its n-gram baselines on a hand example, the trained model against the
decoding runtime, the mask, and the claims its prose makes about the run.

The LSTM trains once per content (snippets/common/trained.py, in the folder conftest.py names in
RNN_NOTES_TRAINED); these tests read the numbers from that store, as the pages do."""

import hashlib
import importlib.util
import math
import os
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import poem_data
import poem_ngram
import poem_results
import pytest
from poem_data import build_tokens, encode, split_poems, tokens_and_splits
from poem_decode import acrostic, body_mask, step
from poem_greedy import first_repeat
from poem_mask import probabilities, well_formed
from poem_model import (
    EPOCHS,
    UNITS,
    WIDTH,
    build_model,
    result,
    trained_weights,
)

from conftest import (
    ROOT,
    SNIPPETS,
    assert_script_remakes,
    outputs_from_the_store_and_from_scratch,
)

DATA = SNIPPETS / "poem" / poem_data.DATA
PACKAGE = Path(os.environ.get("CHINESE_POETRY", "/tmp/package"))
QUATRAIN = re.compile(
    r"(?:[\u4e00-\u9fff]{5}，[\u4e00-\u9fff]{5}。){2}"
    r"|(?:[\u4e00-\u9fff]{7}，[\u4e00-\u9fff]{7}。){2}"
)


# -- the corpus -----------------------------------------------------------------------------------


def test_committed_subset_is_the_file_the_code_was_written_for():
    raw = DATA.read_bytes()
    assert len(raw) == poem_data.SIZE <= 2_000_000
    assert hashlib.sha256(raw).hexdigest() == poem_data.SHA256
    header, poems = poem_data.read()
    assert header["source"].startswith("npm package chinese-poetry@2.0.1")
    assert header["conversion"].startswith("OpenCC 1.4.2")
    assert all(
        f.startswith("dist/quantangshi/poet.tang.") for f in header["files"]
    )
    assert header["license"].startswith("The MIT License (MIT)")
    texts = [p[2] for p in poems]
    assert all(QUATRAIN.fullmatch(t) for t in texts)
    assert len(set(texts)) == len(texts), "no text twice"
    assert header["counts"] == {
        "five": sum(len(t) == 24 for t in texts),
        "seven": sum(len(t) == 32 for t in texts),
    }
    assert sum(header["counts"].values()) == len(texts) == 6057
    characters = set("".join(texts)) - set("，。")
    assert len(characters) <= header["vocabulary"] == 1997
    covered, total = header["characters_covered"]
    assert 0.9 < covered / total < 1
    assert texts == sorted(
        texts, key=lambda t: hashlib.sha256(t.encode()).hexdigest()
    )


def test_no_variant_form_and_no_two_poems_sharing_two_lines():
    """The corpus claims: the variants t2s leaves are folded, and no two
    kept quatrains share two or more whole lines (so none straddles the
    split)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from poem_subset import VARIANTS, drop_near_duplicates

    header, poems = poem_data.read()
    texts = [p[2] for p in poems]
    variants = {chr(k) for k in VARIANTS}
    assert not variants & set("".join(texts))
    assert len(variants) == len(VARIANTS) >= 24
    assert drop_near_duplicates([{"text": t} for t in texts]) == [
        {"text": t} for t in texts
    ]
    holders = {}
    for i, text in enumerate(texts):
        for line in set(re.split("[，。]", text)) - {""}:
            holders.setdefault(line, []).append(i)
    pairs = Counter(
        (a, b)
        for group in holders.values()
        for k, a in enumerate(group)
        for b in group[k + 1 :]
    )
    assert not pairs or max(pairs.values()) < 2
    assert header["near_duplicates"] > 0


def test_near_duplicates_by_hand():
    sys.path.insert(0, str(ROOT / "scripts"))
    from poem_subset import drop_near_duplicates

    a = "甲乙丙丁戊，己庚辛壬癸。子丑寅卯辰，巳午未申酉。"
    b = "甲乙丙丁戊，己庚辛壬癸。子丑寅卯辰，巳午未申戌。"  # two lines of a
    c = "甲乙丙丁戊，一二三四五。六七八九十，百千万亿兆。"  # one line of a
    kept = drop_near_duplicates([{"text": t} for t in (a, b, c)])
    texts = [k["text"] for k in kept]
    assert c in texts and (a in texts) != (b in texts)


def test_load_refuses_a_changed_file(tmp_path, monkeypatch):
    changed = tmp_path / poem_data.DATA
    changed.write_bytes(
        DATA.read_bytes().replace("。".encode(), "，".encode(), 1)
    )
    monkeypatch.setattr(poem_data, "data_path", lambda: changed)
    with pytest.raises(ValueError, match="not the file"):
        poem_data.load_poems()


@pytest.mark.skipif(
    not (PACKAGE / "package.json").is_file()
    or importlib.util.find_spec("opencc") is None,
    reason=f"needs the unpacked chinese-poetry@2.0.1 at {PACKAGE} (set CHINESE_POETRY; npm pack "
    "chinese-poetry@2.0.1, then tar xzf) and opencc==1.4.2 installed: the committed file's own "
    "integrity is checked above",
)
def test_script_regenerates_the_committed_subset_byte_for_byte(tmp_path):
    assert_script_remakes("poem_subset.py", PACKAGE, DATA, tmp_path)


def test_splits_are_fixed_disjoint_and_eight_one_one():
    poems = poem_data.load_poems()
    first, second = split_poems(poems), split_poems(poems)
    assert first == second
    sizes = [len(first[k]) for k in ("train", "validation", "test")]
    assert sizes == [4845, 606, 606] and sum(sizes) == len(poems)
    sets = [set(first[k]) for k in ("train", "validation", "test")]
    assert not (sets[0] & sets[1] or sets[0] & sets[2] or sets[1] & sets[2])


def test_tokens_follow_the_interface():
    tokens, splits = tokens_and_splits()
    assert (
        tokens[:3] == ["<s>", "，", "。"]
        and len(tokens) == len(set(tokens)) == 1997
    )
    assert build_tokens(["乙甲，甲。"]) == [
        "<s>",
        "，",
        "。",
        "甲",
        "乙",
    ]  # by count, then code point
    lengths = {len(s) for part in splits.values() for s in part}
    assert lengths == {25, 33}  # <s> + 4 x 6, <s> + 4 x 8
    assert all(
        s[0] == 0 and 0 not in s[1:] for part in splits.values() for s in part
    )
    index = {t: i for i, t in enumerate(tokens)}
    assert encode("春风，", index) == [0, index["春"], index["风"], 1]


# -- the n-gram baselines, by hand ------------------------------------------------------------------

# tokens 0 <s>, 1 "，", 2 "。", 3 and 4 two characters
TRAIN = [[0, 3, 4, 3], [0, 4, 3]]
V = 5


def test_windows_pad_with_the_start_token():
    assert poem_ngram.windows([[0, 3, 4, 3]], 1).tolist() == [[3], [4], [3]]
    assert poem_ngram.windows([[0, 3, 4, 3]], 2).tolist() == [
        [0, 3],
        [3, 4],
        [4, 3],
    ]
    assert poem_ngram.windows([[0, 3, 4, 3]], 3).tolist() == [
        [0, 0, 3],
        [0, 3, 4],
        [3, 4, 3],
    ]


def test_add_k_by_hand():
    rows = np.array([[0, 4, 3], [0, 0, 1], [3, 3, 4]])
    # unigram, k = 1: targets 3, 4, 3, 4, 3; (c + 1) / (5 + 1 x 4)
    unigram = poem_ngram.add_k(TRAIN, rows, V, 1, 1.0)
    assert unigram.tolist() == pytest.approx([4 / 9, 1 / 9, 3 / 9])
    # bigram, k = 0.5: c(4, 3) = 2, c(4) = 2; c(0, 1) = 0, c(0) = 2; c(3, 4) = 1, c(3) = 1
    bigram = poem_ngram.add_k(TRAIN, rows, V, 2, 0.5)
    assert bigram.tolist() == pytest.approx([2.5 / 4, 0.5 / 4, 1.5 / 3])
    # bits: the mean of -log2 p
    assert poem_ngram.bits(bigram, rows) == pytest.approx(
        -(math.log2(2.5 / 4) + math.log2(0.5 / 4) + math.log2(1.5 / 3)) / 3
    )
    assert poem_ngram.bits(bigram, rows, characters_only=True) == pytest.approx(
        -(math.log2(2.5 / 4) + math.log2(1.5 / 3)) / 2
    )


def test_interpolation_by_hand_and_an_unseen_context_gives_its_weight_away():
    rows = np.array(
        [[0, 4, 3], [0, 1, 3]]
    )  # context 4 seen twice, context 1 never
    estimates = [
        poem_ngram.add_k(TRAIN, rows, V, 1, 1.0),
        poem_ngram.counted(TRAIN, rows, V, 2),
    ]
    assert estimates[1][0] == 1.0 and np.isnan(estimates[1][1])
    p = poem_ngram.interpolated(estimates, (0.5, 0.5))
    assert p.tolist() == pytest.approx([0.5 * 4 / 9 + 0.5 * 1.0, 4 / 9])


@pytest.mark.parametrize("context", [[0, 0], [0, 3], [3, 4], [1, 2]])
def test_every_baseline_sums_to_one_over_what_can_follow(context):
    rows = np.array([[*context, w] for w in range(1, V)])
    for order in (1, 2, 3):
        assert poem_ngram.add_k(
            TRAIN, rows, V, order, 0.3
        ).sum() == pytest.approx(1)
    for d in (0.5, 0.9):
        p = poem_ngram.kneser_ney(TRAIN, rows, V, d)
        assert (p > 0).all() and p.sum() == pytest.approx(1)
    estimates = [poem_ngram.add_k(TRAIN, rows, V, 1, 0.3)] + [
        poem_ngram.counted(TRAIN, rows, V, order) for order in (2, 3)
    ]
    assert poem_ngram.interpolated(
        estimates, (0.2, 0.3, 0.5)
    ).sum() == pytest.approx(1)


def test_the_weight_grid_sums_to_one():
    grid = poem_ngram.simplex(3)
    assert all(sum(w) == pytest.approx(1) and w[0] > 0 for w in grid)
    assert (
        len(grid) == len(set(grid)) == 210
    )  # 231 points of step 0.05, less the 21 with λ1 = 0


# -- the trained model -----------------------------------------------------------------------------


def test_parameters_by_hand_and_in_keras():
    run = result()
    v, e, u = len(run["tokens"]), WIDTH, UNITS
    by_hand = v * e + 4 * u * (e + u + 1) + (u + 1) * v
    assert (
        build_model(v).count_params() == run["parameters"] == by_hand <= 400_000
    )


def test_trained_weights_have_the_interface_shapes():
    w = trained_weights()
    v, u = len(w["tokens"]), UNITS
    shapes = {k: np.asarray(w[k], np.float32).shape for k in w if k != "tokens"}
    assert shapes == {
        "embedding": (v, WIDTH),
        "kernel": (WIDTH, 4 * u),
        "recurrent_kernel": (u, 4 * u),
        "bias": (4 * u,),
        "dense_kernel": (u, v),
        "dense_bias": (v,),
    }
    assert w["tokens"] == tokens_and_splits()[0]


def test_keras_forward_equals_the_decoding_step():
    """The trained weights in Keras and poem_decode.step give the same logits (the page's claim)."""
    w = trained_weights()
    model = build_model(len(w["tokens"]))
    model.set_weights(
        [
            np.asarray(w[k], np.float32)
            for k in ("embedding", "kernel", "recurrent_kernel", "bias")
        ]
        + [np.asarray(w[k], np.float32) for k in ("dense_kernel", "dense_bias")]
    )
    poem = tokens_and_splits()[1]["test"][0]
    keras_logits = model.predict(np.array([poem]), verbose=0)[0]
    state, ours = None, []
    for index in poem:
        z, state = step(w, index, state)
        ours.append(z)
    assert np.abs(keras_logits - np.array(ours)).max() < 1e-4


def test_the_chapter_prints_that_state_carried_in_halves_and_by_step_agree(
    capsys,
):
    import runpy

    runpy.run_path(
        str(SNIPPETS / "poem" / "poem_state.py"), run_name="__main__"
    )
    out = capsys.readouterr().out
    differences = [
        float(x) for x in re.findall(r"[:：]\s*([0-9.e-]+)\s*$", out, re.M)
    ]
    assert len(differences) == 2 and max(differences) < 1e-3


def test_kneser_ney_by_hand():
    """TRAIN's trigrams 0 0 3, 0 3 4, 3 4 3, 0 0 4, 0 4 3; its distinct
    bigrams 0 3, 3 4, 4 3, 0 4, so N(. 3) = N(. 4) = 2 of 4; after 3, only
    0 3 4 (N(. 3 .) = 1, one kind)."""
    d = 0.5
    p1 = (2 - d + d * 2 / (V - 1)) / 4  # unigram, on continuations
    rows = np.array([[4, 3, 3], [0, 3, 4]])
    got = poem_ngram.kneser_ney(TRAIN, rows, V, d)
    # 4 3 never seen as a context: the bigram's p(3 | 3) = (0 + d * 1 * p1) / 1
    # 0 3 seen once, with 4: (1 - d + d * 1 * p(4 | 3)), p(4 | 3) = 1 - d + d p1
    assert got.tolist() == pytest.approx([d * p1, 1 - d + d * (1 - d + d * p1)])


def test_history_and_the_figures_claims():
    """The alt text: the training bits fall throughout; the kept epoch is
    the one with the fewest validation bits; the horizontal line is the
    n-gram model with the fewest validation bits."""
    run = result()
    train, valid = run["history"]["train"], run["history"]["validation"]
    assert len(train) == len(valid) == EPOCHS
    assert all(b < a for a, b in zip(train, train[1:], strict=False))
    assert valid[run["best_epoch"] - 1] == min(valid)


@pytest.mark.parametrize(
    "best, step, says",
    [
        (3, 0.01, "begun to learn the training poems"),  # a clear rise
        (3, 0.001, "hardly change"),  # below RISE
        (EPOCHS - 1, 0.05, "hardly change"),  # the minimum too late
        (EPOCHS, 0.0, "cannot say"),  # still falling
    ],
)
def test_curve_sentence_follows_the_history(monkeypatch, best, step, says):
    """The sentence names memorising only for a rise of at least RISE bits
    ending at least AFTER epochs after the minimum; otherwise it is
    neutral."""
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    valid = [8.0 - 0.1 * e for e in range(best)]
    valid += [valid[-1] + step * e for e in range(1, EPOCHS - best + 1)]
    run = {
        "history": {
            "train": [7.0 - 0.2 * e for e in range(EPOCHS)],
            "validation": valid,
        },
        "best_epoch": best,
    }
    sentence = poem_results.curve_sentence(run)
    assert says in sentence
    others = {"begun to learn", "hardly change", "cannot say"}
    assert not any(o in sentence for o in others if o not in says)
    if best < EPOCHS:
        assert f"epoch {best} of {EPOCHS}" in sentence
    if says.startswith("begun"):
        assert f"{valid[-1] - valid[best - 1]:.2f} bits higher" in sentence


def test_best_baseline_is_chosen_on_validation():
    found = poem_results.baseline_results()
    name, base = poem_results.best_baseline(3)
    assert found[name]["validation"] == min(
        f["validation"] for f in found.values()
    )
    assert base == found[name]["test"][1]


def test_bootstrap_sentence_prints_one_gap(monkeypatch):
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    b = poem_results.bootstrap()
    sentence = poem_results.bootstrap_sentence()
    assert f"{abs(b['gap']):.2f} bits per character fewer" in sentence
    low, high = b["interval"]
    assert f"[{low:.2f}, {high:.2f}]" in sentence


def test_bootstrap_interval_holds_the_tables_gap():
    b = poem_results.bootstrap()
    name, base = poem_results.best_baseline(3)
    lstm = result()["test_bits"]["characters"]
    assert b["name"] == name
    assert b["gap"] == pytest.approx(base - lstm, abs=1e-3)
    low, high = b["interval"]
    assert low < b["gap"] < high


# -- the table and its sentences come from the run ------------------------------------------------------


def test_table_shows_the_runs_numbers():
    table = poem_results.table()
    run, found = result(), poem_results.baseline_results()
    lines = table.splitlines()
    assert len(lines) == 2 + len(found) + 1
    lstm = lines[-1].split("|")
    assert lstm[3].strip() == f"{run['test_bits']['all']:.2f}"
    assert lstm[4].strip() == f"{2 ** run['test_bits']['all']:.0f}"
    assert lstm[5].strip() == f"{run['test_bits']['characters']:.2f}"
    for line, found_one in zip(lines[2:-1], found.values(), strict=True):
        cells = line.split("|")
        assert cells[3].strip() == f"{found_one['test'][0]:.2f}"
        assert cells[5].strip() == f"{found_one['test'][1]:.2f}"


@pytest.mark.parametrize(
    "shift, word",
    [
        (-0.5, "fewer than the best"),
        (+0.5, "fewer than the LSTM"),
        (0.0, "level"),
    ],
)
def test_sentence_follows_the_numbers(monkeypatch, shift, word):
    """Move the LSTM's bits around the best baseline's: the sentence changes with them."""
    name, base = poem_results.best_baseline(2)
    run = dict(result())
    run["test_bits"] = {
        "all": round(base, 2) + shift,
        "characters": run["test_bits"]["characters"],
    }
    monkeypatch.setattr(poem_results, "result", lambda: run)
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    sentence = poem_results.comparison(2)
    assert word in sentence
    if shift:
        assert f"{abs(shift):.2f}" in sentence


def test_sentences_of_the_run_name_the_best_baseline_and_the_gap(monkeypatch):
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    for column, key in ((2, "all"), (3, "characters")):
        name, base = poem_results.best_baseline(column)
        gap = round(base, 2) - round(result()["test_bits"][key], 2)
        sentence = poem_results.comparison(column)
        assert poem_results.NAMES[name][0] in sentence
        assert (f"{abs(gap):.2f}" in sentence) if gap else ("level" in sentence)


# -- sampling and the mask -----------------------------------------------------------------------------


def test_mask_leaves_logits_alone_and_renormalises():
    w = trained_weights()
    tokens = w["tokens"]
    state, logits = None, None
    for ch in ["<s>", *"春风吹落日"]:
        logits, state = step(w, tokens.index(ch), state)
    before = logits.copy()
    allowed = body_mask(tokens)
    free, masked = probabilities(logits), probabilities(logits, allowed=allowed)
    assert np.array_equal(before, logits)
    assert np.all(masked[~allowed] == 0) and masked.sum() == pytest.approx(1)
    assert (
        free[~allowed].sum() > 0
    )  # the model itself gave the masked tokens some mass
    # the prose: five characters then "，" is a five-character first line,
    # so the model leaves the comma some probability here
    assert free[tokens.index("，")] > 0.05
    np.testing.assert_allclose(
        masked[allowed], free[allowed] / free[allowed].sum(), rtol=1e-9
    )
    assert (
        not allowed[0]
        and not allowed[1]
        and not allowed[2]
        and allowed[3:].all()
    )


def test_probabilities_with_temperature_by_hand():
    z = np.log(np.array([1.0, 2.0, 4.0]))
    assert probabilities(z).tolist() == pytest.approx([1 / 7, 2 / 7, 4 / 7])
    assert probabilities(z, 0.5).tolist() == pytest.approx(
        [1 / 21, 4 / 21, 16 / 21]
    )
    allowed = np.array([True, False, True])
    assert probabilities(z, allowed=allowed).tolist() == pytest.approx(
        [1 / 5, 0, 4 / 5]
    )


def test_acrostic_with_the_trained_model_has_the_form():
    w = trained_weights()
    for n in (5, 7):
        lines = acrostic(w, "春夏秋冬", n, temperature=0.8, seed=25)
        assert [line[0] for line in lines] == list("春夏秋冬")
        assert [line[-1] for line in lines] == list("，。，。")
        assert all(
            len(line) == n + 1 and not set(line[:-1]) & set("，。")
            for line in lines
        )
        assert well_formed("".join(lines))


def test_well_formed_and_first_repeat_by_hand():
    assert well_formed("一二三四五，一二三四五。一二三四五，一二三四五。")
    assert not well_formed("一二三四，一二三四五六。一二三四五，一二三四五。")
    assert not well_formed("一二三四五。一二三四五，一二三四五，一二三四五。")
    assert first_repeat("甲乙丙乙丙乙丙乙丙") == (1, 2)
    assert first_repeat("甲乙丙丁") is None


def test_exported_model_is_one_byte_per_weight_within_the_budget():
    """The model section: one byte per weight, biases float32, within the
    gzip budget."""
    from poem_export import BUDGET, export, gzip_size, site_model

    data = site_model()
    assert data == export(trained_weights(), bits=8)
    assert gzip_size(data) <= BUDGET


def test_greedy_decoding_loops_as_the_page_says():
    from poem_decode import generate
    from poem_export import load, site_model

    text = generate(load(site_model()), 64, temperature=0, seed=0)
    assert first_repeat(text) is not None


@pytest.mark.audit  # run by `make audit`: `make test` shares one training among the build and its tests
def test_training_again_from_scratch_prints_the_same_table(tmp_path):
    """The LSTM trained again in a fresh process with an empty folder for trained results prints the
    same table as from the shared store (same seed, same CPU): the page's numbers are reproducible."""
    runs = outputs_from_the_store_and_from_scratch(
        "poem", "poem_results.py", tmp_path, RNN_NOTES_LANGUAGE="en"
    )
    table = [line for line in runs[0].splitlines() if line.startswith("|")]
    assert table and table == [
        line for line in runs[1].splitlines() if line.startswith("|")
    ]
    assert len(list((tmp_path / "trained").glob("poem-lstm-0-*.json"))) == 1


def test_line_end_sentence_prints_the_two_models_bits(monkeypatch):
    monkeypatch.setenv("RNN_NOTES_LANGUAGE", "en")
    bits = poem_results.line_end_bits()
    name, _ = poem_results.best_baseline(2)
    assert set(bits) == {"LSTM", name}
    sentence = poem_results.line_end_sentence()
    for value in bits.values():
        assert value > 0 and f"{value:.2f}" in sentence
