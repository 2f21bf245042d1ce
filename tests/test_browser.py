"""Every page in both languages and both colour schemes, in a real Chromium: loads cleanly (no console
error, no failed request), Material's bundle runs and hands the page to ``document$`` beside only our
animation script and the widget scripts the page names, a code block in view gets Material's copy
button, math rendered, images load,
nothing requested from another host, only the figures of the reader's scheme fetched, and the language
switcher leads to the twin page."""

import re
from urllib.parse import urlparse

import pytest
import yaml

from conftest import DOCS, scheme_context
from rnnnotes.fences import PLAIN_TOKEN_CLASSES, TOKEN_COLOUR_CLASSES

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
OTHER = {"zh": "en", "en": "zh"}


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


def widgets(lang, name):
    """The widgets a page names in its front matter (``widgets: [gate-explorer]``)."""
    text = (DOCS / f"{name}.{lang}.md").read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return (yaml.safe_load(front[1]) or {}).get("widgets", []) if front else []


@pytest.fixture
def page(browser, site_url, request):
    """A phone-sized page in Material's default scheme, or in the scheme a test asks for (indirect)."""
    scheme = getattr(request, "param", "default")
    context = scheme_context(
        browser, scheme, viewport={"width": 412, "height": 900}
    )
    page = context.new_page()
    page.scheme = scheme
    page.problems = []
    page.foreign = []

    def route(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            page.foreign.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on(
        "console", lambda m: m.type == "error" and page.problems.append(m.text)
    )
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on(
        "response",
        lambda r: (
            r.status >= 400 and page.problems.append(f"{r.status} {r.url}")
        ),
    )
    page.requested = []
    page.on("request", lambda r: page.requested.append(r.url))
    yield page
    context.close()


# Every page in the default scheme; in the slate scheme too where it has figures, the part that differs
# between the schemes (only that scheme's variants fetched).
SCHEMES = [
    (name, scheme)
    for name in PAGES
    for scheme in (
        ("default", "slate")
        if "](figures/" in (DOCS / f"{name}.zh.md").read_text(encoding="utf-8")
        else ("default",)
    )
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name,page", SCHEMES, indirect=["page"])
def test_page_in_chromium(page, site_url, lang, name):
    page.goto(site_url + page_path(lang, name), wait_until="load")
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.lang") == lang
    assert (
        page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        == page.scheme
    )
    assert page.problems == []
    assert page.foreign == []

    # Our scripts hook into Material through document$, which must hand them this page; a page loads
    # Material's bundle and only the widget scripts its front matter names.
    assert page.evaluate(
        "new Promise(done => document$.subscribe(d => done(d === document)))"
    )
    scripts = page.evaluate(
        "[...document.scripts].filter(s => s.src).map(s => new URL(s.src).pathname)"
    )
    bundle = [
        path
        for path in scripts
        if re.fullmatch(
            r"/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", path
        )
    ]
    assert len(bundle) == 1, scripts
    ours = ["/assets/javascripts/animations.js"]  # every page: extra_javascript
    assert sorted(set(scripts) - set(bundle)) == sorted(
        ours + [f"/assets/javascripts/{w}.js" for w in widgets(lang, name)]
    )
    # content.code.copy with content.lazy: a block gets its copy button once it is in view.
    blocks = page.locator("article pre > code")
    if blocks.count():
        blocks.first.scroll_into_view_if_needed()
        blocks.first.locator("xpath=..").locator(
            "nav.md-code__nav > button.md-code__button"
        ).wait_for()

    # The prose, without code (a snippet may well print or hold "\\[" or "$$"): no TeX is left unrendered.
    # (Walked in place: a clone of the article would fetch every image, the other scheme's too.)
    text = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT,
          { acceptNode: (n) => n.parentElement.closest('pre, code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
        let text = '';
        while (walker.nextNode()) text += walker.currentNode.textContent;
        return text; }""")
    assert "$$" not in text and "\\(" not in text and "\\[" not in text
    math = page.evaluate("document.querySelectorAll('.arithmatex').length")
    rendered = page.evaluate(
        "document.querySelectorAll('.arithmatex > math').length"
    )  # MathML
    assert math == rendered
    if "$" in (DOCS / f"{name}.{lang}.md").read_text(encoding="utf-8"):
        assert rendered > 0
        # the site's math font arrived: the math is not drawn in a fallback font (the font loads
        # when math is first laid out, which on a page whose math is far down is when it comes near:
        # perf.css)
        page.locator(".arithmatex").first.scroll_into_view_if_needed()
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        )
        assert any("STIX Two Math subset" in family for family in loaded), (
            loaded
        )

    # Figures and animations are lazy: the shown ones are loaded here on purpose; the other scheme's
    # variants are not displayed, so they must never have been fetched.
    figures = [url for url in page.requested if "/figures/" in url]
    assert [
        url
        for url in figures
        if url.endswith(".dark.svg") != (page.scheme == "slate")
    ] == []
    images = page.evaluate(
        """async () => {
          const shown = [...document.querySelectorAll('article img')].filter(i => getComputedStyle(i).display !== 'none');
          shown.forEach(i => { i.loading = 'eager'; });
          await Promise.all(shown.map(i => i.decode().catch(() => null)));
          return shown.map(i => [i.src, i.complete && i.naturalWidth > 0, i.alt]);
        }"""
    )
    assert len(images) == (DOCS / f"{name}.{lang}.md").read_text(
        encoding="utf-8"
    ).count("](figures/")
    for src, loaded, alt in images:
        assert loaded, src
        assert len(alt) > 15, f"{src}: alt text too short: {alt!r}"

    button = page.evaluate(
        "(b => b && b.getBoundingClientRect().height)(document.querySelector('.rn-notebook'))"
    )
    assert button is None or 10 < button < 60, (
        f"notebook button drawn {button}px tall"
    )  # styled, not a bare icon

    twin = page.locator(f"a.md-select__link[hreflang={OTHER[lang]}]").first
    page.goto(twin.evaluate("a => a.href"), wait_until="domcontentloaded")
    assert urlparse(page.url).path == page_path(OTHER[lang], name)
    assert page.evaluate("document.documentElement.lang") == OTHER[lang]


LANDED = """id => {
  const top = document.getElementById(id).getBoundingClientRect().top;
  const page = document.scrollingElement;
  const atBottom = page.scrollTop + innerHeight >= page.scrollHeight - 2;
  return (top >= 0 && top <= 130) || (atBottom && top >= 0 && top < innerHeight);
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_anchors_land_where_the_links_point(page, site_url, lang):
    """A page opened at an anchor, or a click in the table of contents, puts the heading at the top."""
    url = site_url + page_path(lang, "gru")
    page.goto(url, wait_until="load")
    anchors = page.evaluate(
        "[...document.querySelectorAll('article :is(h2, h3)[id]')].map(h => h.id)"
    )
    assert len(anchors) >= 8
    for anchor in (
        anchors
    ):  # a page opened at an anchor, as a search result or a shared link does
        page.goto(f"{url}#{anchor}", wait_until="load")
        page.wait_for_timeout(200)
        assert page.evaluate(LANDED, anchor), anchor
    page.goto(url, wait_until="load")
    for anchor in (
        anchors[-2],
        anchors[len(anchors) // 2],
    ):  # a click in the table of contents
        page.locator(
            f".md-sidebar--secondary a[href='#{anchor}']"
        ).first.dispatch_event("click")
        page.wait_for_timeout(300)
        assert page.evaluate(LANDED, anchor), anchor


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_merged_code_token_classes_share_a_colour(browser, site_url, scheme):
    """fences.compact_code_html keeps one class per colour: every Pygments class it folds into another
    must be drawn in that colour by Material's CSS and ours, and the classes it drops in the code's own."""
    context = scheme_context(
        browser, scheme, viewport={"width": 412, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(site_url + "/en/rnn/", wait_until="load")
        classes = [
            c for members in TOKEN_COLOUR_CLASSES.values() for c in members
        ] + list(PLAIN_TOKEN_CLASSES)
        colours = page.evaluate(
            """(classes) => {
                const code = document.querySelector('.highlight pre > code');
                const probe = document.createElement('span');
                code.prepend(probe);
                const out = {code: getComputedStyle(code).color};
                for (const name of classes) {
                    probe.className = name;
                    const style = getComputedStyle(probe);
                    out[name] = [style.color, style.fontStyle, style.fontWeight].join(' ');
                }
                probe.remove();
                return out;
            }""",
            classes,
        )
    finally:
        context.close()
    plain = colours["code"] + " normal 400"
    for group, members in TOKEN_COLOUR_CLASSES.items():
        assert {colours[m] for m in members} == {colours[group]}, (
            scheme,
            group,
            {m: colours[m] for m in members},
        )
        assert colours[group] != plain, (
            scheme,
            group,
        )  # a group that looks plain would be dropped instead
    assert {colours[c] for c in PLAIN_TOKEN_CLASSES} == {plain}, (
        scheme,
        {c: colours[c] for c in PLAIN_TOKEN_CLASSES},
    )
