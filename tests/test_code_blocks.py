"""What a reader takes from a code block: its copy button copies exactly the snippet's code, an output's
copy button copies only the output, and every snippet a page shows can be downloaded, with the snippets
it imports, from the page (rnnnotes.downloads)."""

import io
import os
import re
import subprocess
import sys
import zipfile
from html import unescape
from urllib.parse import urljoin

import pytest

from conftest import DOCS, ROOT, SNIPPETS
from rnnnotes.downloads import (
    bundle_bytes,
    bundle_name,
    download_html,
    download_label,
    imported_snippets,
    published_snippets,
)
from rnnnotes.layout import Layout
from rnnnotes.page_model import parse_file
from rnnnotes.runner import SnippetRunner

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
LONGEST = max(PAGES, key=lambda name: (DOCS / f"{name}.en.md").stat().st_size)
CACHE = os.environ.get("RNN_NOTES_CACHE", str(ROOT / ".cache"))
LAYOUT = Layout(SNIPPETS)


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


# -- copy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_buttons_copy_the_code_or_the_output_exactly(
    browser, site_url, lang
):
    expected = parse_file(
        DOCS / f"{LONGEST}.{lang}.md", snippets_dir=SNIPPETS, docs_dir=DOCS
    ).run_fences
    runner = SnippetRunner(SNIPPETS, CACHE)  # outputs from the build's cache
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"]
    )
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
            block.scroll_into_view_if_needed()  # content.lazy: Material adds the buttons once in view
            block.locator("button.md-code__button").first.wait_for()
            code, origin = fence.code, fence.origin
            assert block.get_attribute("data-snippet") == str(origin)
            assert copy(
                block.locator(":scope > div.highlight").first.locator(
                    "button.md-code__button"
                )
            ) == code.strip("\n")
            printed = runner.run_code(code, str(origin)).rstrip("\n")
            text_output = block.locator(":scope > div.exec-output.highlight")
            if text_output.count():
                text_output.scroll_into_view_if_needed()  # its own button, also lazy
                assert (
                    copy(text_output.locator("button.md-code__button"))
                    == printed
                )
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
    (folder / "demo" / "demo_a.py").write_text(
        "import numpy as np\nfrom b import x\n"
    )
    (folder / "common" / "b.py").write_text("import c\nx = c.y\n")
    (folder / "common" / "c.py").write_text(
        "import b  # a cycle\ny = 1\nif __name__ == '__main__':\n    import demo_d\n"
    )
    (folder / "demo" / "demo_d.py").write_text("print('d')\n")
    (folder / "demo" / "demo_e.py").write_text("print('alone')\n")
    return folder


def test_imports_are_followed_through_snippets_only(tiny_snippets):
    assert imported_snippets("demo/demo_a.py", tiny_snippets) == [
        "common/b.py",
        "common/c.py",
        "demo/demo_d.py",
    ]
    assert imported_snippets("demo/demo_e.py", tiny_snippets) == []
    assert published_snippets(
        ["demo/demo_e.py", "common/b.py"], tiny_snippets
    ) == ["common/b.py", "common/c.py", "demo/demo_d.py", "demo/demo_e.py"]


def test_download_control_in_each_language():
    href = lambda file: f"../snippets/{file}"  # noqa: E731
    alone = download_html("demo/e.py", [], href, "zh")
    assert alone.startswith(
        '<a class="rn-download" href="../snippets/demo/e.py" download="e.py" aria-label="下载 e.py" title="下载 e.py">'
        '<svg aria-hidden="true" focusable="false" '
    )
    assert alone.endswith("</svg></a>")
    english = download_html(
        "demo/a.py", ["common/b.py", "demo/c.py"], href, "en"
    )
    assert english.startswith(
        '<a class="rn-download" href="../snippets/demo/a.zip" download="a.zip" '
        'aria-label="Download a.py and the files it imports (zip)" '
        'title="Download a.py and the files it imports (zip)">'
    )
    chinese = download_html("demo/a.py", ["common/b.py"], href, "zh")
    assert (
        'download="a.zip" aria-label="下载 a.py 及其导入的文件（zip）"'
        in chinese
    )


def test_a_bundle_holds_the_file_and_its_imports_flat_and_the_same_bytes_each_time(
    tiny_snippets,
):
    imports = imported_snippets("demo/demo_a.py", tiny_snippets)
    data = bundle_bytes("demo/demo_a.py", imports, tiny_snippets)
    assert data == bundle_bytes("demo/demo_a.py", imports, tiny_snippets)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        assert bundle.namelist() == ["demo_a.py", "b.py", "c.py", "demo_d.py"]
        assert (
            bundle.read("b.py")
            == (tiny_snippets / "common" / "b.py").read_bytes()
        )


EXEC_RE = re.compile(r'<div class="exec" data-snippet="([^"]+)">')
CONTROL_RE = re.compile(
    r'<a class="rn-download" href="([^"]+)" download="([^"]+)" aria-label="([^"]+)" title="([^"]+)">'
)
CODE_CONTROL_RE = re.compile(
    r'<div class="exec" data-snippet="[^"]+"><div class="language-python highlight">'
    r'<span class="filename">(?:[^<]|<wbr>)*(<a class="rn-download"[^>]*>)<svg'
)


WORD = {"zh": "下载", "en": "Download"}


