"""The page model: a page parsed once into the blocks the build, the notebooks and the tests read, and
a page that breaks a rule refused with its name and line."""

import pytest

from rnnnotes.layout import Layout
from rnnnotes.page_extension import Build, FenceOrigins, PageBuild
from rnnnotes.page_model import (
    Figure,
    Heading,
    Origin,
    PageError,
    Prose,
    Widget,
    body_line,
    parse_info,
    parse_page,
)

PAGE = """---
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
"""

SNIPPET = 'print("whole")\n# --8<-- [start:part]\nprint("part")\n# --8<-- [end:part]\n'


@pytest.fixture
def snippets(tmp_path):
    (tmp_path / "demo").mkdir()
    for name, text in (
        ("demo_shown", SNIPPET),
        ("demo_fig_line", ""),
        ("demo_anim_dot", ""),
    ):
        (tmp_path / "demo" / f"{name}.py").write_text(text, encoding="utf-8")
    return tmp_path


def parse(text, snippets):
    return parse_page(text, name="docs/page.md", snippets_dir=snippets)


def test_a_page_becomes_its_blocks_in_order(snippets):
    page = parse(PAGE, snippets)
    kinds = [type(block).__name__ for block in page.blocks]
    assert kinds == [
        "Heading",
        "Prose",
        "Fence",
        "Fence",
        "Fence",
        "Fence",
        "Figure",
        "Figure",
        "Prose",  # the <figure markdown>: its image, its caption
        "Prose",
        "Fence",  # the admonition, then the fence inside it
        "Prose",
        "Widget",
        "Heading",
    ]
    title, next_heading = page.headings
    assert title == Heading(line=6, level=1, text="Title", anchor="top")
    assert next_heading.anchor == "next" and next_heading.level == 2
    part, table, notest, bash, nested = page.fences
    assert (
        part.origin == Origin("demo/demo_shown.py", "part")
        and part.code == 'print("part")'
        and part.line == 10
    )
    assert part.runs and part.output == "text" and part.depth == 0
    assert (
        table.origin == Origin("demo/demo_shown.py")
        and "--8<--" not in table.code
        and 'print("whole")' in table.code
    )
    assert table.output == "markdown" and table.options["title"] == "Table"
    assert (
        notest.origin is None
        and not notest.runs
        and notest.code == "keras2_only()"
    )
    assert bash.language == "bash" and not bash.runs
    assert (
        nested.depth == 1
        and nested.runs
        and nested.origin == Origin("demo/demo_shown.py", "part")
    )
    figure, animation = page.figures
    assert figure == Figure(
        line=26,
        kind="figure",
        module="demo_fig_line",
        alt="A figure",
        src="figures/demo_fig_line.svg",
        alone=True,
        end=27,
    )
    assert (
        animation.kind == "animation"
        and animation.module == "demo_anim_dot"
        and animation.depth == 1
    )
    explorer = page.blocks[-2]
    assert (
        isinstance(explorer, Widget)
        and explorer.ids == ("explorer-gru",)
        and explorer.cell == "gru"
    )
    assert page.widgets == ["gate-explorer"] and page.tags == [
        "forget gate",
        "input gate",
    ]
    assert page.links == ["other.md#there", "#top"]
    assert (page.display_math, page.inline_math) == (
        2,
        2,
    )  # "+ b" inside $$ is TeX, not a list
    shown = "demo/demo_shown.py"
    assert page.includes == [
        Origin(shown, "part"),
        Origin(shown),
        Origin(shown, "part"),
    ]
    assert page.files_shown(Layout(snippets)) == [
        "demo/demo_anim_dot.py",
        "demo/demo_fig_line.py",
        "demo/demo_shown.py",
    ]
    assert isinstance(page.blocks[1], Prose) and page.blocks[1].text.startswith(
        "Text with $x$"
    )


def test_the_options_of_an_info_string():
    assert parse_info("python") == ("python", {})
    assert parse_info("{.python notest}") == ("python", {"notest": True})
    assert parse_info('{.python output="markdown"}') == (
        "python",
        {"output": "markdown"},
    )
    assert parse_info('python title="a b"') == ("python", {"title": "a b"})


FAULTS = {
    "missing file": ('```python\n--8<-- "nowhere.py"\n```\n', "nowhere.py"),
    "missing section": (
        '```python\n--8<-- "demo/demo_shown.py:nosuch"\n```\n',
        "nosuch",
    ),
    "unknown option": (
        '```{.python notset}\n--8<-- "demo/demo_shown.py"\n```\n',
        "unknown fence option 'notset'",
    ),
    "unknown output": (
        '```{.python output="html"}\n--8<-- "demo/demo_shown.py"\n```\n',
        'output="html"',
    ),
    "typed code": (
        '```python\nprint("typed")\n```\n',
        "does not come from snippets/",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_broken_fence_is_refused_naming_the_page_and_the_line(
    snippets, fault
):
    fence, words = FAULTS[fault]
    with pytest.raises(PageError) as error:
        parse("---\ntags: [x]\n---\n\n# T { #t }\n\n" + fence, snippets)
    assert str(error.value).startswith("docs/page.md:7:"), (
        error.value
    )  # the line of the opening ```
    assert words in str(error.value)


def test_origins_are_written_into_the_running_fences_only(snippets):
    source = (
        '---\nx: 1\n---\n\n```python\n--8<-- "demo/demo_shown.py:part"\n```\n\n```{.python notest}\nf()\n```\n\n'
        '```{.python output="markdown"}\n--8<-- "demo/demo_shown.py"\n```\n'
    )
    page = parse(source, snippets)
    body = source.split("---\n", 2)[2].lstrip("\n")
    build = PageBuild(
        Build(runner=None, snippets_dir=snippets),
        page,
        "page/",
        "en",
        body_line(source, body),
    )
    lines = FenceOrigins(None, build).run(body.split("\n"))
    assert lines[0] == '```python origin="demo/demo_shown.py:part"'
    assert lines[4] == "```{.python notest}"
    assert (
        lines[8] == '```{.python output="markdown" origin="demo/demo_shown.py"}'
    )
    with pytest.raises(ValueError, match="docs/page.md:5: the page changed"):
        FenceOrigins(None, build).run(["", *body.split("\n")])


def test_the_body_line_counts_the_front_matter_and_the_blank_lines_mkdocs_drops():
    source = "---\na: 1\n---\n\n# T\n\ntext\n\n"
    assert body_line(source, "# T\n\ntext") == 5
    assert body_line("# T\n", "# T\n") == 1
