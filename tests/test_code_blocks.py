"""What a reader takes from a code block: its copy button copies exactly the snippet's code, an output's
copy button copies only the output, and every snippet a page shows can be downloaded, with the snippets
it imports, from the page (rnnnotes.downloads)."""

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from urllib.parse import urljoin

import pytest

from conftest import DOCS, ROOT, SNIPPETS

from rnnnotes.downloads import download_html, imported_snippets, published_snippets
from rnnnotes.layout import Layout, is_animation, is_figure
from rnnnotes.runner import SnippetRunner
from rnnnotes.page_model import parse_file

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
LONGEST = max(PAGES, key=lambda name: (DOCS / f"{name}.en.md").stat().st_size)
CACHE = os.environ.get("RNN_NOTES_CACHE", str(ROOT / ".cache"))
LAYOUT = Layout(SNIPPETS)


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


# -- copy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_buttons_copy_the_code_or_the_output_exactly(browser, site_url, lang):
    expected = parse_file(DOCS / f"{LONGEST}.{lang}.md", snippets_dir=SNIPPETS, docs_dir=DOCS).run_fences
    runner = SnippetRunner(SNIPPETS, CACHE)  # outputs from the build's cache
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()

    def copy(button):
        page.evaluate("navigator.clipboard.writeText('')")
        button.click()
        return page.evaluate("navigator.clipboard.readText()")

    try:
        page.goto(site_url + page_path(lang, LONGEST), wait_until="load")
        blocks = page.locator("article div.exec")
        assert blocks.count() == len(expected) > 5
        for number, fence in enumerate(expected):
            block = blocks.nth(number)
            code, origin = fence.code, fence.origin
            assert block.get_attribute("data-snippet") == str(origin)
            assert copy(block.locator(":scope > div.highlight").first.locator("button.md-code__button")) == code.strip("\n")
            printed = runner.run_code(code, str(origin)).rstrip("\n")
            text_output = block.locator(":scope > div.exec-output.highlight")
            if text_output.count():
                assert copy(text_output.locator("button.md-code__button")) == printed
            else:  # no output, or Markdown rendered into the page: nothing to copy but the code
                assert block.locator("button.md-code__button").count() == 1
    finally:
        context.close()
        runner.close()


# -- downloads -----------------------------------------------------------------------------------


@pytest.fixture
def tiny_snippets(tmp_path):
    folder = tmp_path / "snippets"
    (folder / "demo").mkdir(parents=True)
    (folder / "common").mkdir()
    (folder / "demo" / "demo_a.py").write_text("import numpy as np\nfrom b import x\n")
    (folder / "common" / "b.py").write_text("import c\nx = c.y\n")
    (folder / "common" / "c.py").write_text("import b  # a cycle\ny = 1\nif __name__ == '__main__':\n    import demo_d\n")
    (folder / "demo" / "demo_d.py").write_text("print('d')\n")
    (folder / "demo" / "demo_e.py").write_text("print('alone')\n")
    return folder


def test_imports_are_followed_through_snippets_only(tiny_snippets):
    assert imported_snippets("demo/demo_a.py", tiny_snippets) == ["common/b.py", "common/c.py", "demo/demo_d.py"]
    assert imported_snippets("demo/demo_e.py", tiny_snippets) == []
    assert published_snippets(["demo/demo_e.py", "common/b.py"], tiny_snippets) == [
        "common/b.py", "common/c.py", "demo/demo_d.py", "demo/demo_e.py"]


def test_download_line_in_each_language():
    href = lambda file: f"../snippets/{file}"  # noqa: E731
    alone = download_html("demo/e.py", [], href, "zh")
    assert alone == (
        '<p class="exec-download" data-search-exclude>'
        '<a href="../snippets/demo/e.py" download="e.py">下载 e.py</a></p>'
    )
    english = download_html("demo/a.py", ["common/b.py", "demo/c.py"], href, "en")
    assert '<a href="../snippets/demo/a.py" download="a.py">Download a.py</a> (it imports ' in english
    assert '<a href="../snippets/common/b.py" download="b.py" aria-label="Download b.py">b.py</a> and <a' in english
    assert english.endswith(": download them into the same folder)</p>")
    chinese = download_html("demo/a.py", ["common/b.py"], href, "zh")
    assert ('（它导入 <a href="../snippets/common/b.py" download="b.py" aria-label="下载 b.py">b.py</a>，'
            '请下载到同一文件夹）') in chinese


EXEC_RE = re.compile(r'<div class="exec" data-snippet="([^"]+)">')
DOWNLOAD_RE = re.compile(r'<p class="exec-download"[^>]*>(.*?)</p>', re.DOTALL)
LINK_RE = re.compile(r'<a href="([^"]+)" download="([^"]+)"(?: aria-label="([^"]+)")?>([^<]+)</a>')


