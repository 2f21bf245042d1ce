"""The layout of snippets/ (scripts/rnnnotes/layout.py): one folder per chapter plus common/, names
chapter-first, figures and animations named by one rule, and the rules checked."""

import re

import pytest

from conftest import DOCS, ROOT, SNIPPETS
from rnnnotes import layout
from rnnnotes.layout import COMMON, Layout, is_animation, is_figure, site_uri

LAYOUT = Layout(SNIPPETS)


def test_the_repository_keeps_the_rules():
    assert LAYOUT.problems() == []


def test_each_chapter_folder_is_named_like_its_page():
    assert {"gru", "lstm", "params", "rnn", "stacked", "stateful"} < set(
        LAYOUT.chapters()
    )
    for chapter in LAYOUT.chapters():
        assert (DOCS / f"{chapter}.zh.md").is_file() and (
            DOCS / f"{chapter}.en.md"
        ).is_file(), chapter
    assert [folder.name for folder in LAYOUT.folders()] == LAYOUT.chapters() + [
        COMMON
    ]


def test_modules_are_found_in_their_folders():
    assert LAYOUT.file_of("gru_forward") == "gru/gru_forward.py"
    assert LAYOUT.file_of("count_params") == "common/count_params.py"
    assert (
        LAYOUT.path_of("gru_fig_cell") == SNIPPETS / "gru" / "gru_fig_cell.py"
    )
    assert LAYOUT.file_of("numpy") is None
    assert site_uri("gru/gru_forward.py") == "snippets/gru/gru_forward.py"
    assert len(LAYOUT.modules()) == len(
        LAYOUT.files()
    )  # names are unique across folders


def test_figures_and_animations_are_named_chapter_first():
    assert is_figure("gru_fig_cell") and not is_animation("gru_fig_cell")
    assert is_animation("lstm_anim_step") and not is_figure("lstm_anim_step")
    assert (
        not is_figure("gru_figure")
        and not is_figure("fig_gru_cell")
        and not is_figure("svg_animation")
    )
    assert "rnn_fig_vanishing_gradient" in LAYOUT.figure_modules()
    assert LAYOUT.animation_modules() == ["gru_anim_step", "lstm_anim_step"]
    for module in LAYOUT.figure_modules() + LAYOUT.animation_modules():
        source = LAYOUT.path_of(module).read_text(encoding="utf-8")
        assert f"def {module}(" in source, (
            module
        )  # the function the build calls has the module's name


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "snippets"
    for folder in ("rnn", "gru", COMMON):
        (root / folder).mkdir(parents=True)
    (root / "loose.py").write_text("x = 1\n")
    (root / "rnn" / "rnn_ok.py").write_text(
        "import numpy\nfrom shared import y\n"
    )
    (root / "rnn" / "cell.py").write_text("x = 1\n")
    (root / "gru" / "gru_uses_rnn.py").write_text("from rnn_ok import x\n")
    (root / "gru" / "rnn_ok.py").write_text("x = 2\n")
    (root / COMMON / "shared.py").write_text("y = 1\n")
    (root / COMMON / "gru_helper.py").write_text("y = 1\n")
    return Layout(root)


def test_each_broken_rule_is_named_with_its_file(broken):
    problems = "\n".join(broken.problems())
    assert (
        "snippets/loose.py: a snippet lives in a chapter's folder" in problems
    )
    assert (
        "snippets/rnn/cell.py: every module in snippets/rnn/ starts with rnn_"
        in problems
    )
    assert (
        "snippets/gru/rnn_ok.py: every module in snippets/gru/ starts with gru_"
        in problems
    )
    assert "module rnn_ok also lives at" in problems
    assert (
        "snippets/common/gru_helper.py: a module in common/ has no chapter prefix"
        in problems
    )
    assert (
        "snippets/gru/gru_uses_rnn.py imports rnn_ok from snippets/rnn/"
        in problems
    )
    assert (
        "shared" not in problems
    )  # a chapter may import from common/, and numpy is not a snippet
    assert len(broken.problems()) == 6


def test_pages_include_from_the_same_root_the_layout_knows():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(
        rf"^\s+base_path: \[{layout.NAME}\]$", config, re.MULTILINE
    )
    assert layout.ROOT == ROOT / layout.NAME == SNIPPETS


def test_the_package_install_puts_every_common_module_on_the_path():
    """pyproject.toml lists snippets/common/'s modules, so `make setup` makes them importable from anywhere
    and a snippet runs from a clone as `.venv/bin/python snippets/<chapter>/<file>.py`."""
    import tomllib

    project = tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    )["tool"]["setuptools"]
    assert project["package-dir"][""] == f"snippets/{COMMON}"
    assert sorted(project["py-modules"]) == sorted(
        p.stem for p in (SNIPPETS / COMMON).glob("*.py")
    )
