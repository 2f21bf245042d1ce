"""The page model: a page parsed once into the blocks the build, the notebooks and the tests read, and
a page that breaks a rule refused with its name and line."""

import pytest

from rnnnotes.layout import Layout
from rnnnotes.page_extension import Build, FenceOrigins, PageBuild, PageExtension
from rnnnotes.page_model import (
    Fence, Figure, Heading, Origin, PageError, Prose, Widget, body_line, parse_info, parse_page,
)

PAGE = '''---
tags: [forget gate, input gate]
widgets: [gate-explorer]
---

# Title { #top }

Text with $x$, $$y$$ and a [link](other.md#there), `$not math$`.

```python
--8<-- "demo/demo_shown.py:part"
```

```{.python output="markdown" title="Table"}
--8<-- "demo/demo_shown.py"
```

```{.python notest}
keras2_only()
```

```bash
echo $HOME
```

![A figure](figures/demo_fig_line.svg)

<figure markdown="span">
![An animation](figures/demo_anim_dot.svg)
<figcaption>Caption</figcaption>
</figure>

!!! note "Inside"

    A [second link](#top) and $z$.

    ```python
    --8<-- "demo/demo_shown.py:part"
    ```

$$
a
+ b
$$

<div class="explorer" data-cell="gru" id="explorer-gru">
<p>Needs JavaScript.</p>
</div>

## Next { #next }
'''

SNIPPET = 'print("whole")\n# --8<-- [start:part]\nprint("part")\n# --8<-- [end:part]\n'


@pytest.fixture
def snippets(tmp_path):
    (tmp_path / "demo").mkdir()
    for name, text in (("demo_shown", SNIPPET), ("demo_fig_line", ""), ("demo_anim_dot", "")):
        (tmp_path / "demo" / f"{name}.py").write_text(text, encoding="utf-8")
    return tmp_path


def parse(text, snippets):
    return parse_page(text, name="docs/page.md", snippets_dir=snippets)


def test_a_page_becomes_its_blocks_in_order(snippets):
    page = parse(PAGE, snippets)
    kinds = [type(block).__name__ for block in page.blocks]
    assert kinds == [
        "Heading", "Prose", "Fence", "Fence", "Fence", "Fence", "Figure",
        "Figure", "Prose",  # the <figure markdown>: its image, its caption
        "Prose", "Fence",  # the admonition, then the fence inside it
        "Prose", "Widget", "Heading",
    ]
    title, next_heading = page.headings
    assert title == Heading(line=6, level=1, text="Title", anchor="top")
    assert next_heading.anchor == "next" and next_heading.level == 2
    part, table, notest, bash, nested = page.fences
    assert part.origin == Origin("demo/demo_shown.py", "part") and part.code == 'print("part")' and part.line == 10
    assert part.runs and part.output == "text" and part.depth == 0
    assert table.origin == Origin("demo/demo_shown.py") and "--8<--" not in table.code and 'print("whole")' in table.code
    assert table.output == "markdown" and table.options["title"] == "Table"
    assert notest.origin is None and not notest.runs and notest.code == "keras2_only()"
    assert bash.language == "bash" and not bash.runs
    assert nested.depth == 1 and nested.runs and nested.origin == Origin("demo/demo_shown.py", "part")
    figure, animation = page.figures
    assert figure == Figure(line=26, kind="figure", module="demo_fig_line", alt="A figure", src="figures/demo_fig_line.svg",
                            alone=True, end=27)
    assert animation.kind == "animation" and animation.module == "demo_anim_dot" and animation.depth == 1
    explorer = page.blocks[-2]
    assert isinstance(explorer, Widget) and explorer.ids == ("explorer-gru",) and explorer.cell == "gru"
    assert page.widgets == ["gate-explorer"] and page.tags == ["forget gate", "input gate"]
    assert page.links == ["other.md#there", "#top"]
    assert (page.display_math, page.inline_math) == (2, 2)  # "+ b" inside $$ is TeX, not a list
    shown = "demo/demo_shown.py"
    assert page.includes == [Origin(shown, "part"), Origin(shown), Origin(shown, "part")]
    assert page.files_shown(Layout(snippets)) == ["demo/demo_anim_dot.py", "demo/demo_fig_line.py", "demo/demo_shown.py"]
    assert isinstance(page.blocks[1], Prose) and page.blocks[1].text.startswith("Text with $x$")