def assert_download_control(built_site, html_file, control, file, lang):
    """``control`` downloads ``file`` (``gru/gru_forward.py``) as its bare name when it imports no snippet,
    else the zip ``gru/gru_vs_keras.zip`` holding it and every snippet it imports; its label says which, in
    the page's language, and what it leads to is the served copy, equal to the files in snippets/."""
    ((href, name, label, title),) = CONTROL_RE.findall(control)
    imports = imported_snippets(file, SNIPPETS)
    assert (
        unescape(label)
        == unescape(title)
        == download_label(file, imports, lang)
    ), (html_file, control)
    assert unescape(label).startswith(WORD[lang])
    base = "/" + html_file.relative_to(built_site).as_posix()
    target = built_site / urljoin(base, href).lstrip("/")
    if not imports:
        assert (
            urljoin(base, href) == f"/snippets/{file}"
            and name == file.rsplit("/", 1)[-1]
        ), (html_file, href)
        assert target.read_bytes() == (SNIPPETS / file).read_bytes(), (
            html_file,
            href,
        )
        return
    assert urljoin(
        base, href
    ) == f"/snippets/{bundle_name(file)}" and name.endswith(".zip"), (
        html_file,
        href,
    )
    with zipfile.ZipFile(target) as bundle:
        files = [file] + imports
        assert bundle.namelist() == [f.rsplit("/", 1)[-1] for f in files], (
            html_file,
            href,
        )
        for member, path in zip(bundle.namelist(), files, strict=True):
            assert bundle.read(member) == (SNIPPETS / path).read_bytes(), (
                html_file,
                href,
                member,
            )


def test_every_fence_links_its_snippet_and_what_it_imports(built_site):
    included = set()
    for html_file in sorted(built_site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        lang = "zh" if re.search(r'<html lang="zh"', html) else "en"
        fences, controls = EXEC_RE.findall(html), CODE_CONTROL_RE.findall(html)
        assert len(fences) == len(controls), (
            html_file
        )  # each in its code block's title bar
        for snippet, control in zip(fences, controls, strict=True):
            file = snippet.split(":")[0]
            assert_download_control(built_site, html_file, control, file, lang)
            included.add(file)
        included.update(figure_files_linked(built_site, html_file, html, lang))
    assert included
    published = sorted(
        p.relative_to(built_site / "snippets").as_posix()
        for p in (built_site / "snippets").rglob("*")
        if p.is_file() and p.suffix != ".zip"
    )  # data too
    assert published == published_snippets(sorted(included), SNIPPETS)
    bundles = sorted(
        p.relative_to(built_site / "snippets").as_posix()
        for p in (built_site / "snippets").rglob("*.zip")
    )
    assert bundles == sorted(
        bundle_name(f) for f in included if imported_snippets(f, SNIPPETS)
    )


# a figure, or an animation's still (its animated SVG is played on request: animations.py)
FIGURE_RE = re.compile(
    r'<img [^>]*?src="[^"]*?figures/(\w+)(?:\.still)?\.svg#only-light"'
)
FIGURE_BLOCK_RE = re.compile(
    r'<div class="rn-figure">\n?<(p|figure)>(.*?)</\1>\s*(<a class="rn-download"[^>]*>)<svg',
    re.S,
)


def figure_files_linked(built_site, html_file, html, lang):
    """Each figure and animation on the page sits in a block with the control that downloads the file
    drawing it and the snippets that file imports; returns the files linked."""
    drawn = FIGURE_RE.findall(html)
    blocks = FIGURE_BLOCK_RE.findall(html)
    assert len(drawn) == len(blocks), html_file
    for module, (_, inside, control) in zip(drawn, blocks, strict=True):
        assert f'figures/{module}.svg#only-light"' in inside, (
            html_file,
            module,
        )
        assert_download_control(
            built_site, html_file, control, LAYOUT.file_of(module), lang
        )
    return {LAYOUT.file_of(module) for module in drawn}


def test_every_figure_module_is_on_a_page_with_its_download_control(built_site):
    drawn = set()
    for html_file in sorted(built_site.rglob("*.html")):
        drawn.update(FIGURE_RE.findall(html_file.read_text(encoding="utf-8")))
    modules = set(LAYOUT.figure_modules()) | set(LAYOUT.animation_modules())
    assert len(modules) > 20 and modules == drawn


def test_a_downloaded_snippet_runs_from_a_folder_of_its_own(
    built_site, tmp_path
):
    """The zip a code block's control downloads, unpacked into an empty folder, runs (every snippet is run this way,
    from the repository's copy, by test_snippets_standalone.py; the site's copies are equal bytes)."""
    bundled = sorted(
        p.relative_to(built_site / "snippets").as_posix()[: -len(".zip")]
        + ".py"
        for p in (built_site / "snippets").rglob("*.zip")
    )

    def light(name):
        files = [name] + imported_snippets(name, SNIPPETS)
        return not any(
            re.search(
                r"^\s*(import|from) (keras|tensorflow)",
                (SNIPPETS / f).read_text(),
                re.M,
            )
            for f in files
        )

    # one that imports a file from another folder (common/): the flat download folder must serve both
    name = min(
        (
            n
            for n in bundled
            if any(
                f.split("/")[0] != n.split("/")[0]
                for f in imported_snippets(n, SNIPPETS)
            )
            and light(n)
        ),
        key=lambda n: len(imported_snippets(n, SNIPPETS)),
    )
    with zipfile.ZipFile(
        built_site / "snippets" / bundle_name(name)
    ) as bundle:  # what its control downloads
        bundle.extractall(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f.rsplit("/", 1)[-1] for f in [name] + imported_snippets(name, SNIPPETS)
    )
    env = {
        key: value for key, value in os.environ.items() if key != "PYTHONPATH"
    }
    result = subprocess.run(
        [sys.executable, name.rsplit("/", 1)[-1]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
