"""axe-core (pinned in package.json) in Chromium: no serious or critical violation of any rule axe runs
by default (WCAG A and AA, colour contrast among them, and best practices), and every figure has alt
text in its page's language.

- Every page in both languages at a laptop's width (1280 px), where the navigation and the table of
  contents are sidebars, over the whole page.
- At a phone's width (412 px), where they are drawers and the header has other buttons, the home page
  and the longest chapter in both languages (every page has the same template around its article,
  and the article's colours do not depend on the width), and the 404 page.
- In the dark (slate) scheme, the same two pages in both languages: code, outputs, tables, download
  links, custom CSS.
The gate explorer, built only when the reader reaches it, is checked in test_gate_explorer.py.
(Lighthouse, which ran axe's rules at a phone's width too, is a measurement: `make bench`.)"""

import os
import re
from urllib.parse import urlparse

import pytest

from conftest import DOCS, ROOT, scheme_context

pytestmark = pytest.mark.audit  # run by `make audit` (pytest.ini)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
HAN = re.compile(r"[\u4e00-\u9fff]")
LONGEST = max(PAGES, key=lambda name: (DOCS / f"{name}.en.md").stat().st_size)


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


def open_page(page, url):
    """Load a page fully before auditing it. "networkidle" alone can come before a long page has been
    parsed and Material's script has run (the figures are lazy, so the network goes quiet early)."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def axe_violations(page):
    """Serious and critical violations of axe's default rules on the page. Every block of the article is laid out first: axe checks the colours of what is drawn, and
    docs/assets/stylesheets/perf.css leaves blocks far from the viewport undrawn."""
    page.add_style_tag(
        content=".md-content__inner > * { content-visibility: visible !important; }"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violation(browser, site_url, name, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_page(page, site_url + page_path(lang, name))
        serious = axe_violations(page)
        alts = page.evaluate(
            "[...document.querySelectorAll('article img')].map(i => i.alt)"
        )
    finally:
        page.close()
    assert serious == [], "\n".join(serious)
    for alt in alts:
        assert len(alt) >= 20, f"alt text too short: {alt!r}"
        assert bool(HAN.search(alt)) == (lang == "zh"), (
            f"alt text not in {lang}: {alt!r}"
        )


def test_404_page_is_accessible_and_bilingual(browser, site_url):
    page = browser.new_page(viewport={"width": 412, "height": 900})
    try:
        open_page(page, site_url + "/404.html")
        serious = axe_violations(page)
        text = page.evaluate("document.querySelector('article').innerText")
        links = page.evaluate(
            "[...document.querySelectorAll('article a')].map(a => new URL(a.href).pathname)"
        )
        lang = page.evaluate("document.documentElement.lang")
    finally:
        page.close()
    assert serious == [], "\n".join(serious)
    assert "页面不存在" in text and "Page not found" in text
    prefix = urlparse(
        os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    ).path.rstrip("/")
    homes = {"zh": f"{prefix}/", "en": f"{prefix}/en/"}
    # the page's own language (the build that wrote it) first, then the other
    assert links == [homes[lang], *(v for k, v in homes.items() if k != lang)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted({LONGEST, "index"}))
def test_no_serious_accessibility_violation_at_a_phones_width(
    browser, site_url, name, lang
):
    page = browser.new_page(viewport={"width": 412, "height": 900})
    try:
        open_page(page, site_url + page_path(lang, name))
        serious = axe_violations(page)
    finally:
        page.close()
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted({LONGEST, "index"}))
def test_no_serious_accessibility_violation_in_the_dark_scheme(
    browser, site_url, name, lang
):
    context = scheme_context(
        browser, "slate", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        open_page(page, site_url + page_path(lang, name))
        assert (
            page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            == "slate"
        )
        serious = axe_violations(page)
    finally:
        context.close()
    assert serious == [], "\n".join(serious)
