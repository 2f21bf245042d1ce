"""Search in Chromium, per language: the right page comes first, and only pages of the reader's language."""

from urllib.parse import urlparse

import pytest

# (page language, query, the page that must come first)
# Material turns each query word into a prefix search, so "gate*" also matches the GRU page's title
# "Gated recurrent units", whose rare word outweighs the LSTM's "Forget gate" section. Known, open.
FORGET_GATE_RANKING = pytest.mark.xfail(
    strict=True, reason="'gate*' matches the GRU title 'Gated recurrent units' (issue 5)"
)

QUERIES = [
    ("zh", "递推公式", "rnn"),
    ("en", "recurrence", "rnn"),
    ("zh", "遗忘门", "lstm"),
    pytest.param("en", "forget gate", "lstm", marks=FORGET_GATE_RANKING),
    ("zh", "更新门", "gru"),
    ("en", "update gate", "gru"),
    ("zh", "有状态", "stateful"),
    ("en", "stateful", "stateful"),
]


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
