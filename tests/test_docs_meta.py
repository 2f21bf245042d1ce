"""The maintainer's documents stay short and name only things that exist.

README.md, CONTRIBUTING.md and ARCHITECTURE.md name make targets and repository paths; a renamed file or
a dropped target would leave them pointing at nothing. No build is needed: this reads the three files,
the Makefile and the working tree."""

import re

import pytest

from conftest import ROOT

DOCUMENTS = ("README.md", "CONTRIBUTING.md", "ARCHITECTURE.md")
README_MAX_LINES = 150  # issue 15: what the site is, the commands, the layout, the data flow, a new chapter

# A path is named in backticks, starting at a top-level entry of the repository.
TOP_LEVEL = (
    "docs/",
    "snippets/",
    "scripts/",
    "tests/",
    "overrides/",
    ".ci/",
    ".github/",
)
TOP_FILES = (
    "Makefile",
    "mkdocs.yml",
    "requirements.txt",
    "package.json",
    "package-lock.json",
    "pytest.ini",
    "lighthouserc.cjs",
    "README.md",
    "CONTRIBUTING.md",
    "ARCHITECTURE.md",
)
PLACEHOLDER = re.compile(
    r"[<>*]|\.\.\."
)  # snippets/<chapter>/, tests/test_*.py: a pattern, not a path


def named_paths(text: str) -> set[str]:
    paths = set()
    for span in re.findall(r"`([^`\n]+)`", text):
        for word in span.split():
            word = word.strip("(),;:")
            if word.startswith(TOP_LEVEL) or word in TOP_FILES:
                if not PLACEHOLDER.search(word):
                    paths.add(word.split("#")[0])
    return paths


def named_targets(text: str) -> set[str]:
    """Targets named as commands: in backticks (`make test`) or at the start of a line in a code block."""
    return set(
        re.findall(r"(?:`|^)make ([a-z][a-z-]*)\b", text, flags=re.MULTILINE)
    )


def makefile_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))


def test_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, (
        f"README.md has {len(lines)} lines; move detail to the other two"
    )


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_named_path_exists(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    paths = named_paths(text)
    assert paths, (
        f"{document} names no path: the pattern no longer matches how it names them"
    )
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert not missing, f"{document} names paths that do not exist: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_named_make_target_exists(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    missing = sorted(named_targets(text) - makefile_targets())
    assert not missing, (
        f"{document} names make targets the Makefile lacks: {missing}"
    )


def test_the_readme_names_the_main_targets():
    assert {"serve", "test", "audit", "bench"} <= named_targets(
        (ROOT / "README.md").read_text(encoding="utf-8")
    )


def test_the_pattern_finds_paths_and_skips_patterns():
    text = "Run `tests/test_links.py`, see `snippets/<chapter>/` and `docs/x.md#anchor`; `figures/a.svg` is the site's."
    assert named_paths(text) == {"tests/test_links.py", "docs/x.md"}


def test_architecture_lists_every_module_of_the_build_package():
    """ARCHITECTURE.md's module table has one row per module of scripts/rnnnotes/, and no row for a module
    that is gone."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    listed = set(
        re.findall(r"^\| `([a-z0-9_]+\.py)` \|", text, flags=re.MULTILINE)
    )
    present = {
        path.name
        for path in (ROOT / "scripts" / "rnnnotes").glob("*.py")
        if path.name != "__init__.py"
    }
    assert listed == present, (
        f"not listed: {sorted(present - listed)}; listed but gone: {sorted(listed - present)}"
    )
