"""axe-core (pinned in package.json) in Chromium on every page in both languages: no serious or
critical violation; every figure has alt text in its page's language. In the dark (slate) scheme too,
on the longest chapter and the home page: code, outputs, tables, download links, custom CSS.

axe runs on every page twice, at two widths:
- at a phone's width (412 px), where the navigation and the table of contents are drawers, inside
  Lighthouse's accessibility category (lighthouserc.cjs asserts a score of 100, and the two axe rules
  Lighthouse weighs at 0 passing): axe's WCAG A and AA rules, colour contrast among them, over the whole page;
- here, at a laptop's width (1280 px), where they are sidebars: every rule axe runs by default, best
  practices included. Colour contrast, the slowest rule by far (about 2 ms for each element of an
  equation), is left to the phone-width run inside the article, whose colours do not depend on the
  width; here it checks everything around the article, which only this width shows as sidebars.
The gate explorer, built only when the reader reaches it, is checked in test_gate_explorer.py."""

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


def axe_violations(page, contrast_in_article=True):
    """Serious and critical violations of axe's default rules on the page. With
    ``contrast_in_article=False``, colour contrast is checked only outside the article (see above).
    Every block of the article is laid out first: axe checks the colours of what is drawn, and
    docs/assets/stylesheets/perf.css leaves blocks far from the viewport undrawn."""
    page.add_style_tag(content=".md-content__inner > * { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    if contrast_in_article:
        script = "axe.run(document, {resultTypes: ['violations']})"
    else:
        script = """(async () => {  // one axe run at a time: axe refuses a second while one runs
            const all = await axe.run(document, {resultTypes: ['violations'],
                                                 rules: {'color-contrast': {enabled: false}}});
            const around = await axe.run({exclude: [['article']]},
                                         {resultTypes: ['violations'], runOnly: ['color-contrast']});
            return {violations: all.violations.concat(around.violations)};
        })()"""
    result = page.evaluate(script)
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
        serious = axe_violations(page, contrast_in_article=False)
        alts = page.evaluate("[...document.querySelectorAll('article img')].map(i => i.alt)")
    finally:
        page.close()
    assert serious == [], "\n".join(serious)
    for alt in alts:
        assert len(alt) >= 20, f"alt text too short: {alt!r}"
        assert bool(HAN.search(alt)) == (lang == "zh"), f"alt text not in {lang}: {alt!r}"


def test_404_page_is_accessible_and_bilingual(browser, site_url):
    page = browser.new_page(viewport={"width": 412, "height": 900})
    try:
        open_page(page, site_url + "/404.html")
        serious = axe_violations(page)
        text = page.evaluate("document.querySelector('article').innerText")
        links = page.evaluate("[...document.querySelectorAll('article a')].map(a => new URL(a.href).pathname)")
    finally:
        page.close()
    assert serious == [], "\n".join(serious)
    assert "页面不存在" in text and "Page not found" in text
    prefix = urlparse(os.environ.get("SITE_URL", "http://127.0.0.1:8000/")).path.rstrip("/")
    assert links == [f"{prefix}/", f"{prefix}/en/"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted({LONGEST, "index"}))
def test_no_serious_accessibility_violation_in_the_dark_scheme(browser, site_url, name, lang):
    context = scheme_context(browser, "slate", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site_url + page_path(lang, name))
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        serious = axe_violations(page)
    finally:
        context.close()
    assert serious == [], "\n".join(serious)
