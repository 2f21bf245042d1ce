"""A fault in a page or a snippet fails the build, and the error names the file that caused it.

Broken links and anchors are mkdocs' own validation (mkdocs.yml: `validation`, warnings made fatal by
--strict); test_links.py checks the built site has none, naming the page.

Each case builds a one-page project in a temporary folder with the site's real mkdocs.yml and hooks,
so the cases run in seconds and never touch docs/ or snippets/.
"""

import re

import pytest

from conftest import ROOT, build_site

PAGE = {
    "zh": "# 首页 {{ #home }}\n\n公式 $a^2$。\n\n{extra}\n",
    "en": "# Home {{ #home }}\n\nFormula $a^2$.\n\n{extra}\n",
}
SNIPPET = 'print("hello from a snippet")\n'
TABLE = 'print("| layer | params |")\nprint("|---|---|")\nprint("| RNN | $h(h+x)+h$ |")\n'


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each case builds with a cache of its own: the checkout's .cache/ belongs to the real site."""
    monkeypatch.setenv("RNN_NOTES_CACHE", str(tmp_path / "cache"))


def make_project(tmp_path, extra="", snippet=SNIPPET, languages=("zh", "en")):
    docs, snippets = tmp_path / "docs", tmp_path / "snippets"
    docs.mkdir()
    (snippets / "common").mkdir(parents=True)
    (snippets / "common" / "hello.py").write_text(snippet, encoding="utf-8")
    (snippets / "common" / "table.py").write_text(TABLE, encoding="utf-8")
    for lang in languages:
        (docs / f"index.{lang}.md").write_text(
            PAGE[lang].format(extra=extra), encoding="utf-8"
        )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        r"^docs_dir: .*$": f"docs_dir: {docs}",
        r"^site_dir: .*$": f"site_dir: {tmp_path / 'site'}",
        r"base_path: \[snippets\]": f"base_path: [{snippets}]",
        r"custom_dir: overrides": f"custom_dir: {ROOT / 'overrides'}",
        r"^nav:\n(  - .*\n?)+": "nav:\n  - index.md\n",
        r"^watch:\n(  - .*\n)+": "",
    }
    for pattern, replacement in replacements.items():
        config, count = re.subn(
            pattern, replacement, config, flags=re.MULTILINE
        )
        assert count == 1, pattern
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def build(config):
    result = build_site(config, config.parent / "site")
    return result.returncode, result.stdout + result.stderr


def test_the_healthy_project_builds(tmp_path):
    extra = '```python\n--8<-- "common/hello.py"\n```\n\n```{.python output="markdown"}\n--8<-- "common/table.py"\n```'
    code, log = build(make_project(tmp_path, extra=extra))
    assert code == 0, log
    html = (tmp_path / "site/en/index.html").read_text(encoding="utf-8")
    output = re.search(
        r'<span class="filename">Output</span>.*?</code>', html, re.DOTALL
    )
    assert output and "hello from a snippet" in output.group(0)
    table = re.search(
        r'<div class="exec-output exec-output--markdown">(.*?)</div>\s*</div>\s*</div>',
        html,
        re.DOTALL,
    )
    assert (
        table
        and "<table>" in table.group(1)
        and "<td>RNN</td>" in table.group(1)
    )
    assert '<span class="arithmatex"><math>' in table.group(
        1
    )  # math printed by a snippet is rendered too


CASES = {
    "snippet raises": (
        dict(
            extra='```python\n--8<-- "common/hello.py"\n```', snippet="1 / 0\n"
        ),
        ["docs/index.zh.md", "hello.py", "ZeroDivisionError"],
    ),
    "missing include": (
        dict(extra='```python\n--8<-- "nowhere.py"\n```'),
        ["index.zh.md", "nowhere.py"],
    ),
    "missing section": (
        dict(extra='```python\n--8<-- "common/hello.py:nosuchsection"\n```'),
        ["index.zh.md", "nosuchsection"],
    ),
    "python fence not from snippets": (
        dict(extra='```python\nprint("typed into the page")\n```'),
        ["docs/index.zh.md", "does not come from snippets/"],
    ),
    "unknown output kind": (
        dict(extra='```{.python output="html"}\n--8<-- "common/hello.py"\n```'),
        ["index.zh.md", 'output="html"'],
    ),
    "bad TeX": (  # every TeX error takes the one path (rnnnotes.katex): an unknown command is one
        dict(extra="$\\notacommand x$"),
        ["docs/index.zh.md", "KaTeX cannot render", "notacommand"],
    ),
    "missing translation": (
        dict(languages=("zh",)),
        ["docs/index.zh.md", "no translation docs/index.en.md"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_fault_fails_the_build_naming_the_file(tmp_path, case):
    options, expected = CASES[case]
    code, log = build(make_project(tmp_path, **options))
    assert code != 0, f"{case}: the build passed\n{log[-3000:]}"
    for text in expected:
        assert text in log, (
            f"{case}: {text!r} not in the build log:\n{log[-3000:]}"
        )
