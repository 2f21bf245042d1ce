"""The Markdown extension through which the build of one page reaches that page's model.

mkdocs makes a new ``markdown.Markdown`` for every page, from ``config.markdown_extensions``. The build's
plugin (:mod:`rnnnotes.plugin`) puts one :class:`PageExtension` there and, before each page is converted,
sets its ``page`` to a :class:`PageBuild` (the page's model from :mod:`rnnnotes.page_model`, its URL and
language, and what every page shares: the runner, the highlighter, the KaTeX renderer, figure sizes), so
the Markdown instance made for that page carries exactly that page. Whatever needs the page gets it from
the Markdown instance it is handed: :func:`page_of` ``(md)``. A Markdown instance made without one (a
unit test, the renderer of a fence's printed Markdown, a builder without the plugin) has no page: its
python fences are only highlighted.

The extension adds:

* a preprocessor, run before pymdownx.snippets expands the includes, that writes each running fence's
  origin into its opening line (``origin="gru/gru_forward.py:forward"``), taken from the model at the
  fence's line; superfences hands it to the fence formatter (:func:`rnnnotes.fences.format_fence`) with
  the fence's other options. The origin thus travels with the fence itself, whatever order superfences
  formats fences in (tabs, admonitions), and nothing maps expanded text back to a file: the formatter
  only checks that the code it got is the code the model expanded for that origin;
* a tree processor that shows each figure as its light/dark pair of lazy ``<img>`` of known size
  (:mod:`rnnnotes.figures`), each animation as its two stills and a play button
  (:mod:`rnnnotes.animations`), each in a block with the control that downloads the drawing snippet;
* a tree processor that puts every table in a focusable, named region that scrolls (:mod:`rnnnotes.a11y`);
* postprocessors, on the finished HTML: the page's TeX as MathML (:mod:`rnnnotes.katex`), so Material's
  search indexes equations as text, and ``data-search-exclude`` on code blocks, outputs and tables.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Extension, serializers
from markdown.postprocessors import Postprocessor
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
    highlight: Callable[..., str] | None = (
        None  # fences.pygments_html, or a cached wrapper of it (cache.py)
    )
    figure_sizes: dict[str, tuple[int, int]] = field(
        default_factory=dict
    )  # module -> (width, height) px
    animation_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    figure_min_widths: dict[str, int] = field(
        default_factory=dict
    )  # module -> px (figures.readable_width)
    katex: object = None  # rnnnotes.katex.KatexRenderer: the page's TeX becomes MathML as it is converted


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
    """Writes ``origin="…"`` into the opening line of every fence of the model that runs."""

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
            if not (
                opening.lstrip()[:3] in ("```", "~~~")
                and opening.rstrip().endswith(fence.info.strip())
            ):
                raise ValueError(
                    f"{self.page.name}:{fence.line}: the page changed after it was parsed ({opening!r})"
                )
            tag = f'origin="{fence.origin}"'
            stripped = opening.rstrip()
            lines[index] = (
                f"{stripped[:-1]} {tag}}}"
                if stripped.endswith("}")
                else f"{stripped} {tag}"
            )
        return lines


def _attributes(pairs, escape) -> str:
    return "".join(f' {key}="{escape(value)}"' for key, value in pairs)


def _figure_html(
    attributes: dict[str, str],
    folder: str,
    name: str,
    size: tuple[int, int],
    min_width: int | None = None,
    language: str = "en",
) -> str:
    """The light/dark pair of a figure, or an animation's stills and button, as HTML. A figure with a
    ``min_width`` keeps it and scrolls sideways in a named, focusable region where the column is narrower."""
    common = sorted(
        (key, value)
        for key, value in attributes.items()
        if key not in ("src", "width", "height", "loading")
    )
    extra = [
        ("width", str(size[0])),
        ("height", str(size[1])),
        ("loading", "lazy"),
        ("decoding", "async"),
    ]
    if min_width:
        extra.append(("style", f"min-width: {min_width}px"))
    pieces = []
    if layout.is_animation(name):
        pieces.append(
            animations.animation_html(
                folder,
                name,
                _attributes(common, _escape_attribute),
                _attributes(extra, _escape_attribute),
                language,
            )
        )
    else:
        for variant, scheme in (("", "#only-light"), (".dark", "#only-dark")):
            src = [("src", f"{folder}{name}{variant}.svg{scheme}")]
            pieces.append(
                f"<img{_attributes(common + src + extra, _escape_quoted)} />"
            )
    if min_width:
        region = _attributes(
            a11y.figure_scroll_region(language).items(), _escape_quoted
        )
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
            sizes = (
                build.figure_sizes
                if layout.is_figure(name)
                else build.animation_sizes
            )
            if name not in sizes or img.get("loading"):
                continue
            placeholder = self.md.htmlStash.store(
                _figure_html(
                    dict(img.items()),
                    folder,
                    name,
                    sizes[name],
                    build.figure_min_widths.get(name),
                    self.page.language,
                )
            )
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

    def _download_control(
        self, block: etree.Element, parents: dict, module: str
    ) -> None:
        """The paragraph (or ``<figure>``) of the figure goes into a ``<div class="rn-figure">`` that also
        holds the control downloading its snippet, at its top right (extra.css)."""
        file = layout.Layout(self.page.build.snippets_dir).file_of(module)
        if block not in parents or file is None:
            return
        control = downloads.download_html(
            file,
            downloads.imported_snippets(file, self.page.build.snippets_dir),
            self.page.href,
            self.page.language,
        )
        container = parents[block]
        wrapper = etree.Element("div", {"class": "rn-figure"})
        container.insert(list(container).index(block), wrapper)
        container.remove(block)
        wrapper.append(block)
        wrapper.tail, block.tail = (
            block.tail,
            "\n" + self.md.htmlStash.store(control) + "\n",
        )
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


class StandaloneMath(Postprocessor):
    """The page's TeX as MathML for a builder that runs Python-Markdown but not the build's plugin
    (``make compat``: Zensical), from the repository's cache, starting KaTeX only for what it lacks.
    Under MkDocs the plugin's :class:`PageMath`, registered under the same name, replaces it."""

    def __init__(self, md, extension: PageExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        from .katex import render_page_math

        return spaced_math(
            render_page_math(text, self.extension.standalone_renderer())
        )


class PageMath(Postprocessor):
    """The page's TeX as MathML (:func:`rnnnotes.katex.render_page_math`), in the HTML the conversion
    returns: so Material's search plugin, which reads that HTML, indexes equations as text, and any
    builder that runs Python-Markdown gets the same page."""

    def __init__(self, md, page: PageBuild):
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        from .katex import TexError, render_page_math

        try:
            return spaced_math(render_page_math(text, self.page.build.katex))
        except TexError as error:
            raise TexError(f"{self.page.name}: {error}") from None


# Operators a reader reads with a space on each side. MathML draws the space itself (the whitespace between
# elements is not drawn: MathML Core lays out only elements inside a row); in the page's text, which
# Material's search indexes, find-in-page reads and a copy takes, the space keeps "o_t ⊙ tanh(c_t)" three
# words, so "tanh" is found, instead of the one word "ot⊙tanh". Inside a sub- or superscript operators
# stay tight ("h_{t-1}" reads ht−1).
SPACED = set("=+−×·⊙≤≥<>≈≠∈→←↦⊗∘≡∼")
SCRIPTS = {
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
}
_MATH_RE = re.compile(r"<math\b.*?</math>", re.DOTALL)
_MATH_TAG_RE = re.compile(r"<(/?)([a-z]+)\b([^>]*?)(/?)>")


def _spaced(math: str) -> str:
    out, stack, at = [], [], 0
    for tag in _MATH_TAG_RE.finditer(math):
        closing, name, empty = tag[1], tag[2], tag[4]
        if empty:
            continue
        if not closing:
            stack.append(name)
            continue
        stack.pop()
        if name != "mo" or any(parent in SCRIPTS for parent in stack):
            continue
        start = math.rfind("<mo", 0, tag.start())
        text = html.unescape(math[math.index(">", start) + 1 : tag.start()])
        if text in SPACED and 'form="prefix"' not in math[start : tag.start()]:
            out += [math[at:start], " ", math[start : tag.end()], " "]
        elif text == ",":
            out += [math[at : tag.end()], " "]
        else:
            continue
        at = tag.end()
    return "".join(out) + math[at:]


def spaced_math(page_html: str) -> str:
    """``page_html`` with a space around each relation and binary operator of its MathML outside scripts,
    and after each comma."""
    return _MATH_RE.sub(lambda math: _spaced(math[0]), page_html)


# Material's search plugin leaves out of its index every element marked ``data-search-exclude`` (and
# strips the attribute from the page it serves, when it has a value). Code blocks (a listing, a program's
# output) and tables would show in a result as one run-on paragraph: a reader finds the prose around them.
# Material tells elements apart by tag name alone (its parser stops skipping at the first closing tag of
# the same name), so the mark goes on elements that hold no element of their own tag: a code block's
# ``<div class="highlight">`` (title bar and <pre>), a ``<table>``, and the block a fence's printed
# Markdown goes in (its tables are marked too).
SEARCH_EXCLUDE = ' data-search-exclude="prose-only"'
_EXCLUDED_RE = re.compile(
    r'<div class="(?:[^"]* )?(?:highlight|exec-output)\b[^"]*"|<table\b'
)


class SearchExclusions(Postprocessor):
    """Marks code blocks, program outputs and tables ``data-search-exclude`` for Material's search."""

    def run(self, text: str) -> str:
        return _EXCLUDED_RE.sub(lambda match: match[0] + SEARCH_EXCLUDE, text)


class PermalinkTitles(Treeprocessor):
    """Each heading's permalink titled in the page's language (after toc, which adds the links)."""

    def __init__(self, md, language: str):
        super().__init__(md)
        self.title = a11y.PERMALINK_TITLE.get(
            language, a11y.PERMALINK_TITLE["en"]
        )

    def run(self, root):
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.set("title", self.title)


class PageExtension(Extension):
    """``page``: the :class:`PageBuild` of the page being converted; the build's plugin sets it on its one
    instance before mkdocs converts each page (a unit test passes it). Without a page (a fence's printed
    Markdown, a builder without the plugin) only tables are wrapped, labelled in ``language``."""

    def __init__(self, **kwargs):
        self.config = {
            "page": [
                "",
                "the PageBuild of the page being converted",
            ],  # "": Markdown reads None as False
            "language": [
                "",
                "the language of tables' labels where there is no page (a fence's printed Markdown)",
            ],
            "math": [
                False,
                "render math without the plugin (a builder that runs no MkDocs plugin)",
            ],
        }
        super().__init__(**kwargs)
        self.page: PageBuild | None = self.getConfig("page") or None
        self._renderer = None

    def standalone_renderer(self):
        """A KaTeX renderer of this extension's own, on the repository's cache, stopped at exit."""
        if self._renderer is None:
            import atexit
            import os

            from .cache import Cache
            from .katex import KatexRenderer

            root = Path(__file__).resolve().parents[2]
            self._renderer = KatexRenderer(
                root,
                Cache(Path(os.environ.get("RNN_NOTES_CACHE", root / ".cache"))),
            )
            atexit.register(self._renderer.close)
        return self._renderer

    def extendMarkdown(self, md):
        page = self.page
        md.preprocessors.register(
            FenceOrigins(md, page), NAME, 33
        )  # pymdownx.snippets runs at 32
        language = (
            page.language if page is not None else self.getConfig("language")
        )
        if language:
            md.treeprocessors.register(
                ScrollingTables(md, language), "rnnnotes_tables", 1
            )
            md.treeprocessors.register(
                PermalinkTitles(md, language), "rnnnotes_permalinks", 4
            )  # toc: 5
        if self.getConfig("math"):
            md.postprocessors.register(
                StandaloneMath(md, self), "rnnnotes_math", 5
            )
        if page is not None:
            md.postprocessors.register(
                SearchExclusions(md), "rnnnotes_search", 6
            )
            # After mkdocs has made the page's links relative (its "relpath" processor, priority 0).
            md.treeprocessors.register(
                FigureImages(md, page), "rnnnotes_figures", -1
            )
            # After the stashed HTML (code blocks, figures) is back in the page (raw_html runs at 30).
            if page.build.katex is not None:
                md.postprocessors.register(
                    PageMath(md, page), "rnnnotes_math", 5
                )


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return PageExtension(**kwargs)
