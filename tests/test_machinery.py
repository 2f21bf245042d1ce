"""The build machinery in scripts/rnnnotes: snippet runner and cache, include expansion, KaTeX, page markup."""

import pytest

from conftest import ROOT, SNIPPETS, made_by_two_cold_runners
from rnnnotes.katex import KatexRenderer, TexError, render_page_math
from rnnnotes.layout import Layout
from rnnnotes.page_model import (
    Origin,
    expand_includes,
    expand_origin,
    parse_page,
)
from rnnnotes.runner import SnippetError, SnippetRunner


@pytest.fixture
def snippets(tmp_path):
    folder = tmp_path / "snippets"
    (folder / "common").mkdir(parents=True)
    (folder / "demo").mkdir()
    (folder / "common" / "helper.py").write_text(
        "def value():\n    return 41\n"
    )
    (folder / "demo" / "demo_uses_helper.py").write_text(
        "from helper import value\n# --8<-- [start:show]\nprint(value() + 1)\n# --8<-- [end:show]\n"
    )
    (folder / "demo" / "demo_fig_line.py").write_text(
        "import matplotlib.pyplot as plt\n\n\ndef demo_fig_line():\n    fig, ax = plt.subplots()\n"
        "    ax.plot([0, 1], [0, 1])\n    ax.set_xlabel(r'$h_t$')\n    return fig\n"
    )
    (folder / "demo" / "demo_fig_wrong.py").write_text(
        "def demo_fig_wrong():\n    return 42\n"
    )
    return folder


def test_code_runs_once_then_comes_from_the_cache(snippets, tmp_path):
    code = "from helper import value\nprint(value())\n"
    first = SnippetRunner(snippets, tmp_path / "cache")
    assert first.run_code(code, "x.py") == "41\n"
    assert first.run_code(code, "x.py") == "41\n"
    assert first.executed == 1
    first.close()

    second = SnippetRunner(snippets, tmp_path / "cache")
    assert second.run_code(code, "x.py") == "41\n"
    assert second.executed == 0  # from disk, no worker started

    (snippets / "common" / "helper.py").write_text(
        "def value():\n    return 7\n"
    )
    assert (
        second.run_code(code, "x.py") == "7\n"
    )  # an imported snippet changed: run again
    assert second.executed == 1
    second.close()


def test_the_runner_says_which_snippets_a_run_imported(snippets, tmp_path):
    runner = SnippetRunner(snippets, tmp_path / "cache")
    assert runner.code_imports(
        "from demo_uses_helper import value\n", "x.py"
    ) == ["common/helper.py", "demo/demo_uses_helper.py"]
    assert runner.code_imports("print(1)\n", "y.py") == []
    assert runner.figure_imports("demo_fig_line") == ["demo/demo_fig_line.py"]
    runner.close()


def test_a_raising_snippet_names_itself_and_the_error(snippets, tmp_path):
    runner = SnippetRunner(snippets, tmp_path / "cache")
    with pytest.raises(
        SnippetError, match=r"snippets/boom.py raised:(.|\n)*ZeroDivisionError"
    ):
        runner.run_code("1 / 0\n", "boom.py")
    assert runner.run_code("print('still alive')\n", "ok.py") == "still alive\n"
    runner.close()


def test_figures_are_reproducible_svg(snippets, tmp_path):
    svgs = made_by_two_cold_runners(
        snippets, tmp_path, lambda runner: runner.make_figure("demo_fig_line")
    )
    assert svgs[0] == svgs[1]
    assert svgs[0].lstrip().startswith("<?xml") and "<svg" in svgs[0]
    assert "<dc:date>" not in svgs[0]


def test_a_figure_function_must_return_a_figure(snippets, tmp_path):
    runner = SnippetRunner(snippets, tmp_path / "cache")
    with pytest.raises(
        SnippetError,
        match=r"demo/demo_fig_wrong.py(.|\n)*must return a matplotlib Figure",
    ):
        runner.make_figure("demo_fig_wrong")
    runner.close()


def test_an_include_is_expanded_from_its_origin(snippets):
    page = parse_page(
        '```python\n--8<-- "demo/demo_uses_helper.py:show"\n```\n\n'
        '```python\n--8<-- "demo/demo_uses_helper.py"\n```\n',
        name="page.md",
        snippets_dir=snippets,
    )
    section, whole = page.run_fences
    assert (
        section.origin == Origin("demo/demo_uses_helper.py", "show")
        and section.code == "print(value() + 1)"
    )
    assert (
        whole.origin == Origin("demo/demo_uses_helper.py")
        and "--8<--" not in whole.code
    )
    assert whole.code == expand_includes(
        '--8<-- "demo/demo_uses_helper.py"', snippets
    ).strip("\n")
    assert Layout(snippets).figure_modules() == [
        "demo_fig_line",
        "demo_fig_wrong",
    ]


def test_every_real_snippet_expands():
    snippets = Layout(SNIPPETS)
    for path in snippets.files():
        assert expand_origin(
            Origin(snippets.relative(path)), SNIPPETS
        ).strip(), path


@pytest.fixture(scope="module")
def katex():
    renderer = KatexRenderer(ROOT)
    yield renderer
    renderer.close()


def test_katex_renders_inline_and_display(katex):
    inline, display = katex.render([("h_t", False), (r"\tanh(x)", True)])
    assert inline.startswith('<span class="katex">') and "<math" in inline
    assert (
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">'
        in display
    )
    assert (
        'class="katex-html"' not in inline + display
    )  # MathML only: no positioned spans


