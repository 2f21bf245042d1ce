"""Results in the reader's language: what a snippet prints as page content is labelled in the page's
language, from one run (snippets/common/labels.py, scripts/rnnnotes/labels.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SNIPPETS
from rnnnotes import labels, notebooks
from rnnnotes.runner import SnippetRunner

LABELS_MODULE = SNIPPETS / "common" / "labels.py"
PRINTS = "from labels import label\nprint('|', label('model', '模型'), '|', 0.93, '|')\n"


def _run(language: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != labels.LANGUAGE_ENV}
    if language is not None:
        env[labels.LANGUAGE_ENV] = language
    result = subprocess.run(
        [sys.executable, "-c", PRINTS],
        cwd=LABELS_MODULE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_a_run_by_hand_prints_english_and_a_notebook_its_own_language():
    assert _run(None) == "| model | 0.93 |\n"
    assert _run("en") == "| model | 0.93 |\n"
    assert _run("zh") == "| 模型 | 0.93 |\n"


def test_the_builds_run_prints_both_and_each_page_keeps_its_own():
    both = _run(labels.BOTH)
    assert both != _run("en")
    assert labels.resolve(both, "en") == _run("en")
    assert labels.resolve(both, "zh") == _run("zh")


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(subprocess.CalledProcessError) as error:
        _run("fr")
    assert (
        "RNN_NOTES_LANGUAGE" in error.value.stderr
        and "'fr'" in error.value.stderr
    )
    with pytest.raises(ValueError, match="expected one of en, zh"):
        labels.resolve("x", "fr")


def test_a_padded_or_nested_label_fails_instead_of_showing_marks():
    both = _run(labels.BOTH)
    with pytest.raises(ValueError, match="marks are broken"):
        labels.resolve(both.replace(labels.CLOSE, "", 1), "en")


def test_the_build_runner_runs_a_fence_once_for_both_languages(tmp_path):
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "labels.py").write_text(
        LABELS_MODULE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "demo").mkdir()
    runner = SnippetRunner(tmp_path, tmp_path / "cache")
    try:
        printed = runner.run_code(PRINTS, "demo/demo_table.py")
        again = runner.run_code(PRINTS, "demo/demo_table.py")
        assert runner.executed == 1 and printed == again
        assert labels.resolve(printed, "zh") == "| 模型 | 0.93 |\n"
        assert labels.resolve(printed, "en") == "| model | 0.93 |\n"
    finally:
        runner.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_languages_notebook_sets_its_language_first(lang, tmp_path):
    code = notebooks.setup_code(lang)
    assert f'os.environ["{labels.LANGUAGE_ENV}"] = "{lang}"' in code
    env = {k: v for k, v in os.environ.items() if k != labels.LANGUAGE_ENV}
    env["PYTHONPATH"] = str(LABELS_MODULE.parent)
    script = code.split("events = get_ipython()")[0] + "\n" + PRINTS
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == {"zh": "| 模型 | 0.93 |\n", "en": "| model | 0.93 |\n"}[lang]
    )
