"""Clutter and leaks (issue 17 item 7), checked on the built site and in Chromium at a phone's and a
laptop's size: one small download control per code block and figure, /params/ shows no site plumbing,
no accent bar on inline code in generated tables, the English title not doubled, an H1 beside the
notebook button without a blank line, sidebars that fit, tables that keep inline code whole, a 404
page for both languages, notebooks that never link to the local server, upright captions, one palette
for the LSTM and GRU cell figures."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import DOCS, scheme_context

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
SIZES = {
    "phone": {"width": 390, "height": 844},
    "laptop": {"width": 1280, "height": 800},
}


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


def html_of(site: Path, lang: str, name: str) -> str:
    return (site / page_path(lang, name).lstrip("/") / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per (size, scheme), opened when first asked for."""
    made = {}

    def get(size, scheme="default"):
        if (size, scheme) not in made:
            made[size, scheme] = scheme_context(
                browser, scheme, viewport=SIZES[size]
            )
        return made[size, scheme]

    yield get
    for context in made.values():
        context.close()


def open_page(contexts, site_url, size, lang, name, scheme="default"):
    """The page loaded, with its fonts: what the layout checks measure."""
    page = contexts(size, scheme).new_page()
    page.goto(site_url + page_path(lang, name), wait_until="load")
    page.evaluate("document.fonts.ready")
    return page


# -- the download control ------------------------------------------------------------------------------

CONTROLS = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const blocks = [...document.querySelectorAll('.md-content .exec, .md-content .rn-figure')];
  return {
    lines: document.querySelectorAll('.exec-download, .figure-download').length,
    blocks: blocks.map(block => {
      const links = [...block.querySelectorAll('a[download]')];
      return links.map(a => {
        const box = a.getBoundingClientRect();
        return {name: a.getAttribute('aria-label') || '', text: a.textContent.trim(), title: a.title,
                width: Math.round(box.width), height: Math.round(box.height),
                fromRight: Math.round(column.right - box.right), kind: block.className};
      });
    }),
  };
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_code_block_and_figure_has_one_small_download_control_aligned_the_same(
    contexts, site_url, size, lang, scheme
):
    page = open_page(contexts, site_url, size, lang, "lstm", scheme)
    found = page.evaluate(CONTROLS)
    page.close()
    word = {"zh": "下载", "en": "Download"}[lang]
    assert found["lines"] == 0  # no line of text under the blocks
    assert len(found["blocks"]) == 22
    for links in found["blocks"]:
        assert len(links) == 1, links
        link = links[0]
        assert (
            link["text"] == ""
            and link["name"].startswith(word)
            and link["name"].endswith((".py", "(zip)", "（zip）"))
        ), link
        assert link["title"] == link["name"]
    controls = [links[0] for links in found["blocks"]]
    code_controls = [c for c in controls if c["kind"] == "exec"]
    assert len({(c["width"], c["height"]) for c in code_controls}) == 1, (
        controls
    )
    assert max(c["width"] for c in code_controls) <= 40
    # a figure's control is the same icon at the same height, followed by a label of what it gives
    assert {c["height"] for c in controls} == {code_controls[0]["height"]}, (
        controls
    )
    figures = {c["fromRight"] for c in controls if c["kind"] == "rn-figure"}
    code = {c["fromRight"] for c in controls if c["kind"] == "exec"}
    assert figures == code and len(code) == 1, (figures, code)


# -- /params/ shows the idea, not the plumbing ------------------------------------------------------------

