"""Equations in the search index become text (scripts/rnnnotes/search_math.py)."""

import json

import pytest

from rnnnotes.katex import TexError
from rnnnotes.search_math import mathml_text, render_index_math


@pytest.mark.parametrize(
    "mathml, text",
    [
        ("<math><msub><mi>h</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub></math>", "h<sub>t−1</sub>"),
        ("<math><mi>a</mi><mo>=</mo><mi>b</mi><mo>+</mo><mn>1</mn><mo separator=\"true\">,</mo><mi>c</mi></math>",
         "a = b + 1, c"),
        ("<math><mi>a</mi><mo>&lt;</mo><mi>b</mi></math>", "a &lt; b"),
        ("<math><mi mathvariant=\"normal\">diag</mi><mo>\u2061</mo><mi>x</mi></math>", "diag x"),
        ("<math><mi>tanh</mi><mo>\u2061</mo><mo fence=\"true\">(</mo><mi>x</mi><mo fence=\"true\">)</mo></math>",
         "tanh(x)"),
        ("<math><msub><mover accent=\"true\"><mi>c</mi><mo>~</mo></mover><mi>t</mi></msub></math>", "c\u0303<sub>t</sub>"),
        ("<math><mover accent=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow><mo>^</mo></mover></math>", "ab<sup>^</sup>"),
        ("<math><mfrac><mrow><mi mathvariant=\"normal\">∂</mi><msub><mi>h</mi><mi>T</mi></msub></mrow>"
         "<msub><mi>h</mi><mi>t</mi></msub></mfrac></math>", "(∂h<sub>T</sub>)/h<sub>t</sub>"),
        ("<math><msubsup><mo>∏</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>T</mi></msubsup></math>",
         "∏<sub>k=1</sub><sup>T</sup>"),
        ("<math><msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt></math>", "√(x + 1)"),
        ('<math display="block"><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mn>1</mn></mtd></mtr>'
         "<mtr><mtd><mi>b</mi></mtd><mtd><mo>=</mo><mn>2</mn></mtd></mtr></mtable></math>", "a = 1; b = 2"),
        ('<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>x</mi></mrow>'
         '<annotation encoding="application/x-tex">x</annotation></semantics></math></span>', "x"),
    ],
)
def test_mathml_becomes_one_line_of_html(mathml, text):
    assert mathml_text(mathml) == text


RENDERED = {
    ("h_t", False): "<math><msub><mi>h</mi><mi>t</mi></msub></math>",
    ("a < b", True): "<math display=\"block\"><mi>a</mi><mo>&lt;</mo><mi>b</mi></math>",
}


def fake_render(items):
    if any(item not in RENDERED for item in items):
        raise TexError(f"KaTeX cannot render {items[0][0]!r}")
    return [RENDERED[item] for item in items]


def write_index(tmp_path, docs):
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), encoding="utf-8")
    return path


def test_the_index_gets_text_for_tex_outside_code(tmp_path):
    path = write_index(tmp_path, [
        {"location": "a/", "title": "State \\(h_t\\)", "text": "<p>Keep \\(h_t\\).</p> \\[ a &lt; b \\]"},
        {"location": "b/", "title": "Code", "text": "<pre><code>print(r'\\(h_t\\)')</code></pre> \\(h_t\\)"},
    ])
    assert render_index_math(path, fake_render) == 4  # not the one in code
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert docs[0]["title"] == "State h<sub>t</sub>"
    assert docs[0]["text"] == "<p>Keep h<sub>t</sub>.</p> a &lt; b"
    assert docs[1]["text"] == "<pre><code>print(r'\\(h_t\\)')</code></pre> h<sub>t</sub>"


def test_tex_katex_refuses_fails_naming_the_index(tmp_path):
    path = write_index(tmp_path, [{"location": "a/", "title": "x", "text": "\\(\\nosuch\\)"}])
    with pytest.raises(TexError, match=r"search_index.json: KaTeX cannot render '\\\\nosuch'"):
        render_index_math(path, fake_render)


def test_mathml_that_does_not_parse_fails_naming_the_tex(tmp_path):
    path = write_index(tmp_path, [{"location": "a/", "title": "x", "text": "\\(h_t\\)"}])
    with pytest.raises(TexError, match=r"search_index.json: the MathML KaTeX made for 'h_t' does not parse"):
        render_index_math(path, lambda items: ["<math><mi>h</math>"])


def test_an_index_without_tex_is_left_as_it_is(tmp_path):
    path = write_index(tmp_path, [{"location": "a/", "title": "x", "text": "<p>no math</p>"}])
    before = path.read_bytes()
    assert render_index_math(path, fake_render) == 0
    assert path.read_bytes() == before
