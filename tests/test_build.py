"""The strict build of the real site: both languages, math rendered, nothing from other hosts."""

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import DOCS, ROOT

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))


def page_file(site, lang, name):
    prefix = site if lang == "zh" else site / "en"
    return (
        prefix / "index.html"
        if name == "index"
        else prefix / name / "index.html"
    )


def all_html(site):
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_is_built_in_its_language(built_site, lang, name):
    html = page_file(built_site, lang, name).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert '<span class="arithmatex"><math>' in html or "$" not in (
        DOCS / f"{name}.{lang}.md"
    ).read_text(encoding="utf-8")


def test_every_equation_is_katex_and_no_tex_is_left(built_site):
    for path in all_html(built_site):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(
            r'<(span|div) class="arithmatex"[^>]*>(.{0,40})', html
        ):
            assert match.group(2).startswith("<math"), (path, match.group(0))
        body = re.sub(
            r"<(script|pre|code)\b.*?</\1>", "", html, flags=re.DOTALL
        )
        assert "<annotation" not in body and "<semantics>" not in body, (
            path
        )  # katex.compact_mathml
        assert "$$" not in body, path
        assert "\\(" not in body and "\\[" not in body, path


def test_no_math_javascript_and_no_other_hosts(built_site):
    for path in all_html(built_site):
        html = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
        assert not [
            s for s in scripts if re.search(r"katex|mathjax", s, re.I)
        ], path
        assert not re.search(r"\b(katex|MathJax)\.(render|typeset)", html), path
        for tag in re.findall(
            r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>",
            html,
        ):
            if tag.startswith("<link") and not re.search(
                r'rel="(stylesheet|icon|preload|modulepreload|manifest)"', tag
            ):
                continue  # canonical, prev/next: addresses, not downloads
            for url in re.findall(r'\b(?:src|href|data)="([^"]+)"', tag):
                assert not re.match(r"(https?:)?//", url), (
                    f"{path}: loads {url}"
                )
    for css in built_site.rglob("*.css"):
        assert not re.search(
            r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")
        ), css
    assert not list(built_site.rglob("*katex*.js"))


def test_the_math_font_is_served_and_covers_every_character(built_site):
    from fontTools.ttLib import TTFont

    from rnnnotes.katex import drawn_characters

    css = (built_site / "assets/stylesheets/extra.css").read_text(
        encoding="utf-8"
    )
    assert 'src: url("../fonts/math.woff2") format("woff2")' in css
    font_path = built_site / "assets/fonts/math.woff2"
    assert font_path.read_bytes()[:4] == b"wOF2"
    assert (
        font_path.stat().st_size < 40_000
    )  # a subset, not the whole 400 KB font
    font = TTFont(str(font_path))
    assert (
        "MATH" in font
    )  # the table that lets brackets, braces and arrows stretch
    cmap = font.getBestCmap()
    drawn = set()
    for page in built_site.rglob("*.html"):
        drawn |= drawn_characters(page.read_text(encoding="utf-8"))
    assert len(drawn) > 40
    missing = sorted(
        c
        for c in drawn
        if ord(c) not in cmap
        and not c.isspace()
        and c not in "\u2061\u2062\u2063"
    )
    assert not missing, (
        f"characters drawn by the math but absent from the font: {missing}"
    )


def test_executed_output_is_on_the_page(built_site):
    html = page_file(built_site, "en", "rnn").read_text(encoding="utf-8")
    assert 'data-snippet="rnn/rnn_params.py"' in html
    assert "Keras SimpleRNN(32).count_params() = 1568" in html
    zh = page_file(built_site, "zh", "rnn").read_text(encoding="utf-8")
    assert ">输出</span>" in zh and ">Output</span>" in html


def test_figures_are_svg_without_dates_or_words(built_site):
    figures = sorted((built_site / "figures").glob("*.svg"))
    assert figures
    for figure in figures:
        svg = figure.read_text(encoding="utf-8")
        assert "<dc:date>" not in svg, figure
        assert not re.search(r"[\u4e00-\u9fff]", svg), figure


