"""Our math beside KaTeX's own HTML rendering of the same TeX, in Chromium.

The build turns TeX into MathML (rnnnotes.katex) that the browser lays out with the site's math font and
extra.css. KaTeX's HTML output follows TeX's spacing and sizes, so it is the reference: a few equations of
the pages are drawn both ways in one of the site's pages (KaTeX's CSS and fonts come from
node_modules/katex/dist, served to the page by the test; nothing leaves the machine) and the measurable
parts of the typesetting are compared: the columns of an ``aligned`` block, the size of a label under an
underbrace, the space after a unary minus, the size and height of a prime. Each pair is also saved as a
PNG (ours above, KaTeX's below) in the test's temporary folder, for a reader to look at.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS, ROOT
from rnnnotes.katex import (
    KatexRenderer,
    base_level_primes,
    mark_unary_signs,
    render_page_math,
)

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"


def page_tex(page: str, pattern: str) -> str:
    """The TeX of the first equation of ``docs/<page>`` whose source matches ``pattern``: the test draws
    what the page shows."""
    text = (DOCS / page).read_text(encoding="utf-8")
    for match in re.finditer(r"\$\$(.+?)\$\$|\$(.+?)\$", text, re.DOTALL):
        tex = (match[1] or match[2]).strip()
        if re.search(pattern, tex):
            return tex
    raise AssertionError(f"no equation of docs/{page} matches {pattern!r}")


# name: (TeX, display)
CASES = {
    "aligned": (page_tex("lstm.en.md", r"\\begin\{aligned\}\s*i_t"), True),
    "underbrace": (
        page_tex("params.en.md", r"P_\{\\text\{SimpleRNN\}\}"),
        True,
    ),
    "unary-minus": (page_tex("lstm.en.md", r"^b_f ="), False),
    "prime": (page_tex("lstm.en.md", r"^\\tanh'$"), False),
    "diag": (page_tex("gru.en.md", r"\\operatorname\{diag\}\(z_t\)"), True),
    "gates": (page_tex("gru.en.md", r"^r_t = \\sigma"), True),
    "norm": (page_tex("training.en.md", r"^\\lVert W_h \\rVert"), False),
    "root": (page_tex("training.en.md", r"^\\sqrt\{\\sum_i \\lVert"), False),
    "cases": (page_tex("training.en.md", r"\\begin\{cases\}"), True),
}


def katex_html(cases: dict) -> dict:
    """KaTeX's HTML for each case, rendered now by the pinned KaTeX."""
    script = (
        "const katex = require('katex'); const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const out = {}; for (const [name, [tex, display]] of Object.entries(cases))"
        " out[name] = katex.renderToString(tex, {displayMode: display, throwOnError: true, output: 'html'});"
        "process.stdout.write(JSON.stringify(out));"
    )
    done = subprocess.run(
        ["node", "-e", script],
        cwd=ROOT,
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def our_html(cases: dict) -> dict:
    """Our markup for each case, made as the build makes it."""
    renderer = KatexRenderer(ROOT, cache=None)
    try:
        return {
            name: render_page_math(
                f'<div class="arithmatex">\\[{tex}\\]</div>'
                if display
                else f'<p><span class="arithmatex">\\({tex}\\)</span></p>',
                renderer,
            )
            for name, (tex, display) in cases.items()
        }
    finally:
        renderer.close()


# The rectangle of the n-th occurrence of a character inside an element (its advance box), through a Range
# over the text node: the same call measures MathML and KaTeX's spans.
MEASURE = """
window.charRect = (root, ch, n = 0) => {
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = node.data.indexOf(ch); i >= 0; i = node.data.indexOf(ch, i + 1)) {
      if (n-- === 0) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + ch.length);
        const r = range.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height,
                size: parseFloat(getComputedStyle(node.parentElement).fontSize)};
      }
    }
  }
  return null;
};
"""


@pytest.fixture(scope="module")
def compared(browser, site_url, tmp_path_factory):
    """A page of the site showing every case twice, ours (``#ours-<name>``) and KaTeX's (``#katex-<name>``);
    yields the page, and saves a PNG of each pair."""
    ours, theirs = our_html(CASES), katex_html(CASES)
    page = browser.new_page(
        viewport={"width": 1280, "height": 900}, device_scale_factor=2
    )

    def katex_files(route):
        path = KATEX_DIST / route.request.url.split("/__katex__/", 1)[1]
        route.fulfill(path=str(path))

    page.route("**/__katex__/**", katex_files)
    page.goto(site_url + "/en/lstm/", wait_until="load")
    body = "".join(
        f'<section class="compare"><div id="ours-{name}">{ours[name]}</div>'
        f'<div id="katex-{name}">{theirs[name]}</div></section>'
        for name in CASES
    )
    page.evaluate(
        """(body) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/__katex__/katex.min.css';
        document.head.append(link);
        document.querySelector('article').innerHTML = body;
        return new Promise(done => link.onload = done);
    }""",
        body,
    )
    page.evaluate(
        "Promise.all(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Typewriter', 'KaTeX_Size4']"
        ".map(f => document.fonts.load(`20px ${f}`))).then(() => document.fonts.ready)"
    )
    page.add_script_tag(content=MEASURE)
    shots = tmp_path_factory.mktemp("math-compare")
    for name in CASES:
        page.locator(f"#ours-{name}").screenshot(
            path=str(shots / f"{name}.ours.png")
        )
        page.locator(f"#katex-{name}").screenshot(
            path=str(shots / f"{name}.katex.png")
        )
        _stack(
            shots / f"{name}.ours.png",
            shots / f"{name}.katex.png",
            shots / f"{name}.png",
        )
    page.shots = shots
    yield page
    page.close()


def _stack(top: Path, bottom: Path, out: Path) -> None:
    from PIL import Image

    a, b = Image.open(top), Image.open(bottom)
    both = Image.new(
        "RGB", (max(a.width, b.width), a.height + b.height + 20), "white"
    )
    both.paste(a, (0, 0))
    both.paste(b, (0, a.height + 20))
    both.save(out)


def rects(page, name, chars):
    """``{(who, char, n): rect}`` for ours and KaTeX's rendering of a case."""
    return page.evaluate(
        """([name, chars]) => {
        const out = {};
        for (const who of ['ours', 'katex'])
            for (const [ch, n] of chars)
                out[`${who} ${ch} ${n}`] = charRect(document.getElementById(`${who}-${name}`), ch, n);
        return out;
    }""",
        [name, chars],
    )


def test_the_left_sides_of_an_aligned_block_share_a_right_edge_and_the_equals_signs_line_up(
    compared,
):
    """In ``aligned`` the odd columns are right-aligned and the even ones left-aligned, so every row's
    ``=`` starts at the same x, right after its left side, as in KaTeX."""
    found = compared.evaluate("""() => {
        const rows = [...document.querySelectorAll('#ours-aligned mtr')];
        return rows.map(row => {
            const range = document.createRange();
            range.selectNodeContents(row.children[0]);
            return {left: range.getBoundingClientRect().right, equals: charRect(row, '=').left,
                    size: parseFloat(getComputedStyle(row).fontSize)};
        });
    }""")
    katex_equals = [
        compared.evaluate(
            "n => charRect(document.getElementById('katex-aligned'), '=', n).left",
            n,
        )
        for n in range(len(found))
    ]
    em = found[0]["size"]
    assert len(found) == 6
    assert (
        max(r["equals"] for r in found) - min(r["equals"] for r in found)
        < 0.05 * em
    ), found
    assert (
        max(r["left"] for r in found) - min(r["left"] for r in found)
        < 0.05 * em
    ), found
    assert (
        max(katex_equals) - min(katex_equals) < 1
    )  # the reference itself lines up
    gaps = [r["equals"] - r["left"] for r in found]
    assert all(0.1 * em < gap < 0.45 * em for gap in gaps), (
        gaps
    )  # TeX puts a thick space before =


def test_a_label_under_an_underbrace_is_set_at_script_size(compared):
    """``\\underbrace{…}_{\\texttt{kernel}}``: the label is a script, about 70 % of the base size, as
    KaTeX sets it."""
    found = rects(compared, "underbrace", [["P", 0], ["k", 0]])
    ours = found["ours k 0"]["size"] / found["ours P 0"]["size"]
    katex = found["katex k 0"]["size"] / found["katex P 0"]["size"]
    assert abs(katex - 0.7) < 0.02, katex
    assert abs(ours - 0.7) < 0.05, ours


def test_a_unary_minus_sits_close_to_its_number(compared):
    """``b_f = -6``: the minus is a sign, not a subtraction: the gap between − and 6 is small next to the
    space that follows =, as in KaTeX."""
    found = rects(compared, "unary-minus", [["=", 0], ["−", 0], ["6", 0]])
    for who in ("ours", "katex"):
        equals, minus, six = (found[f"{who} {ch} 0"] for ch in "=−6")
        after_equals = minus["left"] - equals["right"]
        after_minus = six["left"] - minus["right"]
        assert after_minus < 0.25 * after_equals, (
            who,
            after_minus,
            after_equals,
        )


def test_parentheses_sit_tight_and_diag_has_one_form(compared):
    """``\\sigma(x_t W + …)``: no gap inside the parentheses, as in KaTeX; every ``diag`` of the Jacobian
    is followed by its parenthesis in the same way (they were ``diag(z)`` and ``diag (1 − z)``)."""
    em = compared.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#ours-gates math')).fontSize)"
    )
    gates = rects(compared, "gates", [["(", 0], ["x", 0], [")", 0], ["r", 1]])
    for who in ("ours", "katex"):
        assert (
            gates[f"{who} x 0"]["left"] - gates[f"{who} ( 0"]["right"]
            < 0.1 * em
        ), (who, gates)
    diag = rects(
        compared,
        "diag",
        [["g", n] for n in range(3)] + [["(", n] for n in range(3)],
    )
    for who in ("ours", "katex"):
        gaps = [
            diag[f"{who} ( {n}"]["left"] - diag[f"{who} g {n}"]["right"]
            for n in range(3)
        ]
        assert max(gaps) - min(gaps) < 0.05 * em and max(gaps) < 0.1 * em, (
            who,
            gaps,
        )


