"""The acrostic writer: poem_decode and poem_export against hand-made cases, and the page's widget in
Chromium, in both languages, at a phone's and a laptop's width, against poem_decode.acrostic run on the
very model file the site serves.

Until the chapter's page (docs/poem.*.md) exists, the widget is tested on a scratch copy of a built page
holding only its container, served beside the built site's assets; the page itself once it exists."""

import functools
import gzip
import http.server
import re
import threading

import numpy as np
import pytest
from poem_decode import (
    Rng,
    acrostic,
    body_mask,
    generate,
    random_weights,
    sample,
    step,
)
from poem_export import BUDGET, export, largest_logit_change, load

from conftest import DOCS, ROOT, assert_shape_error, scheme_context

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HAN = re.compile(r"[\u4e00-\u9fff]")
MODEL_URI = "assets/poem/poem-model.bin"
SCRATCH = "poem-writer-test"
TOKENS = ["<s>", "，", "。", "、", *"春夏秋冬山水风月花鸟云雨日夜江天"]


def tiny():
    return random_weights(TOKENS, width=6, units=10, seed=3)


# -- poem_decode ------------------------------------------------------------------------------------


def test_rng_is_mulberry32():
    """The first numbers of the reference JavaScript mulberry32 (computed with node for these seeds)."""
    expected = {
        0: [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197],
        42: [0.6011037519201636, 0.44829055899754167, 0.8524657934904099],
        2**32 - 1: [0.8964226141106337, 0.189478256739676, 0.7156526781618595],
    }
    for seed, values in expected.items():
        rng = Rng(seed)
        assert [rng.next() for _ in values] == values, seed


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, "7"])
def test_rng_refuses_a_seed_outside_uint32(seed):
    with pytest.raises(ValueError, match="seed: expected an integer"):
        Rng(seed)


def test_greedy_takes_the_lowest_index_of_a_tie_and_draws_nothing():
    rng = Rng(5)
    logits = np.array([1.0, 3.0, 0.5, 3.0, 3.0])
    assert sample(logits, 0, rng) == 1
    assert sample(logits, 0, rng, allowed=[1, 0, 1, 1, 1]) == 3
    assert rng.state == 5  # no number drawn


def test_sampling_walks_the_running_sum_in_index_order():
    logits = np.log(np.array([1.0, 2.0, 3.0, 4.0]))  # p = 0.1, 0.2, 0.3, 0.4
    for seed in range(20):
        u = Rng(seed).next()
        expected = int(
            np.searchsorted(np.cumsum([1, 2, 3, 4]) / 10, u, side="right")
        )
        assert sample(logits, 1.0, Rng(seed)) == expected, (seed, u)


def test_the_mask_and_top_k_keep_what_they_allow():
    logits = np.array([5.0, 1.0, 4.0, 4.0, 0.0, 3.0])
    allowed = np.array([0, 1, 1, 1, 1, 1], bool)
    drawn = {sample(logits, 5.0, Rng(s), allowed) for s in range(300)}
    assert drawn == {
        1,
        2,
        3,
        4,
        5,
    }  # a high temperature reaches every allowed index, never index 0
    top = {sample(logits, 5.0, Rng(s), allowed, top_k=2) for s in range(300)}
    assert top == {2, 3}
    tie = {sample(logits, 5.0, Rng(s), allowed, top_k=1) for s in range(50)}
    assert tie == {2}  # 2 and 3 tie: the lower index is kept


def test_acrostic_forces_heads_and_line_ends_and_samples_only_characters():
    weights = tiny()
    for heads, n, temperature in [
        ("春夏秋冬", 5, 0.8),
        ("山", 7, 1.5),
        ("", 5, 0),
    ]:
        lines = acrostic(weights, heads, n, temperature, seed=11)
        assert [line[-1] for line in lines] == ["，", "。", "，", "。"]
        assert all(len(line) == n + 1 for line in lines)
        assert [line[0] for line in lines[: len(heads)]] == list(heads)
        body = "".join(line[:-1] for line in lines)
        assert all(body_mask(TOKENS)[TOKENS.index(ch)] for ch in body), body
        assert acrostic(weights, heads, n, temperature, seed=11) == lines


