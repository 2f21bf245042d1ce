"""Search in Chromium, per language: the right page comes first, only pages of the reader's language are
found, axe finds no serious or critical violation in the open results, in either colour scheme, and
the page a result opens marks the words searched for."""

import itertools
import re
from urllib.parse import urlparse

import pytest

from conftest import ROOT, scheme_context

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# (page language, query, the page that must come first)
# Material turns each query word into a prefix search, so "gate*" also matches "Gated", the rare first word
# of the GRU page's title, and a title weighs 1,000 times a word of text: without the chapters' `tags:`
# (their search keywords, which weigh 1,000,000 times), "forget gate" and "output gate" found the GRU page
# first. The last two queries are not in issue 5's list; they check that those keywords keep both pages
# ranked for their own gates.
QUERIES = [
    ("zh", "递推公式", "rnn"),
    ("en", "recurrence", "rnn"),
    ("zh", "遗忘门", "lstm"),
    ("en", "forget gate", "lstm"),
    ("zh", "更新门", "gru"),
    ("en", "update gate", "gru"),
    ("zh", "有状态", "stateful"),
    ("en", "stateful", "stateful"),
    ("en", "output gate", "lstm"),
    ("zh", "重置门", "gru"),
]


def language_root(lang):
    return "/" if lang == "zh" else "/en/"


def open_search(page, site_url, lang):
    """The ``lang`` home page with its search box open."""
    page.goto(
        site_url + language_root(lang), wait_until="load"
    )  # search() waits for the results, which wait for the index
    if (
        page.viewport_size["width"] < 960
    ):  # below Material's 60em the box opens from the header's button
        page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").click()
    page.add_script_tag(path=str(AXE))


def search(page, query) -> tuple[list[str], list[str], str]:
    """Type ``query`` into the open search box, as a reader who searches again would. Returns the paths of
    the results in their order, the serious and critical violations axe finds in the open results
    (colours, and code quoted in a result, are styled by docs/assets/stylesheets/extra.css), and the
    results' text outside code."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press(
        "End"
    )  # Material searches on key events; fill() alone types without any
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__item')"
    )  # no earlier results
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    hrefs = [
        urlparse(h).path
        for h in results.evaluate_all("links => links.map(a => a.href)")
    ]
    found = page.evaluate(
        "axe.run({include: [['.md-search__output']]}, {resultTypes: ['violations']})"
    )
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    prose = page.evaluate("""() => {
        const output = document.querySelector('.md-search__output').cloneNode(true);
        output.querySelectorAll('code').forEach(code => code.remove());
        return output.textContent;
    }""")
    return hrefs, serious, prose


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One page per language, opened once; each query is typed into its search box in turn."""
    pages = {}

    def get(lang):
        if lang not in pages:
            pages[lang] = browser.new_page(
                viewport={"width": 1280, "height": 900}
            )
            open_search(pages[lang], site_url, lang)
        return pages[lang]

    yield get
    for page in pages.values():
        page.close()


@pytest.mark.parametrize("lang,query,expected", QUERIES)
def test_search_finds_the_right_page_in_the_readers_language(
    search_page, lang, query, expected
):
    hrefs, serious, prose = search(search_page(lang), query)
    assert hrefs, f"no result for {query!r}"
    assert hrefs[0] == f"{language_root(lang)}{expected}/", hrefs
    for href in hrefs:
        assert href.startswith("/en/") == (lang == "en"), (
            f"{query!r} on a {lang} page found {href}"
        )
    assert serious == [], "\n".join(serious)
    assert (
        "\\(" not in prose and "\\[" not in prose
    )  # equations are text (rnnnotes.search_math), not TeX


@pytest.mark.parametrize(
    "lang,query", [("zh", "遗忘门"), ("en", "forget gate")]
)
def test_search_results_are_legible_in_the_dark_scheme(
    browser, site_url, lang, query
):
    """Highlighted words, keyword chips and quoted code in the results, on Material's slate background."""
    context = scheme_context(
        browser, "slate", viewport={"width": 412, "height": 900}
    )
    page = context.new_page()
    try:
        open_search(page, site_url, lang)
        hrefs, serious, _ = search(page, query)
        scheme = page.evaluate(
            "document.body.getAttribute('data-md-color-scheme')"
        )
    finally:
        context.close()
    assert scheme == "slate"
    assert hrefs and serious == [], "\n".join(serious)