def test_the_options_of_an_info_string():
    assert parse_info("python") == ("python", {})
    assert parse_info("{.python notest}") == ("python", {"notest": True})
    assert parse_info('{.python output="markdown"}') == ("python", {"output": "markdown"})
    assert parse_info('python title="a b"') == ("python", {"title": "a b"})


FAULTS = {
    "missing file": ('```python\n--8<-- "nowhere.py"\n```\n', "nowhere.py"),
    "missing section": ('```python\n--8<-- "demo/demo_shown.py:nosuch"\n```\n', "nosuch"),
    "unknown option": ('```{.python notset}\n--8<-- "demo/demo_shown.py"\n```\n', "unknown fence option 'notset'"),
    "unknown output": ('```{.python output="html"}\n--8<-- "demo/demo_shown.py"\n```\n', 'output="html"'),
    "typed code": ('```python\nprint("typed")\n```\n', "does not come from snippets/"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_broken_fence_is_refused_naming_the_page_and_the_line(snippets, fault):
    fence, words = FAULTS[fault]
    with pytest.raises(PageError) as error:
        parse("---\ntags: [x]\n---\n\n# T { #t }\n\n" + fence, snippets)
    assert str(error.value).startswith("docs/page.md:7:"), error.value  # the line of the opening ```
    assert words in str(error.value)


def test_origins_are_written_into_the_running_fences_only(snippets):
    source = '---\nx: 1\n---\n\n```python\n--8<-- "demo/demo_shown.py:part"\n```\n\n```{.python notest}\nf()\n```\n\n' \
             '```{.python output="markdown"}\n--8<-- "demo/demo_shown.py"\n```\n'
    page = parse(source, snippets)
    body = source.split("---\n", 2)[2].lstrip("\n")
    build = PageBuild(Build(runner=None, snippets_dir=snippets), page, "page/", "en", body_line(source, body))
    lines = FenceOrigins(None, build).run(body.split("\n"))
    assert lines[0] == '```python origin="demo/demo_shown.py:part"'
    assert lines[4] == "```{.python notest}"
    assert lines[8] == '```{.python output="markdown" origin="demo/demo_shown.py"}'
    with pytest.raises(ValueError, match="docs/page.md:5: the page changed"):
        FenceOrigins(None, build).run(["", *body.split("\n")])


def test_the_body_line_counts_the_front_matter_and_the_blank_lines_mkdocs_drops():
    source = "---\na: 1\n---\n\n# T\n\ntext\n\n"
    assert body_line(source, "# T\n\ntext") == 5
    assert body_line("# T\n", "# T\n") == 1


# -- code annotations on running fences ----------------------------------------------------------------

ANNOTATED = 'print("a")  # (1)!\nprint("b")  # (2)!\n'
NOTES_PAGE = '''# T { #t }

```python
--8<-- "demo/demo_notes.py"
```

1. The first note, with $x$.
2. The second note,
   on two lines.

After the notes.
'''


@pytest.fixture
def annotated(snippets):
    (snippets / "demo" / "demo_notes.py").write_text(ANNOTATED, encoding="utf-8")
    return snippets


def test_the_ordered_list_after_an_annotated_running_fence_is_its_notes(annotated):
    page = parse(NOTES_PAGE, annotated)
    assert [type(block).__name__ for block in page.blocks] == ["Heading", "Fence", "Prose"]
    fence = page.fences[0]
    assert fence.markers == [1, 2] and fence.note_count == 2
    assert fence.notes == "1. The first note, with $x$.\n2. The second note,\n   on two lines."
    assert (fence.notes_line, fence.notes_end) == (7, 11)  # markdown-it counts the blank line after a list
    assert page.inline_math == 1  # the notes' equations count
    assert page.blocks[2].text == "After the notes."
    nested = parse("!!! note\n\n" + "".join(f"    {x}\n" if x else "\n" for x in NOTES_PAGE.split("\n")[2:]), annotated)
    assert nested.fences[0].notes == fence.notes and nested.fences[0].depth == 1
    plain = parse(NOTES_PAGE.replace("demo_notes.py", "demo_shown.py"), annotated)  # no markers: the list is prose
    assert plain.fences[0].notes == "" and [type(b).__name__ for b in plain.blocks] == ["Heading", "Fence", "Prose", "Prose"]


NOTE_FAULTS = {
    "no list": (NOTES_PAGE.split("1. The first")[0] + "Prose.\n", "no ordered list of notes"),
    "one note short": (NOTES_PAGE.replace("2. The second note,\n   on two lines.\n", ""), "do not number the 1 notes"),
    "a note links": (NOTES_PAGE.replace("with $x$", "see [there](#t)"), "links"),
}


@pytest.mark.parametrize("fault", NOTE_FAULTS)
def test_notes_that_do_not_match_the_markers_are_refused(annotated, fault):
    text, words = NOTE_FAULTS[fault]
    with pytest.raises(PageError, match=words) as error:
        parse(text, annotated)
    assert str(error.value).startswith("docs/page.md:3:")


class _Printing:
    def run_code(self, code, origin):
        return "printed\n"


def test_a_fence_with_notes_renders_code_then_notes_then_output_and_the_list_once(annotated):
    """The notes are the code block's next element inside the fence's div, as Material's code
    annotations need; the output follows; the page has the list only there."""
    import markdown

    from rnnnotes import fences

    page = parse(NOTES_PAGE, annotated)
    build = PageBuild(Build(runner=_Printing(), snippets_dir=annotated), page, "en/page/", "en", 1)
    html = markdown.markdown(NOTES_PAGE, extensions=[
        "pymdownx.highlight", "pymdownx.snippets", "pymdownx.superfences", "pymdownx.arithmatex",
        PageExtension(page=build),
    ], extension_configs={
        "pymdownx.snippets": {"base_path": [str(annotated)]},
        "pymdownx.superfences": {"custom_fences": [fences.superfences_entry()]},
        "pymdownx.arithmatex": {"generic": True},
    })
    root = _tree(html)
    assert html.count("<ol>") == 1 and html.count("The first note") == 1
    (exec_div,) = [child for child in root["children"] if child["attrs"].get("class") == "exec"]
    kinds = [child["attrs"].get("class") or child["tag"] for child in exec_div["children"]]
    assert kinds == ["highlight", "ol", "exec-output highlight"], kinds
    code, notes = exec_div["children"][:2]
    title = code["children"][0]  # the code's title bar holds its download control
    assert title["attrs"]["class"] == "filename" and title["children"][0]["attrs"]["class"] == "rn-download"
    assert [" ".join(item["text"].split()) for item in notes["children"]] == [
        "The first note, with \\(x\\).", "The second note, on two lines."
    ]
    assert "# (1)!" in code["text"]
    assert root["text"].strip().endswith("After the notes.")


def _tree(html):
    """The elements of ``html`` as nested dicts (tag, attrs, children, text): enough to check an order."""
    from html.parser import HTMLParser

    root = {"tag": "body", "attrs": {}, "children": [], "text": ""}
    stack = [root]
    void = {"br", "img", "input", "meta", "link", "hr", "source"}

    class Builder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            element = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
            stack[-1]["children"].append(element)
            if tag not in void:
                stack.append(element)

        def handle_endtag(self, tag):
            while len(stack) > 1 and stack.pop()["tag"] != tag:
                pass

        def handle_data(self, data):
            for element in stack:
                element["text"] += data

    Builder().feed(html)
    return root
