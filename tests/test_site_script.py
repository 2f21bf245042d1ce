"""The site's own script (docs/assets/javascripts/site.js), which does what the pages use of Material's bundle,
in Chromium: the bundle is gone, search starts only when the reader reaches for it and is driven from the
keyboard as in Material, a result's words are marked on the page it opens, the table of contents, the address,
the header and the back-to-top button follow the scroll, and the palette follows the system until the reader
chooses one.
(Search ranking, the copy buttons and both schemes' figures have their own test files.)"""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import DOCS, scheme_context

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
TOP = 48  # Material's header height at these widths, px


def path_of(lang, name):
    prefix = "/" if lang == "zh" else "/en/"
    return prefix if name == "index" else f"{prefix}{name}/"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested = []
    page.on("request", lambda r: page.requested.append(urlparse(r.url).path))
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_load_no_material_bundle_and_no_search_until_asked(page, site_url, lang):
    for name in PAGES:
        page.requested.clear()
        page.goto(site_url + path_of(lang, name), wait_until="networkidle")
        scripts = page.evaluate("[...document.scripts].map(s => s.src).filter(Boolean)")
        assert any(s.endswith("/assets/javascripts/site.js") for s in scripts), scripts
        assert not any("bundle." in s for s in scripts), scripts
        assert page.evaluate("document.documentElement.className") == "js"
        asked = [p for p in page.requested if "search" in p or "lunr" in p]
        assert asked == [], f"{name}: fetched {asked} before the reader asked for search"
    page.locator("input.md-search__input").focus()
    index = "/search/search_index.json" if lang == "zh" else "/en/search/search_index.json"
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    page.wait_for_timeout(200)
    assert index in page.requested and any(p.startswith("/assets/javascripts/workers/search.") for p in page.requested)