@pytest.mark.parametrize(
    "lang,query,expected",
    [("zh", "遗忘门", "lstm"), ("en", "update gate", "gru")],
)
def test_the_result_followed_opens_with_the_words_marked(
    browser, site_url, lang, query, expected
):
    """search.highlight: the page a result leads to marks the words searched for (Material's query words; a
    Chinese phrase jieba does not know as one word may be marked in parts)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_search(page, site_url, lang)
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
        page.locator(".md-search-result__item > a").first.click()
        page.wait_for_url(f"**{language_root(lang)}{expected}/**")
        page.wait_for_selector(
            "article mark[data-md-highlight]", state="attached"
        )
        marks = page.evaluate(
            "[...document.querySelectorAll('article mark[data-md-highlight]')].map(m => m.textContent)"
        )
    finally:
        page.close()
    assert len(marks) >= 3 and all(m.lower() in query for m in marks), marks


# (page language, query, the section whose heading holds the query). Material folds a page's sections that
# score below its best one under "N more on this page"; the section a reader names must be that best one.
SECTIONS = [
    ("zh", "遗忘门", "/lstm/#forget-gate"),
    ("zh", "更新门", "/gru/#update-gate"),
    ("zh", "细胞状态", "/lstm/#cell-state"),
    ("zh", "重置门", "/gru/#reset-gate"),
    ("en", "forget gate", "/en/lstm/#forget-gate"),
    ("en", "update gate", "/en/gru/#update-gate"),
]

RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
    shown: [...item.querySelectorAll(':scope > a')].map(a => new URL(a.href).pathname + new URL(a.href).hash),
    scores: [...item.querySelectorAll('a')].map(a => [new URL(a.href).pathname + new URL(a.href).hash,
                                                     +a.querySelector('article').dataset.mdScore]),
    marks: [...item.querySelectorAll(':scope > a mark')].map(m => m.textContent.replace(/\\u200b/g, '')),
}))"""


def search_results(page, query):
    search(page, query)
    return page.evaluate(RESULTS)


@pytest.mark.parametrize("lang,query,section", SECTIONS)
def test_the_section_named_by_the_query_comes_first(
    search_page, lang, query, section
):
    """The first result is the section whose heading holds the whole query: it scores highest of all, so it
    is shown right under its page's title, not folded away."""
    results = search_results(search_page(lang), query)
    first = results[0]
    assert first["shown"][1:2] == [section], first["shown"]
    best = max(
        (score, href) for item in results for href, score in item["scores"]
    )
    assert best[1] == section, best


@pytest.mark.parametrize("query", ["遗忘门", "更新门", "细胞状态", "重置门"])
def test_a_chinese_term_is_searched_as_one_word(search_page, query):
    """Each marked match in the first result is the whole term, not its first characters (Material cuts a
    query at the longest word of the index that begins it)."""
    marks = search_results(search_page("zh"), query)[0]["marks"]
    assert marks and all(query in mark for mark in marks), marks


@pytest.mark.parametrize(
    "lang,query",
    [("zh", "遗忘门"), ("zh", "tanh"), ("en", "tanh"), ("en", "SimpleRNN")],
)
def test_results_show_equations_as_text_and_no_code_listing(
    search_page, lang, query
):
    """A result's text reads as prose: an equation as text, a code block as the line that matches, never a
    listing or a program's output, which would fill the result. Material shows the parts of a section's
    text that match, so "tanh" shows equations that use it, and "numpy" the line that imports it."""
    page = search_page(lang)
    search(page, query)
    found = page.evaluate("""() => {
        const output = document.querySelector('.md-search__output');
        return {
            pre: output.querySelectorAll('pre').length,
            longest: Math.max(0, ...[...output.querySelectorAll('code')].map(c => c.textContent.length)),
            text: output.textContent.replace(/\\u200b/g, ''),
        };
    }""")
    assert found["pre"] == 0
    assert found["longest"] <= 100, found["longest"]  # a line, at most
    assert "\\tanh" not in found["text"] and "\\(" not in found["text"]
    if (
        query == "tanh"
    ):  # MathML's text, with U+2061 (function application) after tanh
        assert re.search(r"o[tT] ⊙ tanh\u2061?\(c[tT]\)", found["text"]), found[
            "text"
        ][:600]


