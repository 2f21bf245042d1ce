"""How the site hooks into Material's JavaScript, checked in Chromium on the built site: through its
documented ``document$`` hook and template blocks only, with Material's bundle plus only the widget
scripts a page names. Material's own features (palette toggle, toc.follow, search.share) are Material's
to test; copying is checked in test_code_blocks.py, search in test_search.py, every page's console and
requests, in both schemes, in test_browser.py."""

import re

import pytest
import yaml

from conftest import DOCS, ROOT

OURS = [ROOT / "overrides", DOCS]


def page_path(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


def widgets(lang, name):
    """The widgets a page names in its front matter (``widgets: [gate-explorer]``)."""
    text = (DOCS / f"{name}.{lang}.md").read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return (yaml.safe_load(front[1]) or {}).get("widgets", []) if front else []


def test_no_file_of_ours_reads_materials_internals():
    """Extra scripts and templates go through Material's documented hooks (``document$``, template
    blocks), not the bundle's storage helpers or component markers, which change between releases."""
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for folder in OURS
        for path in folder.rglob("*")
        if path.suffix in {".html", ".js", ".css", ".md"}
        for word in ("__md_get", "__md_set", "data-md-component")
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []


@pytest.mark.parametrize("lang,name", [("zh", "lstm"), ("en", "gru"), ("en", "index")])
def test_materials_bundle_runs_and_document_observable_emits_the_page(browser, site_url, lang, name):
    page = browser.new_page()
    try:
        page.goto(site_url + page_path(lang, name), wait_until="load")
        scripts = page.evaluate("[...document.scripts].filter(s => s.src).map(s => new URL(s.src).pathname)")
        emitted = page.evaluate("new Promise(done => document$.subscribe(d => done(d === document)))")
        has_js = page.evaluate("document.documentElement.classList.contains('js')")
        copy_buttons = page.locator("article pre > nav.md-code__nav > button.md-code__button").count()
        blocks = page.locator("article pre > code").count()
    finally:
        page.close()
    bundle = [path for path in scripts if re.fullmatch(r"/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", path)]
    assert len(bundle) == 1, scripts
    assert sorted(set(scripts) - set(bundle)) == sorted(f"/assets/javascripts/{w}.js" for w in widgets(lang, name))
    assert emitted and has_js
    assert copy_buttons == blocks  # content.code.copy: Material's button on every code block