def test_search_from_the_keyboard(page, site_url):
    page.goto(site_url + "/en/rnn/", wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut: / (or s, f) opens search with the box focused
    page.wait_for_function("document.getElementById('__search').checked", timeout=2000)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("forget gate")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__meta").inner_text().endswith("matching documents")
    assert page.locator(".md-search-result__list").get_attribute("role") == "list"
    chips = page.locator(".md-search-result__item .md-tag")
    tags = chips.evaluate_all("chips => chips.map(chip => chip.textContent)")
    assert "forget gate" in tags and chips.locator("mark").count() >= 1, tags  # words marked, no "<mark>" shown
    page.keyboard.press("ArrowDown")  # into the results
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert urlparse(first).path == "/en/lstm/"
    page.keyboard.press("ArrowUp")  # back to the box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    page.keyboard.press("End")
    page.wait_for_function("document.getElementById('__search').checked", timeout=2000)
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.keyboard.press("Enter")  # the best result
    url = urlparse(page.url)
    assert url.path == "/en/lstm/" and parse_qs(url.query)["h"] == ["forget gate"]


@pytest.mark.parametrize("path,words", [("/en/lstm/?h=forget", "forget"), ("/lstm/?h=遗忘门", "遗忘门")])
def test_the_words_searched_for_are_marked_on_the_page(page, site_url, path, words):
    page.goto(site_url + path, wait_until="load")
    page.wait_for_function("() => document.querySelector('mark[data-md-highlight]')", timeout=5000)
    marks = page.evaluate("[...document.querySelectorAll('mark[data-md-highlight]')].map(m => m.textContent)")
    assert len(marks) >= 3 and all(m.lower() == words for m in marks), marks
    assert page.evaluate("document.querySelectorAll('code mark, math mark').length") == 0


def test_scrolling_moves_the_toc_the_address_the_title_and_the_top_button(page, site_url):
    page.goto(site_url + "/en/lstm/", wait_until="networkidle")
    page.evaluate("window.__ys = []; addEventListener('scroll', () => __ys.push(scrollY))")
    title = "[data-md-component=header-title]"
    top = page.locator("[data-md-component=top]")
    hidden = lambda: page.evaluate("document.querySelector('[data-md-component=top]').hidden")  # noqa: E731
    assert "md-header__title--active" not in page.locator(title).get_attribute("class")
    assert hidden()  # Material's stylesheet fades a [hidden] button out (it keeps its box)
    # A reader scrolls down to "Forget gate" (as a wheel does, so the browser sends scroll events).
    for _ in range(60):
        y = page.evaluate("document.getElementById('forget-gate').getBoundingClientRect().top")
        if y < TOP + 10:
            break
        page.mouse.wheel(0, min(400, y - TOP - 5))
        page.wait_for_timeout(30)
    page.wait_for_timeout(600)  # the address follows once scrolling stops
    toc = ".md-sidebar--secondary a.md-nav__link"
    active = page.evaluate(f"[...document.querySelectorAll('{toc}.md-nav__link--active')].map(a => a.hash)")
    passed = page.evaluate(f"[...document.querySelectorAll('{toc}.md-nav__link--passed')].map(a => a.hash)")
    assert active == ["#forget-gate"]
    assert passed == ["#cell-state", "#gates-activations", "#forget-gate"]
    assert urlparse(page.url).fragment == "forget-gate"
    assert "md-header__title--active" in page.locator(title).get_attribute("class")
    assert hidden(), page.evaluate("__ys")  # only on the way up
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => !document.querySelector('[data-md-component=top]').hidden")
    top.click()
    page.wait_for_function("() => scrollY === 0")
    page.wait_for_timeout(600)
    assert urlparse(page.url).fragment == ""


def test_a_link_to_a_late_section_lands_on_it(page, site_url):
    """The address the table of contents keeps, opened again, shows that section under the header."""
    page.goto(site_url + "/en/lstm/#lstm-keras-summary", wait_until="networkidle")
    page.wait_for_timeout(300)
    y = page.evaluate("document.getElementById('lstm-keras-summary').getBoundingClientRect().top")
    assert 0 <= y <= TOP + 40, y
    assert page.evaluate("document.querySelector('.md-sidebar--secondary .md-nav__link--active').hash") == "#lstm-keras-summary"


def test_the_sidebar_list_fits_the_window(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 400})
    page = context.new_page()
    try:
        page.goto(site_url + "/en/lstm/", wait_until="networkidle")
        wrap = ".md-sidebar--secondary .md-sidebar__scrollwrap"
        box = page.evaluate(f"(() => {{const r = document.querySelector('{wrap}').getBoundingClientRect(); return [r.bottom, innerHeight]}})()")
        assert box[0] <= box[1], box
        assert page.evaluate(f"document.querySelector('{wrap}').scrollHeight > document.querySelector('{wrap}').clientHeight")
    finally:
        context.close()


def test_palette_follows_the_system_until_the_reader_chooses(browser, site_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url + "/en/", wait_until="networkidle")
        scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
        theme = lambda: page.evaluate("document.querySelector('meta[name=color-scheme]').content")  # noqa: E731
        assert (scheme(), theme()) == ("default", "light")
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert theme() == "dark"
        assert page.evaluate("localStorage.length") == 0  # not chosen, so not remembered
        page.locator("form[data-md-component=palette] input:checked").focus()
        page.keyboard.press("Enter")  # Enter on the toggle switches, as a click does
        assert (scheme(), theme()) == ("default", "light")
        page.emulate_media(color_scheme="light")
        page.emulate_media(color_scheme="dark")
        page.wait_for_timeout(100)
        assert scheme() == "default"  # the reader's choice stays
        page.reload(wait_until="networkidle")
        assert scheme() == "default"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_theme_color_is_the_header_colour(browser, site_url, scheme):
    context = scheme_context(browser, scheme)
    page = context.new_page()
    try:
        page.goto(site_url + "/en/gru/", wait_until="load")
        meta = page.evaluate("document.querySelector('meta[name=theme-color]').content")
        drawn = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    finally:
        context.close()
    assert "#" + "".join(f"{int(v):02x}" for v in re.findall(r"\d+", drawn)[:3]) == meta


