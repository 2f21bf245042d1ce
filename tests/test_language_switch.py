"""The language selector keeps the reader's place: both languages give every heading the same anchor, so
switching from /lstm/#gate-explorer opens /en/lstm/#gate-explorer at that heading, in both directions, and
after the reader has moved with the table of contents the switch carries the new anchor."""

from urllib.parse import urlparse

import pytest

PREFIX = {"zh": "/", "en": "/en/"}
OTHER = {"zh": "en", "en": "zh"}

# The heading's top is within the viewport's upper part, or the page is scrolled to its end with the
# heading on screen (a heading near the end cannot reach the top).
IN_VIEW = """id => {
  const top = document.getElementById(id).getBoundingClientRect().top;
  const page = document.scrollingElement;
  const atBottom = page.scrollTop + innerHeight >= page.scrollHeight - 2;
  return (top >= 0 && top <= 130) || (atBottom && top >= 0 && top < innerHeight);
}"""


def switch_language(page, lang):
    """Open the header's language selector (it opens on hover) and click the ``lang`` entry, as a reader does."""
    page.locator(".md-header .md-select").first.hover()
    link = page.locator(f".md-header a[hreflang={lang}]").first
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="load"):
        link.click()


def where(page):
    url = urlparse(page.url)
    return url.path, url.fragment


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_switch_carries_the_anchor_the_page_was_opened_at(
    page, site_url, lang
):
    page.goto(f"{site_url}{PREFIX[lang]}lstm/#gate-explorer", wait_until="load")
    switch_language(page, OTHER[lang])
    assert where(page) == (f"{PREFIX[OTHER[lang]]}lstm/", "gate-explorer")
    page.wait_for_timeout(
        300
    )  # the browser's own scroll to the anchor, after load
    assert page.evaluate(IN_VIEW, "gate-explorer")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_switch_carries_the_anchor_of_a_table_of_contents_click(
    page, site_url, lang
):
    page.goto(f"{site_url}{PREFIX[lang]}gru/", wait_until="load")
    anchors = page.evaluate(
        "[...document.querySelectorAll('article h2[id]')].map(h => h.id)"
    )
    anchor = anchors[len(anchors) // 2]
    page.locator(f".md-sidebar--secondary a[href='#{anchor}']").first.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=anchor)
    switch_language(page, OTHER[lang])
    assert where(page) == (f"{PREFIX[OTHER[lang]]}gru/", anchor)
    page.wait_for_timeout(300)
    assert page.evaluate(IN_VIEW, anchor)


def test_a_page_opened_without_an_anchor_switches_to_the_top(page, site_url):
    page.goto(f"{site_url}/en/lstm/", wait_until="load")
    switch_language(page, "zh")
    assert where(page) == ("/lstm/", "")
