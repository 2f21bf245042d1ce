"""What a reader meets on the built site (issue 23): glyphs, lines, widths, controls and language.

Each test reads every built page (or every page of a kind) and checks one thing a reader saw go wrong:
the math font lacking a glyph the MathML draws, Chinese punctuation starting a line after inline math,
a table or code block wider than its column at 1280 px, a scrolling region without a cue, the copy
button over an output, the back-to-top button over a slider, English interface strings on Chinese pages,
preset buttons named otherwise than the text, figure lines too faint on white.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import scheme_context

# -- the math font holds every glyph the MathML draws ----------------------------------------------

MATH_RE = re.compile(r"<math\b.*?</math>", re.DOTALL)
TOKEN_RE = re.compile(r"<(m[a-z]+)([^>]*)>([^<]*)</\1>")


def _letter_form(char: str, style: str) -> str | None:
    """The mathematical italic (or bold) letter Chromium draws for a one-letter <mi>, by Unicode name."""
    name = unicodedata.name(char, "")
    match = re.match(r"(LATIN|GREEK) (SMALL|CAPITAL) LETTER (\w+)$", name)
    if not match:
        return None
    if (style, char) == ("ITALIC", "h"):
        return "\u210e"  # PLANCK CONSTANT stands in the italic block's hole
    try:
        return unicodedata.lookup(f"MATHEMATICAL {style} {match[2]} {match[3]}")
    except KeyError:
        return None


def needed_characters(mathml: str) -> tuple[set[str], set[str]]:
    """(every character a <math> draws, the characters of its operators, which may stretch or grow):
    token text, the italic or bold letter of a one-letter <mi>, and the radical of <msqrt>/<mroot>."""
    chars, operators = set(), set()
    for token in TOKEN_RE.finditer(mathml):
        text = html.unescape(token[3])
        chars |= set(text)
        if token[1] == "mo":
            operators |= set(text)
        if token[1] == "mi" and len(text) == 1:
            variant = re.search(r'mathvariant="([^"]+)"', token[2])
            style = {None: "ITALIC", "bold": "BOLD"}.get(variant and variant[1])
            form = style and _letter_form(text, style)
            if form:
                chars.add(form)
    if re.search(r"<m(?:sqrt|root)\b", mathml):
        chars.add("\u221a")
        operators.add("\u221a")
    return chars - {"\n", "\t", " "}, operators


def _variants(font, glyph: str) -> set[str]:
    """The glyphs the font's MATH table gives ``glyph`` to grow with: size variants and assembly parts."""
    math = font["MATH"].table.MathVariants
    found = set()
    for coverage, constructions in (
        (math.VertGlyphCoverage, math.VertGlyphConstruction),
        (math.HorizGlyphCoverage, math.HorizGlyphConstruction),
    ):
        if coverage is None or glyph not in coverage.glyphs:
            continue
        construction = constructions[coverage.glyphs.index(glyph)]
        found |= {v.VariantGlyph for v in construction.MathGlyphVariantRecord}
        if construction.GlyphAssembly is not None:
            found |= {
                part.glyph for part in construction.GlyphAssembly.PartRecords
            }
    return found


def test_the_math_font_holds_every_glyph_every_pages_mathml_draws(built_site):
    """Every character each page's MathML draws is in the subset font's cmap, and each operator keeps
    as many size variants and assembly parts as in STIX Two Math itself (a radical without its sign, a
    delimiter that cannot grow, were the failures)."""
    from fontTools.ttLib import TTFont

    from conftest import ROOT
    from rnnnotes.katex import MATH_FONT

    subset = TTFont(str(built_site / "assets" / "fonts" / "math.woff2"))
    full = TTFont(str(ROOT / MATH_FONT))
    cmap, full_cmap = subset.getBestCmap(), full.getBestCmap()
    missing, short = {}, {}
    for page in sorted(built_site.rglob("*.html")):
        for math in MATH_RE.findall(page.read_text(encoding="utf-8")):
            chars, operators = needed_characters(math)
            for char in chars:
                if ord(char) not in cmap and ord(char) in full_cmap:
                    missing.setdefault(
                        f"U+{ord(char):04X} {char}",
                        page.relative_to(built_site).as_posix(),
                    )
            for char in operators:
                if ord(char) in cmap and ord(char) in full_cmap:
                    have = len(_variants(subset, cmap[ord(char)]))
                    want = len(_variants(full, full_cmap[ord(char)]))
                    if have < want:
                        short[f"U+{ord(char):04X} {char}"] = (have, want)
    assert not missing, (
        f"characters the MathML draws, missing from the math font: {missing}"
    )
    assert not short, (
        f"operators with fewer size variants or parts than the font has: {short}"
    )