def test_a_prime_has_the_size_and_height_katex_gives_it(compared):
    """``\\tanh'``: the prime's ink is about as tall, relative to the letters of tanh, as KaTeX's (within
    30 %), its top near KaTeX's, and, like KaTeX's, it reaches down beside the letters instead of floating
    above them."""
    ink = {who: _ink_of_prime(compared, who) for who in ("ours", "katex")}
    ours, katex = ink["ours"], ink["katex"]
    assert 0.7 < ours["height"] / katex["height"] < 1.3, ink
    assert abs(ours["top"] - katex["top"]) < 0.3, ink
    for prime in (ours, katex):
        assert prime["top"] + prime["height"] > 0.25, (
            ink
        )  # its bottom is well below the top of tanh


def _ink_of_prime(page, who) -> dict:
    """The prime's ink box, in units of the height of the ink of ``tanh``: height, and top relative to the
    top of ``tanh`` (negative: above it)."""
    import io

    from PIL import Image

    box = page.evaluate(
        """(who) => {
        const root = document.getElementById(`${who}-prime`);
        const t = charRect(root, 't'), h = charRect(root, 'h'), prime = charRect(root, '′');
        const all = (root.querySelector('math') || root.querySelector('.katex-html')).getBoundingClientRect();
        return {tanh: [t.left, h.right], prime: [prime.left, all.right], top: all.top - 10, bottom: all.bottom + 10};
    }""",
        who,
    )
    scale = 2  # device_scale_factor
    shot = Image.open(
        io.BytesIO(
            page.screenshot(
                clip={
                    "x": box["tanh"][0] - 2,
                    "y": box["top"],
                    "width": box["prime"][1] - box["tanh"][0] + 6,
                    "height": box["bottom"] - box["top"],
                }
            )
        )
    ).convert("L")
    split = round((box["prime"][0] - box["tanh"][0] + 2) * scale)

    def ink(x0, x1):
        rows = [
            y
            for y in range(shot.height)
            if any(shot.getpixel((x, y)) < 128 for x in range(x0, x1))
        ]
        return rows[0], rows[-1]

    tanh_top, tanh_bottom = ink(0, split)
    prime_top, prime_bottom = ink(split, shot.width)
    height = tanh_bottom - tanh_top + 1
    return {
        "height": (prime_bottom - prime_top + 1) / height,
        "top": (prime_top - tanh_top) / height,
    }