def test_copy_is_announced(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + "/gru/", wait_until="networkidle")
        page.locator("button.md-code__button").first.click()
        expected = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['clipboard.copied']")
        assert expected == "已复制"
        page.wait_for_function(f"document.querySelector('.md-dialog [role=status]').textContent === {expected!r}",
                               timeout=5000)  # written once the clipboard has taken the text
        assert "md-dialog--active" in page.locator(".md-dialog").get_attribute("class")
    finally:
        context.close()


def test_n_and_p_go_to_the_next_and_previous_page(page, site_url):
    page.goto(site_url + "/en/lstm/", wait_until="networkidle")
    nxt = page.evaluate("document.querySelector('link[rel=next]').href")
    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url == nxt
    with page.expect_navigation():
        page.keyboard.press("p")
    assert urlparse(page.url).path == "/en/lstm/"


def test_a_search_address_opens_search_with_its_results(page, site_url):
    page.goto(site_url + "/en/?q=stateful", wait_until="load")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.locator("input.md-search__input").input_value() == "stateful"
    assert urlparse(page.locator(".md-search-result__item > a").first.get_attribute("href")).path == "/en/stateful/"
    page.keyboard.press("Escape")
    assert "q=" not in page.url  # closed, the address no longer reopens it


def test_on_a_phone_a_section_link_in_the_drawer_closes_it(browser, site_url):
    context = browser.new_context(viewport={"width": 412, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/en/gru/", wait_until="networkidle")
        page.locator("label.md-header__button[for=__drawer]").click()
        assert page.evaluate("document.getElementById('__drawer').checked")
        link = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link").nth(1)
        page.locator(".md-sidebar--primary label.md-nav__link[for=__toc]").click()  # the page: its sections
        link.click()
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        assert urlparse(page.url).fragment == urlparse(link.get_attribute("href")).fragment
    finally:
        context.close()


def test_a_link_into_closed_details_opens_them(page, site_url):
    """No page has a collapsible block yet (`??? note`); the script opens one that a link points into."""
    page.goto(site_url + "/en/rnn/", wait_until="networkidle")
    page.evaluate("""document.querySelector('.md-content__inner').insertAdjacentHTML('beforeend',
        '<details class="note"><summary>More</summary><p id="inside-details">Hidden text</p></details>')""")
    assert not page.evaluate("document.querySelector('details.note').open")
    page.evaluate("location.hash = '#inside-details'")
    page.wait_for_function("() => document.querySelector('details.note').open")


TABS = """<div class="tabbed-set tabbed-alternate" data-tabs="9:2"><input checked="checked" id="__tabbed_9_1"
 name="__tabbed_9" type="radio"><input id="__tabbed_9_2" name="__tabbed_9" type="radio"><div class="tabbed-labels">
<label for="__tabbed_9_1">Keras 3</label><label for="__tabbed_9_2">Keras 2, the seed's code</label></div>
<div class="tabbed-content"><div class="tabbed-block"><p>one</p></div><div class="tabbed-block"><p>two</p></div>
</div></div>"""


def test_the_selected_content_tab_is_underlined(page, site_url):
    """No page has content tabs yet (pymdownx.tabbed is on); the page is served with one, in the markup
    pymdownx.tabbed writes, and the bar under the selected tab must sit under that tab's label."""

    def with_tabs(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("<h2 ", TABS + "<h2 ", 1))

    page.route("**/en/rnn/", with_tabs)
    page.goto(site_url + "/en/rnn/", wait_until="networkidle")

    def bar_and_label(n):
        return page.evaluate(f"""(() => {{
            const labels = document.querySelector('.tabbed-labels'), label = labels.children[{n}];
            const style = getComputedStyle(labels);
            return [style.getPropertyValue('--md-indicator-x'), style.getPropertyValue('--md-indicator-width'),
                    label.offsetLeft + 'px', label.offsetWidth + 'px'];
        }})()""")

    x, width, left, label_width = bar_and_label(0)
    assert (x, width) == (left, label_width) and width != "0px"
    page.locator("label[for=__tabbed_9_2]").click()
    x, width, left, label_width = bar_and_label(1)
    assert (x, width) == (left, label_width) and x != "0px"