def test_the_needed_characters_count_the_implicit_radical():
    chars, operators = needed_characters(
        '<math><msqrt><mi>x</mi></msqrt><mi mathvariant="bold">W</mi></math>'
    )
    assert chars == {"x", "\U0001d465", "\u221a", "W", "\U0001d416"}
    assert "\u221a" in operators


# -- Chinese pages speak Chinese --------------------------------------------------------------------

# Interface strings of Material, mkdocs' toc and the build that a Chinese reader met in English.
ENGLISH_INTERFACE = [
    "Permanent link",
    "Made with",
    "Dark /",
    "Light /",
    "Dark mode",
    "Light mode",
    "Copy to clipboard",
    "Back to top",
    "Skip to content",
    "Download as",
    "Download ",
]


def _chinese_pages(site: Path):
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if (
            not relative.startswith(("en/", "snippets/", "assets/"))
            and relative != "404.html"
        ):
            yield relative, page.read_text(encoding="utf-8")


def _interface_text(page_html: str) -> str:
    """The page without its article's code and math: what is left is prose and interface."""
    text = re.sub(
        r"<(pre|code|math|script|style)\b.*?</\1>",
        " ",
        page_html,
        flags=re.DOTALL,
    )
    return html.unescape(text)


def test_chinese_pages_carry_no_english_interface_strings(built_site):
    found = {}
    for relative, page in _chinese_pages(built_site):
        assert '<html lang="zh"' in page, relative
        text = _interface_text(page)
        hits = [s for s in ENGLISH_INTERFACE if s in text]
        if hits:
            found[relative] = hits
    assert not found, found


def test_comments_in_the_chinese_home_pages_commands_are_chinese(built_site):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    for block in re.findall(
        r'<code[^>]*class="language-bash"[^>]*>.*?</code>|<div class="language-bash.*?</pre>',
        page,
        re.DOTALL,
    ):
        for comment in re.findall(
            r"#([^\n<]*)", html.unescape(re.sub(r"<[^>]+>", "", block))
        ):
            assert not re.search(
                r"[A-Za-z]{4,} [a-z]{3,}", comment
            ) or re.search(r"[\u4e00-\u9fff]", comment), comment


def test_the_404_page_is_the_default_languages_and_puts_it_first(built_site):
    """The one /404.html is the root (Chinese) site's: its interface strings
    in Chinese, its own text first, the English text after it."""
    page = (built_site / "404.html").read_text(encoding="utf-8")
    lang = re.search(r'<html lang="(\w+)"', page)[1]
    first = re.search(r'<p lang="(\w+)">', page)[1]
    assert (lang, first) == ("zh", "zh"), (lang, first)
    assert 'placeholder="搜索"' in page


# -- figure lines have 3:1 on white -----------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_data_line_of_a_light_figure_has_3_to_1_on_white(built_site):
    """A coloured plotted line (a path stroked 1.2 pt or wider, not a grid or a tick; greys are context
    drawn faint on purpose) is a graphic the reader must tell apart: WCAG 1.4.11 asks 3:1 against the
    background. The dark variants are checked by test_dark.py."""
    faint = {}
    figures = [
        p
        for p in built_site.rglob("*.svg")
        if "/figures/" in p.as_posix() and not p.name.endswith(".dark.svg")
    ]
    assert figures
    for svg in figures:
        text = svg.read_text(encoding="utf-8")
        for style in re.findall(
            r'style="([^"]*stroke: ?#[0-9a-f]{6}[^"]*)"', text
        ):
            colour = re.search(r"stroke: ?(#[0-9a-f]{6})", style)[1]
            width = re.search(r"stroke-width: ?([\d.]+)", style)
            if (
                width is None
                or float(width[1]) < 1.2
                or "fill: none" not in style.replace("fill:none", "fill: none")
            ):
                continue
            channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
            if max(channels) - min(channels) < 40:
                continue  # a grey: context drawn faint on purpose, not a data series
            ratio = 1.05 / (_luminance(colour) + 0.05)
            if ratio < 3:
                faint.setdefault(svg.name, set()).add(f"{colour} {ratio:.2f}:1")
    assert not faint, faint