@pytest.mark.parametrize(
    "query,section",
    [("遗忘门", "/lstm/#forget-gate"), ("重置门", "/gru/#reset-gate")],
)
def test_the_page_a_chinese_result_opens_marks_the_whole_term(
    browser, site_url, query, section
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_search(page, site_url, "zh")
        search(page, query)
        link = page.locator(
            f".md-search-result__item a[href*='#{section.split('#')[1]}']"
        ).first
        page.goto(
            link.evaluate("a => a.href"), wait_until="load"
        )  # as a click would, folded away or not
        page.wait_for_selector(
            "article mark[data-md-highlight]", state="attached"
        )
        marks = page.evaluate(
            "[...document.querySelectorAll('article mark[data-md-highlight]')].map(m => m.textContent)"
        )
        heading = page.evaluate(
            "id => document.getElementById(id).textContent",
            section.split("#")[1],
        )
    finally:
        page.close()
    assert query in heading
    assert len(marks) >= 3 and set(marks) == {query}, marks


# Issue 23 item 10: what a result shows is prose a reader can read, and its link marks the words.
PROSE_QUERIES = [
    ("zh", "梯度裁剪"),
    ("en", "gradient clipping"),
    ("zh", "隐状态"),
    ("en", "hidden state"),
]

RESULT_TEXTS = """() => [...document.querySelectorAll('.md-search-result__item a article')].map(
    article => article.textContent.replace(/\\u200b/g, '').replace(/\\s+/g, ' ').trim())"""


def normalised(text):
    return re.sub(r"\s+", " ", text.replace("\u200b", "")).strip()


@pytest.mark.parametrize("lang,query", PROSE_QUERIES)
def test_a_result_shows_no_code_no_output_and_no_table(
    search_page, built_site, lang, query
):
    """Material's index keeps the text of code blocks and tables, which a result showed as one run-on
    paragraph: the gradient-clipping snippet's listing line after line, a glossary table's cells in a row.
    Code blocks, outputs and tables are marked data-search-exclude (rnnnotes.page_extension)."""
    page = search_page(lang)
    search(page, query)
    texts = page.evaluate(RESULT_TEXTS)
    assert texts
    snippet = (ROOT / "snippets/training/training_clipping.py").read_text(
        encoding="utf-8"
    )
    code_lines = [
        line.strip() for line in snippet.splitlines() if len(line.strip()) > 15
    ]
    assert not [line for line in code_lines for text in texts if line in text]
    glossary = (
        built_site / ("" if lang == "zh" else "en") / "glossary" / "index.html"
    )
    rows = re.findall(
        r"<tr>(.*?)</tr>", glossary.read_text(encoding="utf-8"), re.DOTALL
    )
    cells = [
        [
            normalised(re.sub(r"<[^>]+>", "", cell))
            for cell in re.findall(r"<t[dh]>(.*?)</t[dh]>", row, re.DOTALL)
        ]
        for row in rows
    ]
    pairs = [
        f"{a} {b}"
        for row in cells
        for a, b in itertools.pairwise(row)
        if a and b
    ]
    assert len(pairs) > 20
    assert not [pair for pair in pairs for text in texts if pair in text]
    assert not [
        text for text in texts if "√(" in text
    ]  # the radical drawn without its bar, as text


@pytest.mark.parametrize("lang,query", PROSE_QUERIES[:2] + [("zh", "遗忘门")])
def test_every_result_link_marks_the_words_searched_for(
    browser, site_url, lang, query
):
    """A page's own row linked "?h=" with no words when only its sections matched (overrides/main.html fills
    them in): the page it opened had nothing marked."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_search(page, site_url, lang)
        search(page, query)
        hrefs = page.evaluate(
            "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)"
        )
        page.goto(hrefs[0], wait_until="load")
        page.wait_for_selector(
            "article mark[data-md-highlight]", state="attached", timeout=5000
        )
        marks = page.evaluate(
            "[...document.querySelectorAll('article mark[data-md-highlight]')].length"
        )
    finally:
        page.close()
    empty = [
        href
        for href in hrefs
        if "h=" in href and not re.search(r"[?&]h=[^&#]", href)
    ]
    assert empty == []
    assert marks >= 1
