"""The gate explorers on the LSTM and GRU pages, in Chromium, in both languages: what they show for
slider settings (extremes, negative values, seeded random ones, keyboard) is what lstm_forward and
gru_forward compute for the same one-unit weights; the presets do what the pages say; the live region
speaks; every control is named in the page's language; the widget fits a phone; axe finds nothing
serious in it; it is built only when the reader comes near it."""

import re

import numpy as np
import pytest
from gru_forward import gru_forward
from lstm_forward import lstm_cell_step, lstm_forward

from conftest import ROOT

HAN = re.compile(r"[\u4e00-\u9fff]")
SHOWN = 5e-4 + 1e-9  # every result is shown with 3 decimals
PHONE = 412

# Slider settings by name (gx-<cell>-<name>); "*" sets every slider, "min"/"max" are its bounds.
CASES = {
    "lstm": {
        "defaults": {},
        "every slider at its minimum": {"*": "min"},
        "every slider at its maximum": {"*": "max"},
        "negative inputs and weights": {
            "x": -1.7,
            "hprev": -0.85,
            "cprev": -2.4,
            "i-w": -3.2,
            "i-u": 0.4,
            "i-b": -0.5,
            "f-w": -0.9,
            "f-u": -5.5,
            "f-b": 2.1,
            "c-w": 4.4,
            "c-u": -6,
            "c-b": -1.3,
            "o-w": -0.1,
            "o-u": 2.7,
            "o-b": -4.8,
        },
        "forget gate open, input gate shut": {"f-b": 6, "i-b": -6, "cprev": -3},
        "zero input, zero states": {"x": 0, "hprev": 0, "cprev": 0},
    },
    "gru": {
        "defaults": {},
        "every slider at its minimum": {"*": "min"},
        "every slider at its maximum": {"*": "max"},
        "negative inputs and weights": {
            "x": -1.3,
            "hprev": -0.65,
            "z-w": -2.5,
            "z-u": 1.8,
            "z-b": -0.7,
            "r-w": 3.1,
            "r-u": -4.2,
            "r-b": 0.9,
            "h-w": -5.9,
            "h-u": 4.6,
            "h-bx": -2.2,
            "h-bh": 3.3,
        },
        "update gate near 1": {"z-b": 6, "hprev": -0.95},
        "reset gate shut, recurrent bias large": {
            "r-b": -6,
            "r-w": -6,
            "h-bh": 6,
        },
    },
}
RANDOM_CASES = 2  # more cases per cell, drawn on the sliders' grids from a seeded generator


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_expected(v):
    """Every number the LSTM explorer shows, from lstm_forward and lstm_cell_step."""
    gates = "ifco"
    kernel = np.array([[v[f"{g}-w"] for g in gates]])
    recurrent = np.array([[v[f"{g}-u"] for g in gates]])
    bias = np.array([v[f"{g}-b"] for g in gates])
    x, h0, c0 = (
        np.array([[[v["x"]]]]),
        np.array([[v["hprev"]]]),
        np.array([[v["cprev"]]]),
    )
    _, h, c = lstm_forward(x, kernel, recurrent, bias, h0=h0, c0=c0)
    _, _, (i, f, c_tilde, o) = lstm_cell_step(
        x[:, 0], h0, c0, kernel, recurrent, bias
    )
    shown = {"i": i, "f": f, "c": c_tilde, "o": o, "ct": c, "ht": h}
    shown.update(
        {
            f"a-{g}": v[f"{g}-w"] * v["x"]
            + v[f"{g}-u"] * v["hprev"]
            + v[f"{g}-b"]
            for g in gates
        }
    )
    shown.update(
        {
            "flow-cprev": c0,
            "flow-keep": f * c0,
            "flow-write": i * c_tilde,
            "flow-ct": c,
            "flow-tanhc": np.tanh(c),
            "flow-ht": h,
        }
    )
    return {key: float(np.squeeze(value)) for key, value in shown.items()}