PLUMBING = {
    "a Markdown table written by the code": re.compile(r"\|\s*-{3}|[\"']\|"),
    "HTML written by the code": re.compile(r"<br>"),
    "TeX written by the code": re.compile(
        r"\$[^$\n]*\\\\|r[\"'][^\"'\n]*\\[a-z]+\{"
    ),
    "a private helper": re.compile(r"^\s*def _", re.M),
}
SHOWN_CODE_RE = re.compile(
    r'<div class="exec" data-snippet="[^"]+"><div class="language-python highlight">.*?<code[^>]*>(.*?)</code>',
    re.S,
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_params_shows_no_plumbing_and_still_generates_every_table(
    built_site, lang
):
    html = html_of(built_site, lang, "params")
    shown = [
        unescape(re.sub(r"<[^>]+>", "", code))
        for code in SHOWN_CODE_RE.findall(html)
    ]
    assert len(shown) == 11
    leaks = [
        (what, code.splitlines()[0])
        for code in shown
        for what, pattern in PLUMBING.items()
        if pattern.search(code)
    ]
    assert leaks == []
    tables = re.findall(
        r'<div class="exec-output exec-output--markdown">.*?</div>\s*</div>',
        html,
        re.S,
    )
    assert (
        len(
            re.findall(r'<div class="exec-output exec-output--markdown">', html)
        )
        == 4
    )
    assert all("<table>" in table for table in tables)


# -- inline code in generated tables -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_inline_code_in_generated_tables_has_no_accent_bar(
    contexts, site_url, lang
):
    page = open_page(contexts, site_url, "laptop", lang, "params")
    widths = page.evaluate("""() => [...document.querySelectorAll('.exec-output--markdown code')]
        .map(code => getComputedStyle(code).borderLeftWidth)""")
    bars = page.evaluate("""() => [...document.querySelectorAll('.exec-output:not(.exec-output--markdown) code')]
        .map(code => getComputedStyle(code).borderLeftWidth)""")
    page.close()
    assert widths and set(widths) == {"0px"}
    assert bars and set(bars) == {
        "4px"
    }  # the printed text output keeps its bar


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_phone_tables_keep_each_word_of_inline_code_whole(  # a break after a hyphen is a word break
    contexts, site_url, lang, name
):
    page = open_page(contexts, site_url, "phone", lang, name)
    broken = page.evaluate("""() => [...document.querySelectorAll('.md-content table code')]
        .filter(code => !/[\\s-]/.test(code.textContent) && code.getClientRects().length > 1)
        .map(code => code.textContent)""")
    page.close()
    assert broken == []


# -- the title and the notebook button ------------------------------------------------------------------


def test_the_english_home_title_names_the_site_once(built_site):
    titles = {}
    for lang in ("zh", "en"):
        for name in PAGES:
            titles[lang, name] = unescape(
                re.search(
                    r"<title>(.*?)</title>", html_of(built_site, lang, name)
                )[1]
            )
    assert titles["en", "index"] == "RNN Notes"
    assert titles["zh", "index"] == "循环神经网络笔记 · RNN Notes"
    assert titles["en", "lstm"] == "Long short-term memory - RNN Notes"
    for (lang, name), title in titles.items():
        head, _, tail = title.partition(" - ")
        assert head != tail, (lang, name, title)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_title_beside_the_notebook_button_leaves_no_blank_line(
    contexts, site_url, lang
):
    page = contexts("laptop").new_page()
    gaps = {}
    for name in PAGES:
        page.goto(site_url + page_path(lang, name), wait_until="load")
        gaps[name] = page.evaluate("""() => {
            const h1 = document.querySelector('.md-content h1');
            const text = document.createRange();
            text.selectNodeContents(h1.firstChild);
            return Math.round(h1.getBoundingClientRect().bottom - text.getBoundingClientRect().bottom);
        }""")
    page.close()
    assert all(gap < 20 for gap in gaps.values()), gaps


# -- sidebars -------------------------------------------------------------------------------------------