def test_norm_bars_are_delimiters_set_close_as_in_katex(compared):
    """``\\lVert W_h \\rVert``: the bars hug what they enclose, as KaTeX's opening and closing delimiters
    do (MathML spaced U+2225 as a relation, a visible gap either side), and are the norm's double bar."""
    em = compared.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#ours-norm math')).fontSize)"
    )
    ours = rects(compared, "norm", [["‖", 0], ["‖", 1], ["W", 0]])
    theirs = rects(compared, "norm", [["∥", 0], ["∥", 1], ["W", 0]])
    assert ours["ours ‖ 0"] and ours["ours ‖ 1"], "our bars are not U+2016"
    for who, found, bar in (("ours", ours, "‖"), ("katex", theirs, "∥")):
        after_open = (
            found[f"{who} W 0"]["left"] - found[f"{who} {bar} 0"]["right"]
        )
        assert after_open < 0.12 * em, (who, after_open / em)
    before_close = {
        who: found[f"{who} {bar} 1"]["left"] - found[f"{who} W 0"]["right"]
        for who, found, bar in (("ours", ours, "‖"), ("katex", theirs, "∥"))
    }
    assert before_close["ours"] < before_close["katex"] + 0.3 * em, (
        before_close
    )  # W_h's subscript lies between


def test_a_square_root_draws_its_radical(compared):
    """``\\sqrt{\\sum_i …}``: the radical is drawn, in the math font (it was missing from the subset: the
    TeX has no √, MathML draws one). Checked by ink to the left of the Σ."""
    import io

    from PIL import Image

    box = compared.evaluate("""() => {
        const math = document.querySelector('#ours-root math').getBoundingClientRect();
        const sigma = charRect(document.getElementById('ours-root'), '∑');
        return {x: math.left, y: math.top, width: sigma.left - math.left, height: math.height};
    }""")
    assert box["width"] > 4, box
    shot = Image.open(io.BytesIO(compared.screenshot(clip=box))).convert("L")
    dark = sum(
        1
        for x in range(shot.width)
        for y in range(shot.height)
        if shot.getpixel((x, y)) < 128
    )
    assert dark > 20, f"no radical drawn left of the sum ({dark} dark pixels)"
    loaded = compared.evaluate(
        "document.fonts.check('16px \"STIX Two Math subset\"', '\u221a')"
    )
    assert loaded