def gru_expected(v):
    """Every number the GRU explorer shows. h_t comes from gru_forward (reset_after=True, Keras' default);
    the gates, which gru_forward keeps to itself, from the same equations, checked to give the same h_t."""
    kernel = np.array([[v["z-w"], v["r-w"], v["h-w"]]])
    recurrent = np.array([[v["z-u"], v["r-u"], v["h-u"]]])
    bias = np.array([[v["z-b"], v["r-b"], v["h-bx"]], [0.0, 0.0, v["h-bh"]]])
    x, h0 = v["x"], v["hprev"]
    _, h = gru_forward(
        np.array([[[x]]]), kernel, recurrent, bias, h0=np.array([[h0]])
    )
    a_z = v["z-w"] * x + v["z-u"] * h0 + v["z-b"]
    a_r = v["r-w"] * x + v["r-u"] * h0 + v["r-b"]
    z, r = sigmoid(a_z), sigmoid(a_r)
    rec = v["h-u"] * h0 + v["h-bh"]
    a_h = v["h-w"] * x + v["h-bx"] + r * rec
    candidate = np.tanh(a_h)
    assert abs(z * h0 + (1 - z) * candidate - h.item()) < 1e-12
    return {
        "a-z": a_z,
        "a-r": a_r,
        "a-h": a_h,
        "z": z,
        "r": r,
        "h": candidate,
        "ht": h.item(),
        "flow-rec": rec,
        "flow-reset": r * rec,
        "flow-hprev": h0,
        "flow-keep": z * h0,
        "flow-take": (1 - z) * candidate,
        "flow-ht": h.item(),
    }


EXPECTED = {"lstm": lstm_expected, "gru": gru_expected}

SET = """([root, values]) => {
  for (const input of document.querySelectorAll(`#${root} input[type=range]`)) {
    const name = input.id.replace(/^gx-\\w+?-/, "");
    let value = name in values ? values[name] : ("*" in values ? values["*"] : input.dataset.default);
    if (value === "min" || value === "max") value = input[value];
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }
}"""
READ = """(root) => {
  const r = document.getElementById(root);
  const sliders = Object.fromEntries([...r.querySelectorAll("input[type=range]")].map(
    (i) => [i.id.replace(/^gx-\\w+?-/, ""), i.value]));
  const shown = Object.fromEntries([...r.querySelectorAll("[data-out]")].map(
    (o) => [o.dataset.out, o.textContent]));
  return [sliders, shown];
}"""


def number(text):
    assert re.fullmatch(r"−?\d+\.\d{3}", text), (
        f"not a number with 3 decimals: {text!r}"
    )
    return float(text.replace("−", "-"))


@pytest.fixture(
    scope="module",
    params=[(c, lang) for c in ("lstm", "gru") for lang in ("zh", "en")],
    ids=lambda p: "-".join(p),
)
def explorer(request, browser, site_url):
    cell, lang = request.param
    page = browser.new_page(viewport={"width": PHONE, "height": 900})
    page.errors = []
    page.on(
        "console", lambda m: m.type == "error" and page.errors.append(m.text)
    )
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    prefix = "/" if lang == "zh" else "/en/"
    page.goto(
        f"{site_url}{prefix}{cell}/#gate-explorer",
        wait_until="domcontentloaded",
    )
    page.cell, page.lang, page.root = cell, lang, f"gate-explorer-{cell}"
    page.wait_for_selector(
        f"#{page.root} input[type=range]"
    )  # built once it is near the screen
    yield page
    assert page.errors == []
    page.close()


def show(page, values):
    """Set the sliders, then return {slider: value} as the page holds them and {output: number shown}."""
    page.evaluate(SET, [page.root, values])
    sliders, shown = page.evaluate(READ, page.root)
    return {k: float(v) for k, v in sliders.items()}, shown


