"""The check that every page exists in both languages with the same anchors, includes, figures
(animations included), equations, widgets and number of search keywords, on small pages made here. The
build runs it on the real pages (rnnnotes.plugin, on_config) and fails on any difference; so
does test_failures.py's missing translation."""

from conftest import SNIPPETS
from rnnnotes.page_model import PageError, parse_page
from rnnnotes.pages import compare_models, parse_docs


def compare_pages(docs_dir, snippets_dir=SNIPPETS):
    """The build's comparison of every page pair in ``docs_dir``; a page the model refuses is a problem too."""
    try:
        models = parse_docs(docs_dir, snippets_dir)
    except PageError as error:
        return [str(error)]
    return compare_models(docs_dir, models)


ZH = """---
tags: [遗忘门, 输入门]
widgets: [gate-explorer]
---

# 标题 { #title }

$$
a = b
$$

正文 $x$ 和 $y$。

```python
--8<-- "rnn/rnn_params.py"
```

![图](figures/rnn_fig_unrolled.svg)

见 [RNN](rnn.md#recurrence)。

<div class="gate-explorer" data-cell="lstm" id="gate-explorer-lstm">
<p>需要 JavaScript。</p>
</div>
"""


def _write(tmp_path, zh, en):
    (tmp_path / "page.zh.md").write_text(zh, encoding="utf-8")
    if en is not None:
        (tmp_path / "page.en.md").write_text(en, encoding="utf-8")
    return compare_pages(tmp_path)


def test_identical_structure_passes(tmp_path):
    en = (
        ZH.replace("标题", "Title")
        .replace("正文", "Text")
        .replace("和", "and")
        .replace("图", "figure")
    )
    assert _write(tmp_path, ZH, en) == []


def test_missing_translation_names_the_file(tmp_path):
    problems = _write(tmp_path, ZH, None)
    assert problems == ["docs/page.zh.md: no translation docs/page.en.md"]


def test_each_difference_is_reported(tmp_path):
    cases = {
        "anchors": ZH.replace("#title", "#heading"),
        "includes": ZH.replace("rnn/rnn_params.py", "rnn/rnn_shapes.py"),
        "figures": ZH.replace("rnn_fig_unrolled", "rnn_fig_vanishing_gradient"),
        "display_math": ZH.replace("$$\na = b\n$$", "a = b"),
        "inline_math": ZH.replace("$y$", "y"),
        "links": ZH.replace("rnn.md#recurrence", "rnn.md#unrolled"),
        "html_ids": ZH.replace('id="gate-explorer-lstm"', 'id="explorer"'),
        "widgets": ZH.replace("widgets: [gate-explorer]\n", ""),
        "tags": ZH.replace("[遗忘门, 输入门]", "[forget gate]"),
    }
    for field, en in cases.items():
        problems = _write(tmp_path, ZH, en)
        assert len(problems) == 1 and f"{field} differ" in problems[0], (
            field,
            problems,
        )


def test_an_animation_counts_as_a_figure(tmp_path):
    animation = '\n<figure markdown="span">\n![动画](figures/lstm_anim_step.svg)\n<figcaption>图注</figcaption>\n</figure>\n'
    en = (
        ZH.replace("标题", "Title")
        .replace("正文", "Text")
        .replace("和", "and")
        .replace("图", "figure")
    )
    problems = _write(tmp_path, ZH + animation, en)
    assert (
        len(problems) == 1
        and "figures differ" in problems[0]
        and "lstm_anim_step" in problems[0]
    ), problems


def test_heading_without_anchor_is_reported(tmp_path):
    problems = _write(tmp_path, ZH + "\n## 小结\n", ZH + "\n## Summary\n")
    assert any(
        "has no { #anchor }" in p and "page.zh.md" in p for p in problems
    )


def test_code_and_fences_do_not_count_as_math():
    page = parse_page(
        "`$HOME` and $x$\n\n```bash\necho $PATH $HOME\n```\n",
        name="page.md",
        snippets_dir=SNIPPETS,
    )
    assert page.inline_math == 1


def test_line_break_inside_a_chinese_paragraph_is_reported(tmp_path):
    zh = ZH.replace("正文 $x$ 和 $y$。", "正文 $x$ 和 $y$，\n继续。")
    en = (
        ZH.replace("标题", "Title")
        .replace("正文", "Text")
        .replace("和", "and")
        .replace("图", "figure")
    )
    problems = _write(tmp_path, zh, en)
    assert any(
        "line break inside a Chinese paragraph" in p for p in problems
    ), problems


def test_line_break_before_math_or_code_in_a_chinese_paragraph_is_reported(
    tmp_path,
):
    """ "，\n$y$" renders as a stray space after the comma; a list or a fence on the next line is fine."""
    en = (
        ZH.replace("标题", "Title")
        .replace("正文", "Text")
        .replace("和", "and")
        .replace("图", "figure")
    )
    for broken in ("正文 $x$，\n$y$。", "正文 $x$ 和\n`y`。"):
        problems = _write(tmp_path, ZH.replace("正文 $x$ 和 $y$。", broken), en)
        assert any(
            "line break inside a Chinese paragraph" in p for p in problems
        ), (broken, problems)
    fine = ZH.replace("正文 $x$ 和 $y$。", "正文 $x$ 和 $y$：\n\n- 一项")
    assert not any("line break" in p for p in _write(tmp_path, fine, en))
