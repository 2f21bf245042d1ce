"""How a fence test decides between the build's result and running the
fence (tests/conftest.py, ``_run_fence``), and the runner's answer it relies
on (rnnnotes.runner.SnippetRunner.ran_cleanly)."""

from types import SimpleNamespace

import pytest

import conftest
from rnnnotes.runner import SnippetError, SnippetRunner

PAGE = '# T { #t }\n\n```python\n--8<-- "demo/demo_shown.py"\n```\n'
CODE = "print(42)\n"


@pytest.fixture
def page(tmp_path, monkeypatch):
    """A page of one fence showing demo/demo_shown.py, and a fence test item
    for it, as pytest-markdown-docs makes it (code padded to its line)."""
    snippets = tmp_path / "snippets"
    (snippets / "demo").mkdir(parents=True)
    (snippets / "demo" / "demo_shown.py").write_text(CODE, encoding="utf-8")
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(conftest, "SNIPPETS", snippets)
    return SimpleNamespace(path=path, code="\n\n\n" + CODE, config=None)


class Runs:
    """The fence's own run, recorded; it raises when told to."""

    def __init__(self, raises=False):
        self.count, self.raises = 0, raises

    def __call__(self):
        self.count += 1
        if self.raises:
            raise ZeroDivisionError("the fence raised")


def answer(monkeypatch, *, built, ran_cleanly):
    monkeypatch.setattr(conftest, "_site_built", lambda config: built)
    asked = []

    def cleanly(code, origin):
        asked.append((code, origin))
        return ran_cleanly

    runner = SimpleNamespace(ran_cleanly=cleanly)
    monkeypatch.setattr(conftest, "_builds_runner", lambda: runner)
    return asked


def test_a_fence_the_build_ran_cleanly_is_not_run_again(page, monkeypatch):
    asked = answer(monkeypatch, built=True, ran_cleanly=True)
    run = Runs(raises=True)
    conftest._run_fence(page, run, builds=True)
    assert run.count == 0
    assert asked == [(CODE.strip("\n"), "demo/demo_shown.py")]


@pytest.mark.parametrize(
    "builds,built,ran_cleanly",
    [
        (False, True, True),  # no test of the run uses the built site
        (True, False, True),  # the build failed
        (True, True, False),  # no clean result for this code
    ],
    ids=["no-build-in-the-run", "build-failed", "no-clean-result"],
)
def test_otherwise_the_fence_runs_and_its_error_fails_the_test(
    page, monkeypatch, builds, built, ran_cleanly
):
    answer(monkeypatch, built=built, ran_cleanly=ran_cleanly)
    run = Runs(raises=True)
    with pytest.raises(ZeroDivisionError):
        conftest._run_fence(page, run, builds=builds)
    assert run.count == 1


def test_the_runner_answers_only_for_clean_runs_of_unchanged_snippets(
    tmp_path,
):
    snippets = tmp_path / "snippets"
    (snippets / "common").mkdir(parents=True)
    helper = snippets / "common" / "helper.py"
    helper.write_text("def value():\n    return 41\n")
    code = "from helper import value\nprint(value())\n"
    broken = "print(1 / 0)\n"
    runner = SnippetRunner(snippets, tmp_path / "cache")
    try:
        assert not runner.ran_cleanly(code, "x.py")  # never ran
        runner.run_code(code, "x.py")
        with pytest.raises(SnippetError):
            runner.run_code(broken, "y.py")
        assert runner.ran_cleanly(code, "x.py")
        assert not runner.ran_cleanly(code, "z.py")  # another origin
        assert not runner.ran_cleanly(broken, "y.py")  # it raised
        helper.write_text("def value():\n    return 7\n")
        assert not runner.ran_cleanly(code, "x.py")  # an import changed
    finally:
        runner.close()