def check(page, values, label):
    sliders, shown = show(page, values)
    expected = EXPECTED[page.cell](sliders)
    assert set(expected) <= set(shown), sorted(set(expected) - set(shown))
    for key, value in expected.items():
        assert abs(number(shown[key]) - value) <= SHOWN, (
            f"{label}: {key} shows {shown[key]}, expected {value:.6f}"
        )
    return sliders, shown


def random_cases(page, count):
    grid = page.evaluate(
        "(root) => [...document.querySelectorAll(`#${root} input[type=range]`)]"
        ".map(i => [i.id.replace(/^gx-\\w+?-/, ''), +i.min, +i.max, +i.step])",
        page.root,
    )
    rng = np.random.default_rng(6)
    for _ in range(count):
        yield {
            name: round(
                lo + step * rng.integers(0, round((hi - lo) / step) + 1), 2
            )
            for name, lo, hi, step in grid
        }


def test_shown_numbers_are_the_numpy_forward_pass(explorer):
    cases = dict(CASES[explorer.cell])
    cases.update(
        {
            f"random {k}": values
            for k, values in enumerate(random_cases(explorer, RANDOM_CASES))
        }
    )
    for label, values in cases.items():
        sliders, _ = check(explorer, values, label)
        for (
            name,
            value,
        ) in values.items():  # the page holds exactly the values asked for
            if name != "*":
                assert sliders[name] == pytest.approx(value), (label, name)
        if values.get("*") in ("min", "max"):
            assert set(map(abs, sliders.values())) <= {1, 2, 3, 6}, (
                label,
                sliders,
            )


def test_keyboard_moves_a_slider_and_the_results(explorer):
    explorer.evaluate(SET, [explorer.root, {}])
    bias = {"lstm": "f-b", "gru": "z-b"}[explorer.cell]
    slider = explorer.locator(f"#gx-{explorer.cell}-{bias}")
    slider.focus()
    for key in ("End", "ArrowLeft", "ArrowLeft", "ArrowDown"):
        explorer.keyboard.press(key)
    assert float(slider.input_value()) == pytest.approx(5.7)
    sliders, shown = explorer.evaluate(READ, explorer.root)
    expected = EXPECTED[explorer.cell](
        {k: float(v) for k, v in sliders.items()}
    )
    for key, value in expected.items():
        assert abs(number(shown[key]) - value) <= SHOWN, key
    assert shown[bias[0]] == "0.999"  # sigma(1 + 0.5 + 5.7)


def preset(page, index):
    page.locator(f"#{page.root} .gx-presets button").nth(index).click()
    _, shown = page.evaluate(READ, page.root)
    return {key: number(text) for key, text in shown.items() if key != "live"}


def test_presets_do_what_the_page_says(explorer):
    buttons = explorer.locator(f"#{explorer.root} .gx-presets button")
    if explorer.cell == "lstm":
        assert buttons.count() == 5
        keep, overwrite, add, hide, default = (
            preset(explorer, k) for k in range(5)
        )
        assert (
            keep["f"] > 0.99
            and keep["i"] < 0.02
            and abs(keep["ct"] - keep["flow-cprev"]) < 0.01
        )
        assert (
            abs(overwrite["ct"] - overwrite["c"]) < 0.015
            and abs(overwrite["ct"] - overwrite["flow-cprev"]) > 0.05
        )
        assert abs(add["ct"] - (add["flow-cprev"] + add["c"])) < 0.01
        assert (
            hide["ht"] < 0.011
            and hide["ct"] == default["ct"]
            and default["ht"] > 0.5
        )
    else:
        assert buttons.count() == 4
        copy, take, fresh, default = (preset(explorer, k) for k in range(4))
        assert copy["z"] > 0.99 and abs(copy["ht"] - copy["flow-hprev"]) < 0.001
        assert (
            abs(take["ht"] - take["h"]) < 0.01
            and abs(take["ht"] - take["flow-hprev"]) > 0.1
        )
        assert fresh["r"] < 0.02 and abs(fresh["flow-reset"]) < 0.02
        ends = [
            check(explorer, {"z-b": -6, "r-b": -6, "hprev": h}, "start afresh")[
                1
            ]["ht"]
            for h in (-1, 1)
        ]
        assert abs(number(ends[0]) - number(ends[1])) < 0.05
        assert (
            abs(
                number(show(explorer, {"hprev": -1})[1]["ht"])
                - number(show(explorer, {"hprev": 1})[1]["ht"])
            )
            > 0.5
        )
        shut = {"z-b": -6, "r-b": -6}
        candidate = {
            bias: [
                number(show(explorer, dict(shut, **{bias: end}))[1]["h"])
                for end in (-6, 6)
            ]
            for bias in ("h-bh", "h-bx")
        }
        assert abs(candidate["h-bh"][1] - candidate["h-bh"][0]) < 0.1, (
            candidate
        )  # scaled by r_t too
        assert abs(candidate["h-bx"][1] - candidate["h-bx"][0]) > 1.5, candidate