WORD = {"zh": "下载", "en": "Download"}


def assert_download_line(built_site, html_file, line, file, word):
    """``line`` links ``file`` (``gru/gru_forward.py``) and then each snippet it imports, each link read as
    "<word> <bare file name>" and saved under that name, and each link leads to the served copy of that
    file, at its path under snippets/ (``snippets/gru/gru_forward.py``), equal to the one in snippets/."""
    links = LINK_RE.findall(line)
    files = [file] + imported_snippets(file, SNIPPETS)
    assert [name for _, name, _, _ in links] == [f.rsplit("/", 1)[-1] for f in files], (html_file, line)
    base = "/" + html_file.relative_to(built_site).as_posix()
    for (href, name, label, text), path in zip(links, files):
        assert unescape(label or text) == f"{word} {name}" and name in text, (html_file, line)
        assert urljoin(base, href) == f"/snippets/{path}", (html_file, href)
        target = built_site / urljoin(base, href).lstrip("/")
        assert target.read_bytes() == (SNIPPETS / path).read_bytes(), (html_file, href)


def test_every_fence_links_its_snippet_and_what_it_imports(built_site):
    included = set()
    for html_file in sorted(built_site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        lang = "zh" if re.search(r'<html lang="zh"', html) else "en"
        word = WORD[lang]
        fences, lines = EXEC_RE.findall(html), DOWNLOAD_RE.findall(html)
        assert len(fences) == len(lines), html_file
        for snippet, line in zip(fences, lines):
            file = snippet.split(":")[0]
            assert_download_line(built_site, html_file, line, file, word)
            included.add(file)
        included.update(figure_files_linked(built_site, html_file, html, lang))
    assert included
    published = sorted(p.relative_to(built_site / "snippets").as_posix()
                       for p in (built_site / "snippets").rglob("*") if p.is_file())  # data files too
    assert published == published_snippets(sorted(included), SNIPPETS)


FIGURE_RE = re.compile(r'<img [^>]*?src="[^"]*?figures/(\w+)\.svg#only-light"')
FIGURE_DOWNLOAD_RE = re.compile(r'<p class="figure-download"[^>]*>(.*?)</p>', re.DOTALL)


def figure_files_linked(built_site, html_file, html, lang):
    """Each figure and animation on the page is followed by the line that downloads the file drawing it
    and the snippets that file imports; returns the files linked."""
    drawn, lines = FIGURE_RE.findall(html), FIGURE_DOWNLOAD_RE.findall(html)
    assert len(drawn) == len(lines), html_file
    for module, line in zip(drawn, lines):
        between = html[html.index(f'figures/{module}.svg#only-light"'):html.index(line)]
        assert "<h" not in between and "<p>" not in between, (html_file, module)  # right under it
        assert_download_line(built_site, html_file, line, LAYOUT.file_of(module), WORD[lang])
    return {LAYOUT.file_of(module) for module in drawn}


def test_every_figure_module_is_on_a_page_with_its_download_line(built_site):
    drawn = set()
    for html_file in sorted(built_site.rglob("*.html")):
        drawn.update(FIGURE_RE.findall(html_file.read_text(encoding="utf-8")))
    modules = set(LAYOUT.figure_modules()) | set(LAYOUT.animation_modules())
    assert len(modules) == 22 and modules == drawn


def test_a_downloaded_snippet_runs_from_a_folder_of_its_own(built_site, tmp_path):
    """The files as the site serves them, copied into an empty folder, run (every snippet is run this way,
    from the repository's copy, by test_snippets_standalone.py; the site's copies are equal bytes)."""
    published = sorted(p.relative_to(built_site / "snippets").as_posix() for p in (built_site / "snippets").rglob("*.py"))

    def light(name):
        files = [name] + imported_snippets(name, SNIPPETS)
        return not any(re.search(r"^\s*(import|from) (keras|tensorflow)", (SNIPPETS / f).read_text(), re.M) for f in files)

    def drawing(name):
        module = name.rsplit("/", 1)[-1].removesuffix(".py")
        return is_figure(module) or is_animation(module)

    # one that imports a file from another folder (common/): the flat download folder must serve both
    name = min((n for n in published if any(f.split("/")[0] != n.split("/")[0] for f in imported_snippets(n, SNIPPETS))
                and light(n) and not drawing(n)),
               key=lambda n: len(imported_snippets(n, SNIPPETS)))
    for file in [name] + imported_snippets(name, SNIPPETS):
        shutil.copy(built_site / "snippets" / file, tmp_path / file.rsplit("/", 1)[-1])
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([sys.executable, name.rsplit("/", 1)[-1]], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