# -- in Chromium -------------------------------------------------------------------------------------


def _urls(site: Path) -> list[str]:
    return sorted(
        ("/" + p.parent.relative_to(site).as_posix() + "/").replace("/./", "/")
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("snippets/")
    )


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def laptop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _open(page, url):
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")


PUNCTUATION = """() => {
  const stops = '，。、；：！？）》」』】〉”’…';
  const bad = [];
  for (const math of document.querySelectorAll('article span.arithmatex')) {
    const walk = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    let last = math;
    while (last.lastChild) last = last.lastChild;
    walk.currentNode = last;
    let node = walk.nextNode();
    while (node && !node.data.length) node = walk.nextNode();
    if (!node || math.contains(node) || !stops.includes(node.data[0])) continue;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const p = range.getBoundingClientRect(), m = math.getBoundingClientRect();
    if (!p.height || !m.height) continue;
    if (p.top >= m.bottom - 1 || p.bottom <= m.top + 1)
      bad.push(math.textContent.slice(0, 20) + node.data.slice(0, 6));
  }
  return bad;
}"""


def test_chinese_punctuation_never_starts_a_line_after_inline_math(at_390):
    """At 390 px, on every page, the "，" or "。" right after inline math is on the math's line."""
    assert not at_390["punctuation"], at_390["punctuation"]


WIDTHS = """() => {
  const out = [];
  for (const table of document.querySelectorAll('article table')) {
    const region = table.closest('.table-scroll') || table.parentElement;
    if (table.getBoundingClientRect().width > region.clientWidth + 1)
      out.push(['table', Math.round(table.getBoundingClientRect().width), region.clientWidth,
                table.innerText.slice(0, 30)]);
  }
  return out;
}"""

CODE_WIDTHS = """() => [...document.querySelectorAll('article pre > code')]
  .filter(code => code.scrollWidth > code.clientWidth + 1)
  .map(code => [code.scrollWidth, code.clientWidth, code.innerText.split('\\n')
    .reduce((a, b) => a.length >= b.length ? a : b).slice(0, 100)])"""


def test_every_table_fits_its_column_at_1280_px(at_1280):
    assert not at_1280["tables"], at_1280["tables"]


def test_every_code_block_fits_its_column_at_1280_px(at_1280):
    """Code and outputs shown on a page need no sideways scrolling on a laptop: snippets are formatted
    to the width the column has (`ruff format`, line length 80)."""
    found = at_1280["code"]
    assert not found, (
        f"{sum(map(len, found.values()))} code blocks scroll: {found}"
    )


# perf.css leaves blocks far from the viewport unrendered (content-visibility), and a scroll timeline
# is computed only for what is rendered: the checks lay out every block first.
LAY_OUT_EVERY_BLOCK = (
    ".md-content__inner > * { content-visibility: visible !important; }"
)
TWO_FRAMES = """() => new Promise(done =>
  requestAnimationFrame(() => requestAnimationFrame(done)))"""
CUES = """() => {
  const out = [];
  for (const region of document.querySelectorAll('article :is(.table-scroll, pre > code, .figure-scroll)')) {
    if (region.scrollWidth <= region.clientWidth + 1) continue;
    const style = getComputedStyle(region);
    const end = parseFloat(style.getPropertyValue('--rn-fade-end'));
    if (style.maskImage === 'none' || !(end > 0)) out.push(region.className || region.tagName);
  }
  return out;
}"""

COPY_BUTTON = """async () => {
  const out = [];
  for (const block of document.querySelectorAll('article .exec-output pre')) {
    block.scrollIntoView();  // content.lazy: Material adds the copy button once the block is in view
    let button = null;
    for (let waited = 0; !button && waited < 3000; waited += 50) {
      await new Promise(done => setTimeout(done, 50));
      button = block.querySelector('.md-code__nav');  // the button and the padding around it
    }
    const code = block.querySelector('code');
    if (!button) { out.push('no copy button: ' + code.innerText.slice(0, 40)); continue; }
    if (!code.firstChild) continue;
    const range = document.createRange();
    range.selectNodeContents(code);
    const b = button.getBoundingClientRect();
    for (const line of range.getClientRects())
      if (line.width && line.top < b.bottom && line.bottom > b.top && line.right > b.left && line.left < b.right) {
        out.push(code.innerText.slice(0, 40));
        break;
      }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_regions_that_scroll_show_it_and_the_copy_button_covers_no_output(
    request, width
):
    """A table, code block or figure that scrolls sideways fades at the edge beyond which more lies, as
    display equations shade theirs; Material's copy button overlaps no line of an output."""
    found = request.getfixturevalue(f"at_{width}")
    assert not found["cues"], (
        f"scrolling regions without a cue: {found['cues']}"
    )
    assert not found["copy button"], (
        f"outputs under the copy button: {found['copy button']}"
    )


