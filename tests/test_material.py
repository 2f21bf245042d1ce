"""What the pages take from Material's own JavaScript bundle, checked in Chromium on the built site: the
bundle and its ``document$`` hook, the palette toggle and its memory, the table of contents and the address
following the scroll, search suggestions and a shared search address. Copy buttons are checked in test_code_blocks.py, search and its highlighting in
test_search.py, and every page's console and requests, in both schemes, in test_browser.py."""

import re
from urllib.parse import urlparse

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
        first = page.locator("article pre > code").first  # content.lazy: mounted once in view
        first.scroll_into_view_if_needed()
        first.locator("xpath=..").locator("nav.md-code__nav > button.md-code__button").wait_for()
    finally:
        page.close()
    bundle = [path for path in scripts if re.fullmatch(r"/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", path)]
    assert len(bundle) == 1, scripts
    ours = ["/assets/javascripts/animations.js"]  # every page: mkdocs.yml's extra_javascript
    assert sorted(set(scripts) - set(bundle)) == sorted(ours + [f"/assets/javascripts/{w}.js" for w in widgets(lang, name)])
    assert emitted and has_js


def header_colours(page):
    return page.evaluate("""() => ({
        scheme: document.body.getAttribute('data-md-color-scheme'),
        theme: [...document.querySelectorAll('meta[name=theme-color]')].map(m => m.content),
        colorScheme: document.querySelector('meta[name=color-scheme]').content,
        header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
    })""")


def as_hex(rgb):
    return "#" + "".join(f"{int(v):02x}" for v in re.findall(r"\d+", rgb)[:3])


def test_the_palette_toggle_switches_the_scheme_and_the_next_page_keeps_it(browser, site_url):
    """Opened with a light system, switched with the header's toggle, then another page in the other
    language: the reader's choice holds there too. The phone's address bar takes the header's colour."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/lstm/", wait_until="networkidle")
        first = header_colours(page)
        page.locator("form.md-header__option label.md-header__button:not([hidden])").click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        switched = header_colours(page)
        page.goto(site_url + "/en/gru/", wait_until="networkidle")
        next_page = header_colours(page)
        toggle = page.locator("form.md-header__option label.md-header__button:not([hidden])").get_attribute("title")
    finally:
        context.close()
    assert (first["scheme"], first["colorScheme"]) == ("default", "light")
    assert (switched["scheme"], switched["colorScheme"]) == ("slate", "dark")
    assert (next_page["scheme"], next_page["colorScheme"]) == ("slate", "dark")
    assert toggle == "Light / 浅色"  # the toggle now offers the way back
    for state in (first, switched, next_page):
        assert state["theme"] == [as_hex(state["header"])], state


# The heading just below the header, where a link to it puts it.
SCROLL_BELOW_HEADER = """id => {
  const below = document.querySelector('.md-header').offsetHeight + 12;
  scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - below);
}"""
ACTIVE = """() => {
  const active = document.querySelectorAll('.md-sidebar--secondary a.md-nav__link--active');
  return [...active].map(a => a.hash);
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_of_contents_and_the_address_follow_the_scroll(browser, site_url, lang):
    """toc.follow marks the section being read in the table of contents; navigation.tracking puts it in
    the address, so a reader who copies the address shares that section."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + page_path(lang, "lstm"), wait_until="networkidle")
        headings = page.evaluate("[...document.querySelectorAll('article h2[id]')].map(h => h.id)")
        assert len(headings) >= 4
        assert urlparse(page.url).fragment == ""
        for target in (headings[len(headings) // 2], headings[1]):  # down the page, then back up
            page.evaluate(SCROLL_BELOW_HEADER, target)
            page.mouse.wheel(0, 1)  # a reader's scroll event, as a wheel sends it
            page.wait_for_function("id => location.hash === '#' + id", arg=target)
            assert page.evaluate(ACTIVE)[-1:] == [f"#{target}"]
    finally:
        page.close()


def test_search_suggests_a_word_and_shares_an_address_that_opens_the_same_search(browser, site_url):
    """search.suggest completes the word being typed; search.share gives the search's address, and that
    address opens the search box with the same first result."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/en/", wait_until="networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("forg")
        box.press("End")  # Material searches on key events
        page.wait_for_function("() => document.querySelector('.md-search__suggest').textContent.trim()")
        suggested = page.evaluate("document.querySelector('.md-search__suggest').textContent.trim()")
        box.fill("update gate")
        box.press("End")
        share = page.locator("nav.md-search__options a[data-md-component=search-share]")
        page.wait_for_function("a => new URL(a.href).searchParams.get('q') === 'update gate'", arg=share.element_handle())
        address = share.evaluate("a => a.href")
        shared = context.new_page()
        shared.goto(address, wait_until="networkidle")
        shared.locator(".md-search-result__item > a").first.wait_for()
        opened = shared.evaluate("""() => [
            document.getElementById('__search').checked,
            document.querySelector('input.md-search__input').value,
            document.querySelector('.md-search-result__item > a').pathname,
        ]""")
    finally:
        context.close()
    assert suggested == "forget"
    assert urlparse(address).path == "/en/"
    assert opened == [True, "update gate", "/en/gru/"]
