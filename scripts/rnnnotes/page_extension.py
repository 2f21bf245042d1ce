"""The Markdown extension through which the build of one page reaches that page's model.

mkdocs makes a new ``markdown.Markdown`` for every page, from ``config.markdown_extensions`` and
``config.mdx_configs``. The hook's ``on_page_markdown`` takes the page's model (:mod:`rnnnotes.page_model`,
read once per build in ``on_config``) and puts a :class:`PageBuild` (the model, the page's URL and
language, and the build's runner) into
``config.mdx_configs[NAME]["page"]``, so the Markdown instance made for that page carries an extension
holding exactly that page. Whatever needs the page gets it from the Markdown instance it is handed:
:func:`page_of` ``(md)``. A Markdown instance made without it (a unit test, the renderer of a fence's
printed Markdown) has no page: its python fences are only highlighted.

The extension adds:

* a preprocessor, run before pymdownx.snippets expands the includes, that writes each running fence's
  origin into its opening line (``origin="gru/gru_forward.py:forward"``), taken from the model at the
  fence's line; superfences hands it to the fence formatter (:func:`rnnnotes.fences.format_fence`) with
  the fence's other options. The origin thus travels with the fence itself, whatever order superfences
  formats fences in (tabs, admonitions), and nothing maps expanded text back to a file: the formatter
  only checks that the code it got is the code the model expanded for that origin. A fence with notes
  (code annotations: the model's ``Fence.notes``) also gets ``notes="<its line>"``, and the notes' lines
  are blanked: the formatter renders them inside the fence, right after the code, where Material looks
  for them, so they appear once;
* a tree processor that shows each figure as its light/dark pair of lazy ``<img>`` of known size
  (:mod:`rnnnotes.figures`), each animation as its two stills and a play button
  (:mod:`rnnnotes.animations`), each in a block with the control that downloads the drawing snippet;
* a tree processor that puts every table in a focusable, named region that scrolls (:mod:`rnnnotes.a11y`).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markdown import Extension, serializers
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import a11y, animations, downloads, layout
from .page_model import Page

NAME = "rnnnotes.page_extension"
FIGURE_SRC_RE = re.compile(
    rf"^(?P<folder>(?:[^\"#?]*/)?figures/)(?P<name>{layout.FIGURE_NAME}|{layout.ANIMATION_NAME})\.svg$"
)


@dataclass
class Build:
    """What every page's build shares: the snippet runner, the highlighter, the figures' sizes."""

    runner: object  # rnnnotes.runner.SnippetRunner
    snippets_dir: Path
    highlight: Callable[..., str] | None = None  # fences.pygments_html, or a cached wrapper of it (cache.py)
    figure_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # module -> (width, height) px
    animation_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    figure_min_widths: dict[str, int] = field(default_factory=dict)  # module -> px (figures.readable_width)


@dataclass
class PageBuild:
    """One page being built: its model, where it is published, its language."""

    build: Build
    model: Page
    url: str  # the page's URL relative to the site root, e.g. "en/rnn/"
    language: str
    first_line: int  # the file's line number of the Markdown's first line (after the front matter)

    @property
    def name(self) -> str:
        return self.model.name

    def href(self, file: str) -> str:
        """The link from this page to the published snippet ``file`` (``gru/gru_forward.py``)."""
        from mkdocs.utils import get_relative_url

        return get_relative_url(layout.site_uri(file), self.url)


def page_of(md) -> PageBuild | None:
    """The page a Markdown instance is converting, or None outside a page build."""
    processor = md.preprocessors[NAME] if NAME in md.preprocessors else None
    return processor.page if processor is not None else None


class FenceOrigins(Preprocessor):
    """Writes ``origin="…"`` (and ``notes="<line>"``) into the opening line of every fence of the model
    that runs, and blanks the lines of its notes."""

    def __init__(self, md, page: PageBuild | None):
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        if self.page is None:
            return lines
        lines = list(lines)
        for fence in self.page.model.run_fences:
            index = fence.line - self.page.first_line
            opening = lines[index] if 0 <= index < len(lines) else ""
            if not (opening.lstrip()[:3] in ("```", "~~~") and opening.rstrip().endswith(fence.info.strip())):
                raise ValueError(f"{self.page.name}:{fence.line}: the page changed after it was parsed ({opening!r})")
            tag = f'origin="{fence.origin}"'
            if fence.notes:
                tag += f' notes="{fence.line}"'
                first, end = fence.notes_line - self.page.first_line, fence.notes_end - self.page.first_line
                lines[first:end] = [""] * (end - first)
            stripped = opening.rstrip()
            lines[index] = f"{stripped[:-1]} {tag}}}" if stripped.endswith("}") else f"{stripped} {tag}"
        return lines


def _attributes(pairs, escape) -> str:
    return "".join(f' {key}="{escape(value)}"' for key, value in pairs)


def _figure_html(attributes: dict[str, str], folder: str, name: str, size: tuple[int, int],
                 min_width: int | None = None, language: str = "en") -> str:
    """The light/dark pair of a figure, or an animation's stills and button, as HTML. A figure with a
    ``min_width`` keeps it and scrolls sideways in a named, focusable region where the column is narrower."""
    common = sorted((key, value) for key, value in attributes.items() if key not in ("src", "width", "height", "loading"))
    extra = [("width", str(size[0])), ("height", str(size[1])), ("loading", "lazy"), ("decoding", "async")]
    if min_width:
        extra.append(("style", f"min-width: {min_width}px"))
    pieces = []
    if layout.is_animation(name):
        pieces.append(animations.animation_html(
            folder, name, _attributes(common, _escape_attribute),
            _attributes(extra, _escape_attribute), language))
    else:
        for variant, scheme in (("", "#only-light"), (".dark", "#only-dark")):
            src = [("src", f"{folder}{name}{variant}.svg{scheme}")]
            pieces.append(f"<img{_attributes(common + src + extra, _escape_quoted)} />")
    if min_width:
        region = _attributes(a11y.figure_scroll_region(language).items(), _escape_quoted)
        return f"<span{region}>{''.join(pieces)}</span>"
    return "".join(pieces)


def _escape_quoted(value: str) -> str:
    return html.escape(value, quote=True)


def _escape_attribute(value: str) -> str:
    return serializers._escape_attrib_html(value)


class FigureImages(Treeprocessor):
    """Figures and animations: light/dark pairs of known size, each with its download control.

    The new markup goes into the tree as stashed HTML (as Python-Markdown keeps inline raw HTML): its
    serializer would sort the attributes, and the order (src, then width, height, loading) is the page's.
    """

    def __init__(self, md, page: PageBuild):
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        build = self.page.build
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in [element for element in root.iter("img")]:
            match = FIGURE_SRC_RE.match(img.get("src", ""))
            if match is None:
                continue
            name, folder = match["name"], match["folder"]
            sizes = build.figure_sizes if layout.is_figure(name) else build.animation_sizes
            if name not in sizes or img.get("loading"):
                continue
            placeholder = self.md.htmlStash.store(_figure_html(
                dict(img.items()), folder, name, sizes[name], build.figure_min_widths.get(name), self.page.language))
            parent = parents[img]
            position = list(parent).index(img)
            text = placeholder + (img.tail or "")
            if position == 0:
                parent.text = (parent.text or "") + text
            else:
                previous = parent[position - 1]
                previous.tail = (previous.tail or "") + text
            parent.remove(img)
            self._download_control(parent, parents, name)

    def _download_control(self, block: etree.Element, parents: dict, module: str) -> None:
        """The paragraph (or ``<figure>``) of the figure goes into a ``<div class="rn-figure">`` that also
        holds the control downloading its snippet, at its top right (extra.css)."""
        file = layout.Layout(self.page.build.snippets_dir).file_of(module)
        if block not in parents or file is None:
            return
        control = downloads.download_html(
            file, downloads.imported_snippets(file, self.page.build.snippets_dir), self.page.href,
            self.page.language,
        )
        container = parents[block]
        wrapper = etree.Element("div", {"class": "rn-figure"})
        container.insert(list(container).index(block), wrapper)
        container.remove(block)
        wrapper.append(block)
        wrapper.tail, block.tail = block.tail, "\n" + self.md.htmlStash.store(control) + "\n"
        parents[block] = wrapper


class ScrollingTables(Treeprocessor):
    """Every table in a focusable, named region that scrolls sideways (see :mod:`rnnnotes.a11y`)."""

    def __init__(self, md, language: str):
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for table in [element for element in root.iter("table")]:
            parent = parents[table]
            wrapper = etree.Element("div", a11y.scroll_region(self.language))
            wrapper.tail, table.tail = table.tail, None
            parent.insert(list(parent).index(table), wrapper)
            parent.remove(table)
            wrapper.append(table)


class PageExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "page": ["", "the PageBuild of the page being converted (set by the hook for each page)"],
            "language": ["", "the language of tables' labels where there is no page (a fence's printed Markdown)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        page: PageBuild | None = self.getConfig("page") or None  # "" (no page): Markdown reads None as False
        md.preprocessors.register(FenceOrigins(md, page), NAME, 33)  # pymdownx.snippets runs at 32
        language = page.language if page is not None else self.getConfig("language")
        if language:
            md.treeprocessors.register(ScrollingTables(md, language), "rnnnotes_tables", 1)
        if page is not None:
            # After mkdocs has made the page's links relative (its "relpath" processor, priority 0).
            md.treeprocessors.register(FigureImages(md, page), "rnnnotes_figures", -1)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return PageExtension(**kwargs)