SIDEBARS = """() => [...document.querySelectorAll('.md-sidebar__scrollwrap')]
    .filter(wrap => wrap.offsetParent !== null)
    .map(wrap => {
      const links = [...wrap.querySelectorAll('.md-nav__link')].filter(link => link.getClientRects().length);
      const last = links[links.length - 1].getBoundingClientRect().bottom;
      const top = wrap.getBoundingClientRect().top - wrap.scrollTop;
      const scroll = wrap.scrollHeight - wrap.clientHeight;
      const height = wrap.style.height;
      wrap.style.height = '1px';  // then its scroll height is the height of what it holds
      const content = wrap.scrollHeight;
      wrap.style.height = height;
      return {scroll, below: Math.round(content - (last - top))};
    })"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sidebars_end_at_their_last_entry(contexts, site_url, lang):
    """A sidebar scrolls only for entries that do not fit, never for empty space under its last entry: 8 px
    of it made a table of contents that fits scroll, sliding its first entry under the sticky title. At
    1280 x 800, at the top of each page and at its end (where the footer shortens the sidebars), nothing
    follows the last entry and no sidebar scrolls."""
    page = contexts("laptop").new_page()
    found = {}
    for name in PAGES:
        page.goto(site_url + page_path(lang, name), wait_until="load")
        for where in ("top", "end"):
            if where == "end":
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_timeout(300)
            found[name, where] = page.evaluate(SIDEBARS)
    page.close()
    assert all(len(sidebars) == 2 for sidebars in found.values()), found
    assert [
        key
        for key, sidebars in found.items()
        if any(s["below"] > 1 for s in sidebars)
    ] == [], found
    assert [
        key
        for key, sidebars in found.items()
        if any(s["scroll"] for s in sidebars)
    ] == [], found


# -- the 404 page ---------------------------------------------------------------------------------------


def test_the_404_page_serves_both_languages(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    switch = re.findall(
        r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link">', html
    )
    assert sorted(switch) == [
        ("/", "zh"),
        ("/en/", "en"),
    ]  # the two home pages, not some page's twins
    assert (
        'class="md-nav md-nav--primary"' not in html
    )  # no site navigation in one language only
    body = html[html.index('<div class="md-content"') :]
    for lang, home, text in (
        ("zh", "/", "页面不存在"),
        ("en", "/en/", "Page not found"),
    ):
        assert re.search(
            rf'<a href="{re.escape(home)}" hreflang="{lang}" lang="{lang}">',
            body,
        )
        assert re.search(rf'lang="{lang}">[^<]*{text}', body)


def test_the_404_page_in_chromium(contexts, site_url):
    page = contexts("phone").new_page()
    page.goto(site_url + "/404.html", wait_until="load")
    drawer = page.locator('label[for="__drawer"]:visible').count()
    page.close()
    assert drawer == 0  # no menu button that would open an empty drawer


# -- notebooks ------------------------------------------------------------------------------------------


def test_notebooks_never_link_to_the_local_server(built_site):
    notebooks = sorted((built_site / "notebooks").glob("*.ipynb"))
    assert notebooks
    for notebook in notebooks:
        text = notebook.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, (
            notebook.name
        )
        sources = "".join(
            "".join(cell["source"])
            for cell in json.loads(text)["cells"]
            if cell["cell_type"] == "markdown"
        )
        links = re.findall(r"\]\(([^)\s]+)\)", sources)
        for link in links:
            if link.startswith("#") or link.startswith(
                "https://"
            ):  # an anchor, another site
                continue
            target = urlsplit(
                urljoin(f"/notebooks/{notebook.name}", link)
            ).path.lstrip("/")
            path = built_site / target
            assert (path / "index.html").is_file() or path.is_file(), (
                notebook.name,
                link,
            )


# -- captions and palette -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figure_captions_are_upright(contexts, site_url, lang):
    page = open_page(contexts, site_url, "laptop", lang, "lstm")
    styles = page.evaluate(
        "() => [...document.querySelectorAll('figcaption')].map(c => getComputedStyle(c).fontStyle)"
    )
    page.close()
    assert styles and set(styles) == {"normal"}


CELL_FIGURES = [
    "lstm_fig_cell",
    "lstm_fig_forget_gate",
    "lstm_fig_input_gate",
    "lstm_fig_cell_update",
    "lstm_fig_output_gate",
    "gru_fig_cell",
    "gru_fig_reset_gate",
    "gru_fig_update_gate",
    "gru_fig_candidate",
    "gru_fig_new_state",
]
HIGHLIGHT, ACCENT = "#3949ab", "#d84315"


def test_lstm_and_gru_cell_figures_highlight_in_one_colour(built_site):
    """The still cell figures of both chapters draw the parts a section is about in the same indigo; the
    orange accent belongs to the animations' current step only."""
    for module in CELL_FIGURES:
        svg = (
            (built_site / "figures" / f"{module}.svg")
            .read_text(encoding="utf-8")
            .lower()
        )
        assert HIGHLIGHT in svg and ACCENT not in svg, module


def test_notebook_links_use_the_published_address_only_when_it_is_known():
    from rnnnotes.notebooks import link_base, page_url

    assert (
        link_base("https://someone.github.io/rnn-notes/")
        == "https://someone.github.io/rnn-notes/"
    )
    for local in ("http://127.0.0.1:8000/", "http://localhost:8000/", None, ""):
        assert (
            link_base(local) == ""
        )  # no published site: a downloaded notebook links to none of it
    assert (
        page_url("lstm", "en", "zh", link_base("https://x.org/"))
        == "https://x.org/en/lstm/"
    )