def _every_page(page, site_url, built_site, scripts) -> dict[str, dict]:
    """Each built page opened once in ``page``: ``scripts`` (name → script) run in turn, then every
    block is laid out and the scrolling checks run. {name: {url: what the script found}}, only the
    pages where it found something: the page-wide tests above each read their own name."""
    checks = {**scripts, "cues": CUES, "copy button": COPY_BUTTON}
    found = {name: {} for name in checks}
    for url in _urls(built_site):
        _open(page, site_url + url)
        for name, script in checks.items():
            if name == "cues":
                page.add_style_tag(content=LAY_OUT_EVERY_BLOCK)
                page.evaluate(
                    TWO_FRAMES
                )  # the newly laid-out blocks' timelines
            if result := page.evaluate(script):
                found[name][url] = result
    return found


@pytest.fixture(scope="module")
def at_390(phone, site_url, built_site):
    return _every_page(
        phone,
        site_url,
        built_site,
        {"punctuation": PUNCTUATION, "file names": FILE_NAMES},
    )


@pytest.fixture(scope="module")
def at_1280(laptop, site_url, built_site):
    return _every_page(
        laptop, site_url, built_site, {"tables": WIDTHS, "code": CODE_WIDTHS}
    )


TAP_TARGETS = """() => [...document.querySelectorAll('.gate-explorer input[type=range]')].map(s => s.id)"""


@pytest.mark.parametrize("path", ["/gru/", "/en/lstm/"])
def test_every_slider_takes_a_tap_after_the_reader_scrolls_up(
    phone, site_url, path
):
    """On a 390 px phone, scrolled up (so Material shows its back-to-top button) until the slider sits
    where that button is, a tap on each slider moves the slider, not the page."""
    _open(phone, site_url + path)
    phone.locator(".gate-explorer").scroll_into_view_if_needed()
    phone.wait_for_selector(".gate-explorer input[type=range]")
    ids = phone.evaluate(TAP_TARGETS)
    assert len(ids) >= 6
    for slider_id in ids:
        slider = phone.locator(f"#{slider_id}")
        # below the slider first, then up by 300 px in steps, ending with the slider where the button sits
        target = phone.evaluate(
            """(id) => {
            const r = document.getElementById(id).getBoundingClientRect();
            return scrollY + r.top + r.height / 2 - (innerHeight - 40);
        }""",
            slider_id,
        )
        phone.evaluate("y => scrollTo(0, y)", target + 300)
        phone.wait_for_timeout(100)
        for step in range(6):
            phone.evaluate(
                "y => scrollTo(0, y)", target + 300 - 50 * (step + 1)
            )
            phone.wait_for_timeout(60)
        phone.wait_for_timeout(
            400
        )  # Material's button fades in; ours steps aside on the same frame
        box = slider.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        hit = phone.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.id || document.elementFromPoint(x, y)?.className",
            [x, y],
        )
        before = phone.evaluate("scrollY")
        phone.touchscreen.tap(x, y)
        phone.wait_for_timeout(300)
        after = phone.evaluate("scrollY")
        assert abs(after - before) < 50, (
            f"{slider_id}: the tap moved the page from {before} to {after}"
        )
        assert hit == slider_id, (
            f"{slider_id}: a tap at its centre reaches {hit!r}"
        )


def test_the_explorers_presets_are_named_as_the_text_names_them(
    browser, site_url
):
    """Each preset button holds the bold name of its item in the list of things to try under the
    explorer, in both languages ("替换", not "采用候选隐状态", where the text says 替换)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path in ["/lstm/", "/gru/", "/en/lstm/", "/en/gru/"]:
            _open(page, site_url + path)
            page.locator(".gate-explorer").scroll_into_view_if_needed()
            page.wait_for_selector(".gate-explorer .gx-presets button")
            found = page.evaluate("""() => {
                const buttons = [...document.querySelectorAll('.gate-explorer .gx-presets button')]
                    .map(b => b.textContent.trim().toLowerCase());
                const explorer = document.querySelector('.gate-explorer');
                let list = explorer.nextElementSibling;
                while (list && !(list.tagName === 'UL' && list.querySelector('li > strong:first-child')))
                    list = list.nextElementSibling;
                const names = [...list.querySelectorAll(':scope > li > strong:first-child')]
                    .map(s => s.textContent.replace(/[。.]$/, '').trim().toLowerCase());
                return {buttons, names};
            }""")
            for button, name in zip(
                found["buttons"], found["names"], strict=False
            ):
                assert name in button, (path, button, name)
    finally:
        context.close()


def _contrast(a: str, b: str) -> float:
    """The contrast ratio of two CSS rgb()/rgba() colours (alpha ignored)."""

    def hex_of(colour):
        return "#" + "".join(
            f"{int(float(x)):02x}" for x in re.findall(r"[\d.]+", colour)[:3]
        )

    light, dark = sorted(
        (_luminance(hex_of(a)), _luminance(hex_of(b))), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_scheme_toggle_shows_keyboard_focus(browser, site_url, scheme):
    """Focus on the header's scheme toggle draws an outline that differs from the header behind it."""
    context = scheme_context(
        browser, scheme, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        _open(page, site_url + "/gru/")
        found = page.evaluate("""() => {
            const input = [...document.querySelectorAll('.md-header input.md-option')]
                .find(i => i.nextElementSibling && !i.nextElementSibling.hidden
                      && getComputedStyle(i.nextElementSibling).display !== 'none');
            return !!input;
        }""")
        assert found
        for _ in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "document.activeElement && document.activeElement.classList.contains('md-option')"
            )
            if focused:
                break
        assert focused, "the scheme toggle is not reached with Tab"
        style = page.evaluate("""() => {
            const label = [...document.activeElement.parentElement.querySelectorAll('label')]
                .find(l => !l.hidden && getComputedStyle(l).display !== 'none');
            const s = getComputedStyle(label);
            return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                    header: getComputedStyle(document.querySelector('.md-header')).backgroundColor};
        }""")
        assert style["style"] != "none" and style["width"] > 0, style
        assert _contrast(style["color"], style["header"]) >= 3, style
    finally:
        context.close()


FILE_NAMES = """() => {
  const out = [];
  for (const title of document.querySelectorAll('article .highlight span.filename')) {
    const icon = title.querySelector('.rn-download');
    if (!icon) continue;
    const text = title.textContent, base = text.slice(text.lastIndexOf('/') + 1);
    const range = document.createRange();
    range.selectNodeContents(title);
    range.setEndBefore(icon);
    const lines = [...range.getClientRects()].filter(r => r.width > 0);
    const right = Math.max(...lines.map(r => r.right));
    const walk = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    let node, baseRects = 0;
    while ((node = walk.nextNode()))
      if (node.data.endsWith(base) && base) {
        const r = document.createRange();
        r.setStart(node, node.data.length - base.length);
        r.setEnd(node, node.data.length);
        baseRects = new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
      }
    if (right > icon.getBoundingClientRect().left + 0.5 || baseRects !== 1) out.push([text, right, baseRects]);
  }
  return out;
}"""


def test_a_code_blocks_file_name_wraps_at_slashes_clear_of_its_download_icon(
    at_390,
):
    """At 390 px a long path (snippets/params/params_bidirectional_alignment.py) wraps at a slash, its
    file name whole on one line, and no text runs under the download icon at the title's right."""
    assert not at_390["file names"], at_390["file names"]


FIGURE_LABELS = """() => [...document.querySelectorAll('article .rn-figure > .rn-download')].map(a => {
  const after = getComputedStyle(a, '::after').content;
  return [a.getAttribute('href').split('/').pop(), after];
})"""


@pytest.mark.parametrize(
    "path, words", [("/lstm/", "代码"), ("/en/lstm/", "code")]
)
def test_a_figures_download_control_says_it_gives_code(
    phone, site_url, path, words
):
    """On a phone there is no tooltip: the control under a figure's icon says "code (zip)" or
    "code (.py)" in the page's language, matching what its link downloads."""
    _open(phone, site_url + path)
    found = phone.evaluate(FIGURE_LABELS)
    assert found
    for href, label in found:
        assert words in label and href.rsplit(".", 1)[1] in label, (href, label)