def test_forced_tokens_are_fed_like_sampled_ones():
    """Greedy decoding, stepped by hand: each line's first character forced, the rest argmax over characters."""
    weights = tiny()
    allowed = body_mask(TOKENS)
    state, text = None, ""
    logits, state = step(weights, 0, state)
    for head, end in zip("春夏秋冬", "，。，。", strict=True):
        line = [TOKENS.index(head)]
        logits, state = step(weights, line[0], state)
        for _ in range(4):
            line.append(int(np.argmax(np.where(allowed, logits, -np.inf))))
            logits, state = step(weights, line[-1], state)
        line.append(TOKENS.index(end))
        logits, state = step(weights, line[-1], state)
        text += "".join(TOKENS[k] for k in line)
    assert "".join(acrostic(weights, "春夏秋冬", 5, 0, seed=1)) == text


def test_generate_feeds_the_prefix_then_samples():
    weights = tiny()
    text = generate(weights, 10, 0.9, seed=3, prefix="春风")
    assert text.startswith("春风") and len(text) == 12 and "<s>" not in text


@pytest.mark.parametrize(
    "heads, n, message",
    [
        ("春夏秋冬", 6, "n: expected 5 or 7"),
        ("春夏秋冬山", 5, "heads: expected at most 4"),
        ("春X秋龘", 5, "heads: X 龘 not in the model's vocabulary"),
        ("春、", 5, "heads: 、 cannot start a line"),
    ],
)
def test_acrostic_names_what_is_wrong(heads, n, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        acrostic(tiny(), heads, n, 0.8, seed=1)


def test_wrong_shapes_are_named():
    weights = tiny()
    bad = dict(weights, recurrent_kernel=np.zeros((10, 30)))
    assert_shape_error(
        step,
        dict(weights=bad, token_index=0, state=None),
        "recurrent_kernel",
        "(U=10, 4U=40)",
        "(10, 30)",
    )
    bad = dict(weights, dense_bias=np.zeros(5))
    assert_shape_error(
        acrostic,
        dict(weights=bad, heads="春", n=5, temperature=0, seed=1),
        "dense_bias",
        "(V=20,)",
        "(5,)",
    )
    assert_shape_error(
        step,
        dict(weights=weights, token_index=0, state=(np.zeros(9), np.zeros(10))),
        "state h",
        "(10,)",
        "(9,)",
    )
    assert_shape_error(
        sample,
        dict(logits=np.zeros((2, 3)), temperature=1, rng=Rng(1)),
        "logits",
        "(V,)",
        "(2, 3)",
    )


# -- poem_export ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bits", [8, 6])
def test_export_round_trip(bits):
    weights = random_weights(TOKENS, width=12, units=20, seed=8)
    data = export(weights, bits)
    assert export(weights, bits) == data  # same weights, same bytes
    loaded = load(data)
    assert loaded["tokens"] == TOKENS
    top = 2 ** (bits - 1) - 1
    for name, axis in [
        ("embedding", 1),
        ("kernel", 0),
        ("recurrent_kernel", 0),
        ("dense_kernel", 0),
    ]:
        original = np.asarray(weights[name], np.float64)
        step_size = np.abs(original).max(axis=axis, keepdims=True) / top
        assert loaded[name].shape == original.shape
        assert np.all(
            np.abs(loaded[name] - original) <= step_size / 2 * (1 + 1e-6)
        ), name
        assert np.abs(loaded[name] - original).max() > 0, (
            name
        )  # really quantised
    for name in ("bias", "dense_bias"):
        assert np.array_equal(
            loaded[name], np.asarray(weights[name], np.float32)
        )
    change = largest_logit_change(weights, loaded, [[0, 4, 5, 1, 6, 7, 2]])
    assert 0 < change < (0.05 if bits == 8 else 0.2), change


def test_load_refuses_another_file():
    with pytest.raises(ValueError, match="not a poem model file"):
        load(b"PK\x03\x04 not a model")


def test_the_site_serves_the_model_within_its_budget(built_site):
    data = (built_site / MODEL_URI).read_bytes()
    assert len(gzip.compress(data, 9)) <= BUDGET
    weights = load(data)
    assert {"春", "夏", "秋", "冬", "，", "。"} <= set(weights["tokens"])
    assert not (
        built_site / "en" / MODEL_URI
    ).exists()  # one file for both languages
    if (
        DOCS / "poem.zh.md"
    ).is_file():  # the chapter's trained model, not the stand-in
        assert len(weights["tokens"]) > 500


# -- the widget in Chromium -------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _scratch_page(built, lang):
    """A built page of the site with the article replaced by the widget's container, and the widget's
    stylesheet and script in its head, as overrides/main.html adds them for `widgets: [poem-writer]`."""
    source = built / ("rnn" if lang == "zh" else "en/rnn") / "index.html"
    html = source.read_text(encoding="utf-8")
    up = re.search(r'href="([./]*)assets/stylesheets/extra\.css', html)[1]
    head = (
        f'<link rel="stylesheet" href="{up}assets/stylesheets/poem-writer.css">'
        f'<script src="{up}assets/javascripts/poem-writer.js" defer></script></head>'
    )
    html = html.replace("</head>", head, 1)
    html = re.sub(
        r'(<article class="md-content__inner md-typeset">).*?(</article>)',
        r'\1<h1 id="poem">Poem</h1><div class="poem-writer" id="poem-writer"></div>\2',
        html,
        count=1,
        flags=re.S,
    )
    return html


@pytest.fixture(scope="module")
def writer_pages(built_site, site_url, tmp_path_factory):
    """{lang: URL of a page with the widget}."""
    if (DOCS / "poem.zh.md").is_file():
        yield {"zh": f"{site_url}/poem/", "en": f"{site_url}/en/poem/"}
        return
    served = tmp_path_factory.mktemp("poem-writer-site")
    (served / "en").mkdir()
    for folder in (
        built_site,
        built_site / "en",
    ):  # all but the pages: the scratch page replaces them
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name != "en":
                (served / entry.relative_to(built_site)).symlink_to(entry)
    for lang, prefix in (("zh", ""), ("en", "en/")):
        folder = served / prefix / SCRATCH
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(
            _scratch_page(built_site, lang), encoding="utf-8"
        )
    handler = functools.partial(_Quiet, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    yield {"zh": f"{url}/{SCRATCH}/", "en": f"{url}/en/{SCRATCH}/"}
    server.shutdown()


@pytest.fixture(scope="module")
def served_model(built_site):
    """The weights the browser computes with: the site's model file, loaded as numpy loads it."""
    return load((built_site / MODEL_URI).read_bytes())


def open_widget(browser, url, width, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, **options
    )
    page = context.new_page()
    page.errors, page.model_requests = [], []
    page.on(
        "console", lambda m: m.type == "error" and page.errors.append(m.text)
    )
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            r.url.endswith("poem-model.bin")
            and page.model_requests.append(r.url)
        ),
    )
    page.goto(url, wait_until="load")
    page.wait_for_selector("#poem-writer .pw-write")
    page.locator("#poem-writer").scroll_into_view_if_needed()
    return page