def test_live_region_announces_the_new_state_in_the_page_language(explorer):
    live = explorer.locator(f"#{explorer.root} [aria-live=polite]")
    _, shown = show(explorer, {"x": -1.2})
    explorer.wait_for_function(
        "([root, text]) => document.querySelector(`#${root} [aria-live=polite]`).textContent.includes(text)",
        arg=[explorer.root, shown["ht"]],
    )
    said = live.text_content()
    assert bool(HAN.search(said)) == (explorer.lang == "zh"), said
    gates = "ifco" if explorer.cell == "lstm" else "zrh"
    assert all(shown[g] in said for g in gates), said


def test_every_control_is_named_in_the_page_language(explorer):
    tree = explorer.locator(f"#{explorer.root}").aria_snapshot()
    sliders = re.findall(r'- slider "([^"]+)"', tree)
    buttons = re.findall(r'- button "([^"]+)"', tree)
    count = explorer.locator(f"#{explorer.root} input").count()
    assert len(sliders) == count == {"lstm": 15, "gru": 12}[explorer.cell], tree
    assert len(set(sliders)) == len(sliders), sliders
    for name in sliders + buttons:
        assert bool(HAN.search(name)) == (explorer.lang == "zh"), name
    labelled = explorer.evaluate(
        "(root) => [...document.querySelectorAll(`#${root} input`)].every("
        "i => i.labels.length === 1 && i.labels[0].offsetWidth > 0)",
        explorer.root,
    )
    assert labelled, "every slider has one visible <label>"


def test_fits_a_phone_without_sideways_scrolling(explorer):
    widths = explorer.evaluate(
        "(root) => [document.documentElement.scrollWidth, document.getElementById(root).getBoundingClientRect().right]",
        explorer.root,
    )
    assert widths[0] <= PHONE and widths[1] <= PHONE, widths


def test_axe_finds_no_serious_violation_in_the_explorer(explorer):
    """The page-wide axe run (test_accessibility.py) loads pages at the top, before the explorer is built."""
    explorer.add_script_tag(
        path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js")
    )
    result = explorer.evaluate(
        "(root) => axe.run('#' + root, {resultTypes: ['violations']})",
        explorer.root,
    )
    serious = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_explorer_is_built_when_the_reader_comes_near_it(
    browser, site_url, lang
):
    page = browser.new_page(viewport={"width": PHONE, "height": 900})
    try:
        page.goto(
            f"{site_url}{'/' if lang == 'zh' else '/en/'}lstm/",
            wait_until="load",
        )
        page.wait_for_timeout(300)
        count = "document.querySelectorAll('#gate-explorer-lstm input').length"
        assert (
            page.evaluate(count) == 0
        )  # far below the first screen: not built yet
        page.evaluate(
            "document.getElementById('gate-explorer').scrollIntoView()"
        )
        page.wait_for_function(f"{count} === 15")
    finally:
        page.close()