def test_katex_error_names_the_expression(katex):
    with pytest.raises(TexError, match=r"\\frac\{a\}"):
        katex.render([(r"\frac{a}", False)])
    assert katex.render(
        [("x", False)]
    )  # the renderer survives a bad expression


def test_render_page_math_replaces_arithmatex_markup(katex):
    page = (
        '<p><span class="arithmatex">\\(a &lt; b\\)</span></p>'
        '<div class="arithmatex">\\[\nx^2\n\\]</div>'
    )
    out = render_page_math(page, katex)
    assert "\\(" not in out and "\\[" not in out
    assert out.count("<math") == 2 and '<math display="block">' in out
    assert (
        "<semantics>" not in out
        and "<annotation" not in out
        and 'class="katex"' not in out
    )  # compact_mathml
    assert (
        '<div class="arithmatex" tabindex="0">' in out
    )  # scrollable on a phone, so focusable
    assert "&lt;" in out  # a < b came through as text, not markup


def test_tables_become_focusable_named_scroll_regions():
    import markdown

    from rnnnotes.page_extension import PageExtension

    page = "| a |\n|---|\n| 1 |\n\ntext\n\n| b |\n|---|\n| 2 |\n"
    out = markdown.markdown(
        page, extensions=["tables", PageExtension(language="zh")]
    )
    assert (
        out.count(
            '<div aria-label="表格" class="table-scroll" role="region" tabindex="0"><table>'
        )
        == 2
    )
    assert out.count("</table></div>") == 2
    assert 'aria-label="Table"' in markdown.markdown(
        page, extensions=["tables", PageExtension(language="en")]
    )


def test_every_code_block_starts_focusable():
    from rnnnotes.a11y import focusable_code

    page = '<pre><span></span><code>x = 1</code></pre><pre id="__code_1"><code>y</code></pre><p><code>z</code></p>'
    out = focusable_code(page)
    assert out.count('<code tabindex="0">') == 2
    assert "<p><code>z</code></p>" in out  # inline code is not a scroll region


def test_the_dark_figure_is_cached_with_the_figure(snippets, tmp_path):
    from rnnnotes.dark import dark_svg

    first = SnippetRunner(snippets, tmp_path / "cache")
    dark = first.make_dark_figure("demo_fig_line")
    light = first.make_figure("demo_fig_line")
    assert first.executed == 1 and dark == dark_svg(light) != light
    first.close()

    second = SnippetRunner(snippets, tmp_path / "cache")
    assert second.make_dark_figure("demo_fig_line") == dark
    assert second.executed == 0
    second._dark_version = "changed"  # as if dark.py were edited: the figure is made again, fences are not
    second.make_dark_figure("demo_fig_line")
    assert second.executed == 1
    second.close()


def test_print_options_a_snippet_sets_do_not_reach_the_next_one(
    snippets, tmp_path
):
    runner = SnippetRunner(snippets, tmp_path / "cache")
    runner.run_code(
        "import numpy as np\nnp.set_printoptions(precision=2)\nprint(np.array([0.12345]))\n",
        "a.py",
    )
    assert (
        runner.run_code(
            "import numpy as np\nprint(np.array([0.12345]))\n", "b.py"
        )
        == "[0.12345]\n"
    )
    runner.close()


def test_compact_mathml_drops_only_what_is_never_drawn():
    from rnnnotes.katex import compact_mathml

    ns = 'xmlns="http://www.w3.org/1998/Math/MathML"'
    tex = '<annotation encoding="application/x-tex">a_t</annotation>'
    one_row = f'<span class="katex"><math {ns}><semantics><mrow><msub><mi>a</mi><mi>t</mi></msub></mrow>{tex}</semantics></math></span>'
    assert (
        compact_mathml(one_row)
        == "<math><msub><mi>a</mi><mi>t</mi></msub></math>"
    )
    two_rows = f'<span class="katex"><math {ns} display="block"><semantics><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow>{tex}</semantics></math></span>'
    assert (
        compact_mathml(two_rows)
        == '<math display="block"><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></math>'
    )
    assert (
        compact_mathml("<math><mi>x</mi></math>") == "<math><mi>x</mi></math>"
    )  # not KaTeX's shape: kept


def test_compact_code_html_keeps_the_text_and_one_class_per_colour():
    import html as html_lib
    import re

    from rnnnotes.fences import compact_code_html

    code = (
        '<code><span class="kn">from</span><span class="w"> </span><span class="nn">a</span><span class="w"> </span>'
        '<span class="kn">import</span> <span class="n">b</span>\n<span class="n">x</span> <span class="o">=</span> '
        '<span class="n">b</span><span class="p">(</span><span class="sa">f</span><span class="s2">&quot;</span>'
        '<span class="si">{</span><span class="mi">1</span><span class="si">}</span><span class="s2">&quot;</span>'
        '<span class="p">)</span><span class="p">[</span><span class="o">-</span><span class="mi">1</span><span class="p">]</span></code>'
    )
    compact = compact_code_html(code)
    text = lambda markup: html_lib.unescape(re.sub(r"<[^>]+>", "", markup))  # noqa: E731
    assert text(compact) == text(code) == 'from a import b\nx = b(f"{1}")[-1]'
    assert compact == (
        '<code><span class="k">from</span> <span class="nf">a</span> <span class="k">import</span> b\nx = b(f'
        '<span class="s">&quot;{</span><span class="m">1</span><span class="s">}&quot;</span>)[-<span class="m">1</span>]</code>'
    )