def settings(page, heads, n, temperature, seed):
    page.fill("#pw-heads", heads)
    page.locator("#pw-temperature").evaluate(
        "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }",
        str(temperature),
    )
    page.check(f"#poem-writer input[name=pw-length][value='{n}']")
    page.fill("#pw-seed", str(seed))


def written(page, state="done"):
    page.wait_for_function(
        f"document.getElementById('poem-writer').dataset.state === '{state}'",
        timeout=30000,
    )
    return page.locator("#poem-writer .pw-line").all_text_contents()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "width, n, temperature, seed", [(390, 5, 0.8, 1), (1280, 7, 1.2, 2025)]
)
def test_the_poem_is_numpys_acrostic(
    browser, writer_pages, served_model, lang, width, n, temperature, seed
):
    page = open_widget(browser, writer_pages[lang], width)
    try:
        page.wait_for_timeout(300)
        assert page.model_requests == []  # not before the reader asks
        settings(page, "春夏秋冬", n, temperature, seed)
        page.click("#poem-writer .pw-write")
        lines = written(page)
        assert lines == acrostic(served_model, "春夏秋冬", n, temperature, seed)
        assert [line[0] for line in lines] == list("春夏秋冬")
        assert [len(line) for line in lines] == [n + 1] * 4
        said = page.locator("#poem-writer [aria-live=polite]").text_content()
        assert "".join(lines) in said and bool(
            HAN.search(said.replace("".join(lines), ""))
        ) == (lang == "zh")
        settings(
            page, "秋", n, 0, seed
        )  # greedy, one head; the model is not fetched again
        page.click("#poem-writer .pw-write")
        page.wait_for_function(
            "document.querySelector('#poem-writer .pw-line').textContent.startsWith('秋')"
        )
        assert written(page) == acrostic(served_model, "秋", n, 0, seed)
        assert len(page.model_requests) == 1
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.getElementById('poem-writer').getBoundingClientRect().right]"
        )
        assert max(widths) <= width, widths
        small = page.evaluate(
            """() => [...document.querySelectorAll('#poem-writer :is(button, input:not([type=radio]), .pw-choice)')]
                 .filter(e => e.getBoundingClientRect().height < 43.5).map(e => e.id || e.className)"""
        )
        assert small == [], f"touch targets under 44 px tall: {small}"
        assert page.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_character_outside_the_vocabulary_gets_a_message_and_no_poem(
    browser, writer_pages, served_model, lang
):
    tokens = set(served_model["tokens"])
    strangers = [ch for ch in "龘靐齉X" if ch not in tokens][:2]
    page = open_widget(browser, writer_pages[lang], 390)
    try:
        settings(page, "春" + "".join(strangers), 5, 0.8, 1)
        page.click("#poem-writer .pw-write")
        written(page, "error")
        message = page.locator("#poem-writer [role=status]").text_content()
        assert all(ch in message for ch in strangers), message
        words = message
        for ch in strangers:
            words = words.replace(ch, "")
        assert bool(HAN.search(words)) == (lang == "zh"), message
        assert (
            "".join(page.locator("#poem-writer .pw-line").all_text_contents())
            == ""
        )
        settings(page, "春", 5, 0.8, 1)  # corrected, it writes
        page.click("#poem-writer .pw-write")
        assert written(page) == acrostic(served_model, "春", 5, 0.8, 1)
        assert page.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keyboard_alone_writes_a_poem(
    browser, writer_pages, served_model, lang
):
    page = open_widget(browser, writer_pages[lang], 390)
    try:
        page.focus("#pw-heads")
        page.keyboard.press("Control+A")
        page.keyboard.type("冬秋")
        page.keyboard.press("Tab")  # the temperature
        for key in ("ArrowLeft", "ArrowLeft", "ArrowLeft"):  # 0.8 -> 0.5
            page.keyboard.press(key)
        page.keyboard.press("Tab")  # the line length, 5 chosen
        page.keyboard.press("ArrowRight")  # 7
        page.keyboard.press("Tab")  # the seed
        page.keyboard.press("Control+A")
        page.keyboard.type("77")
        page.keyboard.press("Tab")
        assert page.evaluate(
            "document.activeElement.classList.contains('pw-write')"
        )
        page.keyboard.press("Enter")
        assert written(page) == acrostic(served_model, "冬秋", 7, 0.5, 77)
        page.focus("#pw-seed")
        page.keyboard.press("ArrowUp")  # 78; Enter in any field writes too
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.getElementById('pw-seed').value === '78'"
        )
        assert written(page) == acrostic(served_model, "冬秋", 7, 0.5, 78)
    finally:
        page.context.close()


def test_reduced_motion_shows_the_poem_at_once_and_otherwise_it_grows(
    browser, writer_pages
):
    watch = """() => { window.seen = []; new MutationObserver(() => window.seen.push(
        document.querySelector('#poem-writer .pw-poem').textContent.length)).observe(
        document.querySelector('#poem-writer .pw-poem'), {childList: true, subtree: true, characterData: true}); }"""
    for motion, grows in (("reduce", False), ("no-preference", True)):
        page = open_widget(
            browser, writer_pages["zh"], 390, reduced_motion=motion
        )
        try:
            page.evaluate(watch)
            page.click("#poem-writer .pw-write")
            lines = written(page)
            seen = [k for k in page.evaluate("window.seen") if k]
            full = len("".join(lines))
            assert any(k < full for k in seen) == grows, (motion, seen)
            assert seen[-1] == full
        finally:
            page.context.close()


@pytest.mark.parametrize(
    "lang, scheme",
    [("zh", "default"), ("en", "default"), ("zh", "slate"), ("en", "slate")],
)
def test_axe_finds_no_serious_violation_in_the_widget(
    browser, writer_pages, lang, scheme
):
    context = scheme_context(
        browser, scheme, viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(writer_pages[lang], wait_until="load")
        page.wait_for_selector("#poem-writer .pw-write")
        page.click("#poem-writer .pw-write")
        written(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run('#poem-writer', {resultTypes: ['violations']})"
        )
        serious = [
            f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], serious
    finally:
        context.close()