def test_the_rows_of_cases_start_at_the_left_of_their_columns(compared):
    """``\\begin{cases}``: each column is left-aligned, so the rows' first symbols share a left edge, as in
    KaTeX (the second row, ``g_t,``, was centred under the first)."""
    for who in ("ours", "katex"):
        found = rects(
            compared, "cases", [["g", 0], ["g", 1], ["t", 2], ["t", 4]]
        )
        firsts = [found[f"{who} g 0"]["left"], found[f"{who} g 1"]["left"]]
        assert abs(firsts[0] - firsts[1]) < 1, (who, firsts)


def test_the_comparison_pictures_are_saved(compared):
    assert sorted(
        p.name for p in compared.shots.glob("*.png") if p.name.count(".") == 1
    ) == sorted(f"{name}.png" for name in CASES)
    print(f"\nours above, KaTeX below: {compared.shots}")


@pytest.mark.parametrize(
    "mathml, marked",
    [
        (
            "<mo>=</mo><mo>−</mo><mn>6</mn>",
            '<mo>=</mo><mo form="prefix">−</mo><mn>6</mn>',
        ),
        (
            '<mo stretchy="false">(</mo><mo>−</mo><mn>1</mn>',
            '<mo stretchy="false">(</mo><mo form="prefix">−</mo><mn>1</mn>',
        ),
        (
            "<mtd><mo>+</mo><mi>a</mi>",
            '<mtd><mo form="prefix">+</mo><mi>a</mi>',
        ),
        (
            "<mn>1</mn><mo>−</mo><mi>z</mi>",
            "<mn>1</mn><mo>−</mo><mi>z</mi>",
        ),  # subtraction
        (
            '<mo stretchy="false">)</mo><mo>−</mo><mi>b</mi>',
            '<mo stretchy="false">)</mo><mo>−</mo><mi>b</mi>',
        ),
    ],
)
def test_a_sign_after_an_operator_is_unary(mathml, marked):
    assert mark_unary_signs(mathml) == marked


PRIME = '<mo mathvariant="normal" lspace="0em" rspace="0em">′</mo>'


@pytest.mark.parametrize(
    "mathml, moved",
    [
        (
            f"<msup><mrow><mi>tanh</mi><mo>⁡</mo></mrow>{PRIME}</msup><mo>(</mo>",
            f"<mrow><mrow><mi>tanh</mi><mo>⁡</mo></mrow>{PRIME}</mrow><mo>(</mo>",
        ),
        (
            f"<msubsup><mi>z</mi><mi>t</mi>{PRIME}</msubsup>",
            f"<msub><mrow><mi>z</mi>{PRIME}</mrow><mi>t</mi></msub>",
        ),
        (
            f"<msup><msup><mi>a</mi><mn>2</mn></msup>{PRIME}</msup>",
            f"<mrow><msup><mi>a</mi><mn>2</mn></msup>{PRIME}</mrow>",
        ),
        (
            "<msup><mi>W</mi><mi>⊤</mi></msup>",
            "<msup><mi>W</mi><mi>⊤</mi></msup>",
        ),  # not a prime
    ],
)
def test_a_prime_moves_to_the_baseline(mathml, moved):
    assert base_level_primes(mathml) == moved


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_every_page_writes_parentheses_and_diag_in_the_one_form(page):
    """The tight forms the comparison above measures, kept on every page, new chapters included: no
    ``\\left(`` / ``\\right)`` (MathML stretches them with loose space) and ``diag`` only as an operator."""
    tex = "\n".join(
        (m[1] or m[2])
        for m in re.finditer(
            r"\$\$(.+?)\$\$|\$(.+?)\$",
            (DOCS / page).read_text(encoding="utf-8"),
            re.DOTALL,
        )
    )
    assert not re.search(r"\\left\s*\(|\\right\s*\)", tex), page
    assert not re.search(r"(?<!\\operatorname\{)diag", tex), page