def test_each_language_has_its_own_search_index_with_equations_as_text(
    built_site,
):
    def entries(index):
        return json.loads((built_site / index).read_text(encoding="utf-8"))[
            "docs"
        ]

    zh_docs, en_docs = (
        entries("search/search_index.json"),
        entries("en/search/search_index.json"),
    )
    zh = " ".join(d["text"] + d["title"] for d in zh_docs)
    en = " ".join(d["text"] + d["title"] for d in en_docs)
    assert not [
        d["location"]
        for d in zh_docs + en_docs
        if d["location"].startswith("en/")
    ]
    assert len(zh_docs) == len(en_docs)  # the same sections in both languages
    assert (
        "循环\u200b神经网络" in zh or "循环神经网络" in zh
    )  # jieba joins words with U+200B
    assert "Recurrent neural networks" in en
    # The page's conversion renders TeX to MathML (page_extension.PageMath) before Material indexes it
    for doc in zh_docs + en_docs:
        prose = re.sub(
            r"<code>.*?</code>", "", doc["title"] + doc["text"], flags=re.DOTALL
        )
        assert not re.search(
            r"\\[()\[\]]|\\(frac|tanh|odot|sigma|mathbf)\b", prose
        ), doc["location"]
    lstm = next(d for d in en_docs if d["location"] == "lstm/")
    assert "the cell state ct" in lstm["text"]
    assert (
        "c~t = tanh\u2061(xtWxc + ht−1Whc + bc)" in en
    )  # MathML's text, as Material reads it


def test_the_gate_explorer_weighs_at_most_16_kb(built_site):
    """Its script and stylesheet as sent, uncompressed. 15 KB until its phone layout (the values that stick
    under the header while the sliders scroll) added 0.6 KB; gzip makes the two 5.4 KB."""
    files = [
        built_site / "assets/javascripts/gate-explorer.js",
        built_site / "assets/stylesheets/gate-explorer.css",
    ]
    assert sum(f.stat().st_size for f in files) <= 16_000, {
        f.name: f.stat().st_size for f in files
    }


def test_pages_with_math_preload_the_math_font_and_others_do_not(built_site):
    preload = '<link rel="preload" href="../assets/fonts/math.woff2" as="font" type="font/woff2" crossorigin>'
    gru = page_file(built_site, "zh", "gru").read_text(encoding="utf-8")
    references = page_file(built_site, "zh", "references").read_text(
        encoding="utf-8"
    )
    assert preload in gru and "<math" in gru
    assert "math.woff2" not in references and "<math" not in references


# A build prints the classifier's training CPU seconds (snippets/classify/classify_compare.py): a measurement,
# the one thing two builds may print differently; and the generator tag names the builder.
GENERATOR_RE = re.compile(rb'<meta name="generator" content="[^"]*">')
CPU_HEADER = b"CPU"


def _without_cpu_seconds(data: bytes) -> bytes:
    """``data`` with the last column of every table whose header names CPU seconds blanked: an HTML table,
    or a Markdown table in a notebook's outputs."""

    def html_table(match):
        return re.sub(rb"(<td[^>]*>)[^<]*(</td>\s*</tr>)", rb"\1#\2", match[0])

    data = re.sub(
        rb"<table\b(?:(?!</table>).)*?" + CPU_HEADER + rb".*?</table>",
        html_table,
        data,
        flags=re.DOTALL,
    )
    lines, in_table = [], False
    for line in data.split(b"\n"):
        in_table = (CPU_HEADER in line and b"|" in line) or (
            in_table and b"|" in line
        )
        lines.append(
            re.sub(rb"\| *[0-9.]+ *\|(\\n)?(\",?)$", rb"| # |\1\2", line)
            if in_table
            else line
        )
    return b"\n".join(lines)


def site_tree(site):
    return {
        path.relative_to(site).as_posix(): _without_cpu_seconds(
            GENERATOR_RE.sub(b"", path.read_bytes())
        )
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_cpu_seconds_alone_are_left_out_of_the_comparison():
    row = b'<table><tr><th>test accuracy</th><th>training CPU s</th></tr><tr><td>0.890</td><td style="x">12.4</td></tr></table>'
    assert _without_cpu_seconds(row) == row.replace(b"12.4", b"#")
    cell = b'      "| LSTM(32) | 9,601 | 9 | 7 | 0.912 | 10.3 |\\n",'
    table = b'      "| model | test accuracy | training CPU s |\\n",\n' + cell
    assert _without_cpu_seconds(table).endswith(b'| 0.912 | # |\\n",')
    assert _without_cpu_seconds(b"<p>0.890</p>") == b"<p>0.890</p>"


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    """ProperDocs 1.6.7 (a maintained fork of MkDocs 1.6, pinned in requirements.txt) builds the same bytes
    from the same mkdocs.yml, plugin and warm cache: the site does not depend on MkDocs itself staying."""
    site = tmp_path / "properdocs"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", TF_CPP_MIN_LOG_LEVEL="3"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    mkdocs, properdocs = site_tree(built_site), site_tree(site)
    assert mkdocs.keys() == properdocs.keys()
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []
