"""The site on a phone, in Chromium: display equations fit the screen or show that they scroll, figure
labels stay readable at 360 px, the gate explorer's readout stays in view while a slider moves and
Material's back-to-top button covers none of its presets. A last test writes screenshots of the long
chapters at 390 px into test-output/screenshots/ (git-ignored) for a person to look at.

An audit of the pages as a reader's phone shows them, like axe and Lighthouse: run by `make audit`."""

import io
import re

import pytest
from PIL import Image

from conftest import DOCS, ROOT, scheme_context

pytestmark = pytest.mark.audit

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
# The pages each check has something to look at on (the two languages hold the same equations and figures).
WITH_EQUATIONS = [
    name
    for name in PAGES
    if "$$" in (DOCS / f"{name}.zh.md").read_text(encoding="utf-8")
]
WITH_FIGURES = [
    name
    for name in PAGES
    if "](figures/" in (DOCS / f"{name}.zh.md").read_text(encoding="utf-8")
]
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 800}
MIN_LABEL_PX = 9  # CSS pixels, the smallest text a figure may show at 360 px
SCREENSHOTS = ROOT / "test-output" / "screenshots"


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


# These audits measure what every block draws (and screenshot whole pages), so every block of the
# article is laid out, not only those near the viewport (docs/assets/stylesheets/perf.css).
LAY_OUT_ALL = """addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = ".md-content__inner > * { content-visibility: visible !important; }";
  document.head.append(style);
});"""


@pytest.fixture
def context(browser, request):
    scheme, viewport = getattr(request, "param", ("default", PHONE))
    context = scheme_context(browser, scheme, viewport=viewport)
    context.add_init_script(LAY_OUT_ALL)
    yield context
    context.close()


def open_all_details(page):
    page.evaluate(
        "document.querySelectorAll('.md-typeset details').forEach((d) => { d.open = true; })"
    )


# -- display equations -----------------------------------------------------------------------------

BACKGROUND = """(element) => {
  for (let e = element; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c.match(/\\d+/g).slice(0, 3).map(Number);
  }
  return [255, 255, 255];
}"""


INK = """(e) => {  // how far the equation's symbols reach, and its box's visible right edge
  const right = Math.max(...[...e.querySelectorAll("mi, mn, mo, mtext")].map((s) => s.getBoundingClientRect().right));
  const box = e.getBoundingClientRect();
  return [right - box.left, e.clientWidth];
}"""


def shaded(png, x, background):
    """The fraction of the rows of column ``x`` of the screenshot that differ from the background."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    rows = range(image.height)
    differ = sum(
        max(
            abs(a - b)
            for a, b in zip(image.getpixel((x, y)), background, strict=False)
        )
        > 8
        for y in rows
    )
    return differ / image.height


def edges(page, element, background):
    """How much of the left and the right edge of ``element``'s box, as drawn now, is shaded (above a
    horizontal scrollbar, which a phone draws over the content only while scrolling)."""
    element.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    box = element.bounding_box()
    height = element.evaluate("(e) => e.clientHeight")
    clip = {
        "x": round(box["x"]),
        "y": round(box["y"]),
        "width": int(box["width"]) - 1,
        "height": height - 1,
    }
    png = page.screenshot(clip=clip)
    return shaded(png, 1, background), shaded(
        png, clip["width"] - 2, background
    )


@pytest.mark.parametrize(
    "context",
    [("default", PHONE), ("slate", PHONE), ("default", SMALL_PHONE)],
    indirect=True,
    ids=["default", "slate", "default-360px"],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", WITH_EQUATIONS)
def test_every_display_equation_fits_or_shows_that_it_scrolls(
    context, site_url, lang, name
):
    """At 390 px (and 360 px) a display equation's symbols fit its box, or its box scrolls, is reachable by keyboard, and shows
    it: a shadow along the whole right edge while more lies to the right, along the left edge once
    scrolled to the end, and none on the side with nothing more to see."""
    page = context.new_page()
    page.goto(site_url + page_path(lang, name), wait_until="load")
    open_all_details(page)
    wide, problems = 0, []
    for k, element in enumerate(
        page.locator(".md-typeset div.arithmatex").all()
    ):
        ink, box = element.evaluate(INK)
        if ink <= box + 1:
            continue
        wide += 1
        label = f"equation {k + 1} (symbols up to {ink:.0f} px in {box:.0f} px)"
        if element.get_attribute("tabindex") != "0":
            problems.append(f"{label}: not focusable")
        background = element.evaluate(BACKGROUND)
        left, right = edges(page, element, background)
        if not (right > 0.95 and left < 0.05):
            problems.append(
                f"{label} at the start: left edge {left:.0%} shaded, right edge {right:.0%}"
            )
        element.evaluate("(e) => { e.scrollLeft = e.scrollWidth; }")
        left, right = edges(page, element, background)
        if not (left > 0.95 and right < 0.05):
            problems.append(
                f"{label} at the end: left edge {left:.0%} shaded, right edge {right:.0%}"
            )
    print(f"{lang} {name}: {wide} wide equations")
    assert problems == [], problems


# -- figures ---------------------------------------------------------------------------------------

TEXT_SCALE = re.compile(
    r'<g id="text_\d+">.*?transform="[^"]*scale\(([\d.]+) -[\d.]+\)"', re.DOTALL
)
SVG_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"')


def smallest_text_px(svg):
    """The smallest font size of the SVG's texts, in its own pixels, and its width in them. Matplotlib
    writes each text as glyph paths scaled by font size / 100 (in points)."""
    sizes = [float(s) * 100 * 4 / 3 for s in TEXT_SCALE.findall(svg)]
    assert sizes, "no text found in the SVG"
    width, unit = SVG_WIDTH.search(svg).groups()
    return min(sizes), float(width) * (4 / 3 if unit == "pt" else 1)


@pytest.mark.parametrize(
    "context", [("default", SMALL_PHONE)], indirect=True, ids=["360px"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", WITH_FIGURES)
def test_figure_labels_are_readable_at_360_px(context, site_url, lang, name):
    """Every figure's smallest label, at the size the figure is drawn at on a 360 px screen, is at least
    9 CSS px; a figure drawn wider than its column scrolls in a focusable box."""
    page = context.new_page()
    page.goto(site_url + page_path(lang, name), wait_until="load")
    open_all_details(page)
    figures = page.evaluate("""() => [...document.querySelectorAll('.md-typeset img[src*="figures/"]')]
      .filter((i) => i.getClientRects().length)
      .map((i) => {
        const scroller = i.closest('.figure-scroll');
        return [i.currentSrc || i.src, i.getBoundingClientRect().width, i.closest('article').clientWidth,
                scroller ? [scroller.scrollWidth > scroller.clientWidth, scroller.tabIndex] : null];
      })""")
    problems = []
    for src, width, column, scroller in figures:
        svg = page.request.get(src.split("#")[0]).text()
        text, natural = smallest_text_px(svg)
        shown = text * width / natural
        name_ = src.split("/")[-1]
        print(
            f"{name_}: {natural:.0f} px drawn at {width:.0f} px, smallest label {shown:.1f} px"
        )
        if shown < MIN_LABEL_PX:
            problems.append(
                f"{name_}: smallest label {shown:.1f} px ({text:.1f} px at {natural:.0f} px, drawn at {width:.0f} px)"
            )
        if width > column + 1 and not (
            scroller and scroller[0] and scroller[1] == 0
        ):
            problems.append(
                f"{name_}: {width:.0f} px wide in a {column} px column, not in a focusable scrolling box"
            )
    assert problems == [], problems


# -- the gate explorer -----------------------------------------------------------------------------

READOUT = """(root) => Object.fromEntries([...document.querySelectorAll(`#${root} .gx-values [data-out]`)]
  .map((o) => [o.dataset.out, o.textContent]))"""
FROM = """([root, start]) => {  // the explorer just below the screen, or just above it, and nothing focused
  document.activeElement.blur();
  const r = document.getElementById(root).getBoundingClientRect();
  window.scrollTo(0, scrollY + (start === "above" ? r.top - innerHeight : r.bottom));
}"""
RESET = "(root) => document.querySelector(`#${root} .gx-presets button:last-child`).click()"
SEEN = """(e) => {
  const r = e.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth || !r.width) return false;
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return e === hit || e.contains(hit);
}"""


@pytest.fixture(
    params=[(c, lang) for c in ("lstm", "gru") for lang in ("zh", "en")],
    ids=lambda p: "-".join(p),
)
def explorer(request, context, site_url):
    cell, lang = request.param
    page = context.new_page()
    page.goto(
        f"{site_url}{page_path(lang, cell)}#gate-explorer", wait_until="load"
    )
    page.root = f"gate-explorer-{cell}"
    page.wait_for_selector(f"#{page.root} input[type=range]")
    return page


def test_the_readout_stays_in_view_while_a_slider_moves(explorer):
    """Every slider, brought into view by focus from above and from below the explorer, then moved with
    the keyboard: the slider is not covered, and every readout value that changed is on the screen and
    not covered either."""
    sliders = explorer.locator(f"#{explorer.root} input[type=range]")
    problems = []
    for k in range(sliders.count()):
        slider = sliders.nth(k)
        name = slider.get_attribute("id")
        for start in ("above", "below"):
            explorer.evaluate(FROM, [explorer.root, start])
            before = explorer.evaluate(READOUT, explorer.root)
            slider.focus()  # the browser scrolls it into view
            explorer.keyboard.press(
                "End"
                if float(slider.input_value())
                < float(slider.get_attribute("max"))
                else "Home"
            )
            after = explorer.evaluate(READOUT, explorer.root)
            changed = [key for key in after if after[key] != before[key]]
            if not changed:
                problems.append(f"{name}: nothing in the readout changed")
            if not slider.evaluate(SEEN):
                problems.append(
                    f"{name} (from {start}): the slider is covered or off the screen"
                )
            hidden = [
                key
                for key in changed
                if not explorer.locator(
                    f"#{explorer.root} .gx-values [data-out='{key}']"
                ).evaluate(SEEN)
            ]
            if hidden:
                problems.append(
                    f"{name} (from {start}): changed values not in view: {hidden}"
                )
            explorer.evaluate(RESET, explorer.root)
    assert problems == [], problems


def back_to_top_shown(page, scroll_to):
    """Scroll to ``scroll_to`` + 600 px, then up to ``scroll_to`` with the mouse wheel, which is when
    Material shows its back-to-top button; the button's box, or None while it has stepped aside."""
    page.evaluate("(y) => window.scrollTo(0, y + 600)", scroll_to)
    page.wait_for_timeout(100)
    for _ in range(6):
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(50)
    page.wait_for_selector(".md-top:not([hidden])", state="attached")
    page.wait_for_timeout(300)  # Material's transition
    if page.locator(".md-top.rn-top--covering").count():
        return None  # stepped aside over a control (overrides/main.html): it covers nothing
    return page.locator(".md-top").bounding_box()


def intersect(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_back_to_top_covers_no_preset(explorer):
    """Scrolling up to the explorer (the presets just under the header, or the sliders in use) shows
    Material's back-to-top button; its box meets none of the preset buttons."""
    presets = explorer.locator(f"#{explorer.root} .gx-presets button")
    root_top = explorer.evaluate(
        "(root) => document.getElementById(root).getBoundingClientRect().top + scrollY",
        explorer.root,
    )
    middle = explorer.evaluate(
        "(root) => { const r = document.getElementById(root); "
        "return r.getBoundingClientRect().top + scrollY + r.offsetHeight / 2 - innerHeight / 2; }",
        explorer.root,
    )
    problems = []
    for label, y in (
        ("presets under the header", root_top - 60),
        ("sliders in use", middle),
    ):
        button = back_to_top_shown(explorer, y)
        for k in range(presets.count()):
            box = presets.nth(k).bounding_box()
            if button and box and intersect(button, box):
                problems.append(
                    f"{label}: the back-to-top button {button} covers preset {k + 1} {box}"
                )
    assert problems == [], problems


# -- screenshots -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [("default", PHONE), ("slate", PHONE)],
    indirect=True,
    ids=["default", "slate"],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["lstm", "gru", "params"])
def test_screenshot_at_390_px(context, site_url, lang, name):
    """A full-page screenshot for a person to read (test-output/screenshots/); the page does not scroll
    sideways at 390 px."""
    page = context.new_page()
    page.goto(site_url + page_path(lang, name), wait_until="load")
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach((i) => { i.loading = 'eager'; })"
    )
    if page.locator("#gate-explorer").count():
        page.locator("#gate-explorer").scroll_into_view_if_needed()
        page.wait_for_selector(".gate-explorer input[type=range]")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_load_state("networkidle")
    assert (
        page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    path = SCREENSHOTS / f"{name}-{lang}-{scheme}-390.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize(
    "context", [("default", SMALL_PHONE)], indirect=True, ids=["360px"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wide_figure_scrolls_and_its_edges_show_where_more_of_it_lies(
    context, site_url, lang
):
    """The unrolled RNN (806 px, labels 13.3 px) keeps 545 px on a phone: its region scrolls, has a name in
    the page's language, and fades the edge beyond which more of the figure lies, at each end of the scroll."""
    page = context.new_page()
    page.goto(site_url + page_path(lang, "rnn"), wait_until="load")
    region = page.locator(".figure-scroll").first
    region.scroll_into_view_if_needed()
    assert (
        region.get_attribute("aria-label")
        == {"zh": "图（可左右滚动）", "en": "Figure, scrolls sideways"}[lang]
    )
    fades = """(r) => { const s = getComputedStyle(r);
        return [r.scrollWidth - r.clientWidth, s.getPropertyValue('--rn-fade-start'), s.getPropertyValue('--rn-fade-end')]; }"""
    overflow, start, end = region.evaluate(fades)
    assert overflow > 100 and start == "0px" and float(end[:-2]) > 10, (
        overflow,
        start,
        end,
    )
    region.evaluate("(r) => { r.scrollLeft = r.scrollWidth; }")
    page.wait_for_timeout(100)
    _, start, end = region.evaluate(fades)
    assert float(start[:-2]) > 10 and end == "0px", (start, end)
