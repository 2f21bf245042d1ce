"""Search in Chromium, per language: the right page comes first, and only pages of the reader's language."""

from urllib.parse import urlparse

import pytest

from conftest import DOCS

# (page language, query, the page that must come first)
QUERIES = [
    ("zh", "沿时间展开", "rnn"),
    ("en", "unrolled over time", "rnn"),
]
QUERIES += [q for q in [
    ("zh", "遗忘门", "lstm"),
    ("en", "forget gate", "lstm"),
    ("zh", "更新门", "gru"),
    ("en", "update gate", "gru"),
    ("zh", "有状态", "stateful"),
    ("en", "stateful", "stateful"),
] if (DOCS / f"{q[2]}.zh.md").exists()]


def language_root(lang):
    return "/" if lang == "zh" else "/en/"


@pytest.mark.parametrize("lang,query,expected", QUERIES)
def test_search_finds_the_right_page_in_the_readers_language(browser, site_url, lang, query, expected):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + language_root(lang), wait_until="networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.press("End")  # Material searches on key events; fill() alone types without any
        results = page.locator(".md-search-result__item > a")
        results.first.wait_for(timeout=15000)
        hrefs = [urlparse(h).path for h in results.evaluate_all("links => links.map(a => a.href)")]
    finally:
        page.close()
    assert hrefs, f"no result for {query!r}"
    assert hrefs[0] == f"{language_root(lang)}{expected}/", hrefs
    for href in hrefs:
        assert href.startswith("/en/") == (lang == "en"), f"{query!r} on a {lang} page found {href}"
