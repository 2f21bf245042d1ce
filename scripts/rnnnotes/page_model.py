"""One page, parsed once: the blocks every part of the build and the tests read.

A page's Markdown is parsed by one parser, markdown-it-py (CommonMark plus tables), extended with the
three pieces of syntax this site's pages use beyond CommonMark: ``$…$`` / ``$$…$$`` math (counted, kept as
TeX), admonitions, details and tabs (``!!!``, ``???``, ``===``: their indented body is parsed as blocks),
and raw HTML with ``markdown`` (``<figure markdown="span">``: its content is parsed too). The result,
:class:`Page`, is a list of blocks in page order plus the front matter:

* :class:`Heading` — level, text, ``anchor`` from ``{ #anchor }``;
* :class:`Prose` — any other top-level block (paragraph, list, table, admonition…): its source lines;
* :class:`Fence` — language, options (``notest``, ``output``, highlight options), and for an include
  (``--8<-- "file.py:section"``) its :class:`Origin` and the code it expands to, expanded from the origin
  by pymdownx.snippets with the site's settings, so nothing ever maps expanded text back to a file;
* :class:`Figure` — an image of ``figures/<chapter>_fig_*.svg`` (kind ``figure``) or
  ``figures/<chapter>_anim_*.svg`` (kind ``animation``; names: :mod:`rnnnotes.layout`): alt text, src,
  the module that draws it;
* :class:`Widget` — a raw HTML block carrying an ``id`` (an explorer's container), with its ``data-cell``.

Blocks know their line in the file (1-based) and their depth (0 at the top level, 1 inside an admonition
or a raw HTML element). The page also lists its links within the site and counts its equations.

The rules that decide what a fence is live here and only here: a ``python`` fence *runs* (at build, in
the fence tests, as a notebook cell) unless it is marked ``notest``; a python fence that runs must be
exactly one include; ``output`` is ``text`` or ``markdown``. A page that breaks a rule, or includes a
missing file or section, raises :class:`PageError` naming the page and the line.
"""

from __future__ import annotations

import dataclasses
import functools
import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from markdown_it import MarkdownIt

from . import layout

RUN_LANGUAGE = "python"
OUTPUT_KINDS = ("text", "markdown")
# Options a python fence may carry: ours, then those pymdownx.highlight understands.
FENCE_OPTIONS = ("notest", "output", "title", "hl_lines", "linenums")
INCLUDE_RE = re.compile(r'^--8<--[ \t]+"(?P<target>[^"]+)"[ \t]*$')
TARGET_RE = re.compile(
    r"^(?P<file>[^:]+?\.py)(?::(?P<section>[a-z][-_0-9a-z]*))?$"
)
ANCHOR_RE = re.compile(r"[ \t]*\{[ \t]*#(?P<id>[-\w]+)[^}]*\}[ \t]*$")
FIGURE_SRC_RE = re.compile(
    rf"^(?:\.\./)*figures/(?P<module>{layout.FIGURE_NAME}|{layout.ANIMATION_NAME})\.svg$"
)
CONTAINER_RE = re.compile(
    r"^(?P<marker>!!!|\?\?\?\+?|===\+?)[ \t]+(?P<title>.*?)[ \t]*$"
)
MARKDOWN_HTML_RE = re.compile(r"^<([a-zA-Z][\w-]*)\b[^>]*\bmarkdown=")
FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*\n", re.DOTALL
)


class PageError(ValueError):
    """A page the build refuses; the message starts with ``docs/page.md:line:``."""


@dataclass(frozen=True)
class Origin:
    """Where an included fence's code lives: ``file`` inside snippets/, and a named section or None."""

    file: str  # path under snippets/, as the page includes it: "gru/gru_forward.py"
    section: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.section}" if self.section else self.file


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # without the { #anchor }
    anchor: str | None
    depth: int = 0


@dataclass(frozen=True)
class Prose:
    line: int
    end: int  # the line after the block
    text: str  # the block's source lines
    depth: int = 0


@dataclass(frozen=True)
class Fence:
    line: int  # the line of the opening ```
    end: int  # the line after the closing ```
    language: str
    options: dict  # {"notest": True, "output": "markdown", "title": …} as written; absent means default
    info: str  # the info string as written after the backticks
    source: str  # the body as written (an include line, or code)
    origin: Origin | None  # set when the body is an include
    code: str  # what the page shows: the include expanded, or the body itself
    depth: int = 0

    @property
    def runs(self) -> bool:
        """Executed at build, tested by the fence tests, a code cell in the notebook."""
        return self.language == RUN_LANGUAGE and not self.options.get("notest")

    @property
    def output(self) -> str:
        return self.options.get("output", "text")


@dataclass(frozen=True)
class Figure:
    line: int
    kind: str  # "figure" or "animation"
    module: str  # the snippets/ module that draws it, e.g. "gru_fig_cell"
    alt: str
    src: str
    depth: int = 0
    alone: bool = False  # the image is its paragraph's only content
    end: int = 0  # with ``alone``: the line after that paragraph


@dataclass(frozen=True)
class Widget:
    line: int
    html: str
    ids: tuple[str, ...]
    cell: str | None  # data-cell
    depth: int = 0


@dataclass
class Page:
    name: str  # for messages, e.g. "docs/gru.en.md"
    front: dict
    text: str = ""  # what was parsed
    blocks: list = field(
        default_factory=list
    )  # every block, in page order, nested ones included
    links: list[str] = field(
        default_factory=list
    )  # link targets, in page order (not http(s), not figures)
    html_ids: list[str] = field(
        default_factory=list
    )  # ids of raw HTML elements, in page order
    display_math: int = 0
    inline_math: int = 0

    def _of(self, kind) -> list:
        return [block for block in self.blocks if isinstance(block, kind)]

    @property
    def headings(self) -> list[Heading]:
        return self._of(Heading)

    @property
    def fences(self) -> list[Fence]:
        return self._of(Fence)

    @property
    def run_fences(self) -> list[Fence]:
        return [fence for fence in self.fences if fence.runs]

    @property
    def figures(self) -> list[Figure]:
        return self._of(Figure)

    @property
    def widgets(self) -> list[str]:
        """The front matter's ``widgets`` (the scripts the page loads)."""
        return list(self.front.get("widgets") or [])

    @property
    def tags(self) -> list[str]:
        """The front matter's ``tags`` (search keywords, in the page's language)."""
        return list(self.front.get("tags") or [])

    @property
    def includes(self) -> list[Origin]:
        return [
            fence.origin for fence in self.fences if fence.origin is not None
        ]

    def files_shown(self, snippets: layout.Layout) -> list[str]:
        """Snippet files (``gru/gru_forward.py``) the page includes or draws (figures, animations), sorted."""
        drawn = {snippets.file_of(figure.module) for figure in self.figures} - {
            None
        }
        return sorted({origin.file for origin in self.includes} | drawn)


# -- markdown-it, with the site's extra syntax -------------------------------------------------------


def _math_rule(state, silent: bool) -> bool:
    """``$$…$$`` (display) and ``$…$`` (inline, as pymdownx.arithmatex reads it) become one token each,
    so their TeX is neither emphasis nor escapes, and equations can be counted."""
    src, pos = state.src, state.pos
    if src[pos] != "$" or (pos > 0 and src[pos - 1] == "\\"):
        return False
    display = src.startswith("$$", pos)
    if display:
        end = src.find("$$", pos + 2)
        if end < 0:
            return False
        content, stop = src[pos + 2 : end], end + 2
    else:
        match = re.compile(r"\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$").match(
            src, pos
        )
        if not match:
            return False
        content, stop = match[1], match.end()
    if not silent:
        token = state.push(
            "math_display" if display else "math_inline", "math", 0
        )
        token.content, token.markup = content, "$$" if display else "$"
    state.pos = stop
    return True


def _container_rule(state, start: int, end: int, silent: bool) -> bool:
    """``!!! note "Title"`` / ``??? note`` / ``=== "Tab"`` and the lines indented under it."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[
        state.bMarks[start] + state.tShift[start] : state.eMarks[start]
    ]
    match = CONTAINER_RE.match(line)
    if not match:
        return False
    if silent:
        return True
    last = nxt = start + 1
    while nxt < end:
        if state.isEmpty(nxt):
            nxt += 1
            continue
        if state.sCount[nxt] < state.blkIndent + 4:
            break
        nxt += 1
        last = nxt
    token = state.push("container_open", "div", 1)
    token.markup, token.info, token.map = (
        match["marker"],
        match["title"],
        [start, last],
    )
    old = (state.parentType, state.lineMax, state.blkIndent)
    state.parentType, state.lineMax, state.blkIndent = (
        "container",
        last,
        state.blkIndent + 4,
    )
    state.md.block.tokenize(state, start + 1, last)
    state.parentType, state.lineMax, state.blkIndent = old
    state.push("container_close", "div", -1)
    state.line = last
    return True


def _math_block_rule(state, start: int, end: int, silent: bool) -> bool:
    """A ``$$`` at the start of a line opens display math up to the line that ends with ``$$`` (as
    pymdownx.arithmatex reads it: a ``+`` or ``-`` starting a line inside is TeX, not a list)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[
        state.bMarks[start] + state.tShift[start] : state.eMarks[start]
    ]
    if not first.startswith("$$"):
        return False
    last = start
    if not first.rstrip().endswith("$$") or len(first.strip()) < 4:
        last = start + 1
        while last < end and not state.src[
            state.bMarks[last] : state.eMarks[last]
        ].rstrip().endswith("$$"):
            last += 1
        if last >= end:
            return False
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.content = state.src[state.bMarks[start] : state.eMarks[last]]
    token.map = [start, last + 1]
    state.line = last + 1
    return True


@functools.cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.inline.ruler.before("escape", "math", _math_rule)
    md.block.ruler.before(
        "fence",
        "math_block",
        _math_block_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.before(
        "fence",
        "container",
        _container_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    return md


# -- fences ------------------------------------------------------------------------------------------


def parse_info(info: str) -> tuple[str, dict]:
    """The language and options of a superfences info string: ``python``, ``{.python notest}``,
    ``{.python output="markdown"}``, ``python title="x"``."""
    info = info.strip()
    braced = info.startswith("{") and info.endswith("}")
    body = info[1:-1] if braced else info
    language, options = "", {}
    for match in re.finditer(
        r"""(?P<key>[.#]?[-\w+]+)(?:=(?P<value>"[^"]*"|'[^']*'|\S+))?""", body
    ):
        key, value = match["key"], match["value"]
        if braced and key.startswith(".") and not language:
            language = key[1:]
        elif not braced and not language and match.start() == 0:
            language = key
        else:
            options[key] = True if value is None else value.strip("\"'")
    return language, options


def _fence(
    token, page: str, first_line: int, snippets_dir: Path, depth: int
) -> Fence:
    line = first_line + token.map[0]
    where = f"{page}:{line}"
    language, options = parse_info(token.info)
    body = token.content.rstrip("\n")
    origin, code = None, body
    include = INCLUDE_RE.match(body.strip())
    if include:
        target = TARGET_RE.match(include["target"])
        if target is None:
            raise PageError(
                f'{where}: --8<-- "{include["target"]}": expected "file.py" or "file.py:section"'
            )
        origin = Origin(target["file"], target["section"])
        code = expand_origin(origin, snippets_dir, where)
    if language == RUN_LANGUAGE:
        unknown = [key for key in options if key not in FENCE_OPTIONS]
        if unknown:
            raise PageError(
                f"{where}: unknown fence option {unknown[0]!r} (a python fence takes {', '.join(FENCE_OPTIONS)})"
            )
        if options.get("output", "text") not in OUTPUT_KINDS:
            raise PageError(
                f'{where}: output="{options["output"]}": expected one of {", ".join(OUTPUT_KINDS)}'
            )
        if not options.get("notest") and origin is None:
            first = body.strip().splitlines()[0] if body.strip() else ""
            raise PageError(
                f"{where}: a python fence does not come from snippets/ (starts with {first!r}). "
                'Put the code in snippets/ and include it with --8<-- "<chapter>/file.py:section", '
                "or mark the fence {.python notest} if it must not run."
            )
    return Fence(
        line,
        first_line + token.map[1],
        language,
        options,
        token.info,
        body,
        origin,
        code,
        depth,
    )


# The options pages are built with; mkdocs.yml passes the same ones to pymdownx.snippets.
SNIPPETS_CONFIG = {"check_paths": True, "dedent_subsections": True}
_EXPANDERS: dict[str, markdown.Markdown] = {}


def expand_includes(text: str, snippets_dir: Path) -> str:
    """Expand ``--8<--`` includes exactly as the build does: pymdownx.snippets itself, the site's settings.

    One Markdown instance per folder serves every call: the preprocessor starts each run afresh and reads
    the included files every time, so an edited snippet is seen at once."""
    md = _EXPANDERS.get(str(snippets_dir))
    if md is None:
        md = _EXPANDERS[str(snippets_dir)] = markdown.Markdown(
            extensions=["pymdownx.snippets"],
            extension_configs={
                "pymdownx.snippets": {
                    "base_path": [str(snippets_dir)],
                    **SNIPPETS_CONFIG,
                }
            },
        )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def expand_origin(origin: Origin, snippets_dir: Path, where: str = "?") -> str:
    """The code of ``origin`` as the page shows it (pymdownx.snippets with the site's settings)."""
    if not (Path(snippets_dir) / origin.file).is_file():
        raise PageError(
            f'{where}: --8<-- "{origin}": no file snippets/{origin.file}'
        )
    try:
        code = expand_includes(f'--8<-- "{origin}"', Path(snippets_dir))
    except (
        Exception
    ) as error:  # pymdownx.snippets: SnippetMissingError for a missing section
        raise PageError(f'{where}: --8<-- "{origin}": {error}') from None
    return code.strip("\n")


# -- the page ----------------------------------------------------------------------------------------


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if attributes.get("data-cell") and self.cell is None:
            self.cell = attributes["data-cell"]


def _html_ids(text: str) -> tuple[list[str], str | None]:
    found = _Ids()
    found.feed(text)
    found.close()
    return found.ids, found.cell


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter, body, line of the body's first line in the file)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text, 1
    front = yaml.safe_load(match["yaml"] or "") or {}
    return front, text[match.end() :], text[: match.end()].count("\n") + 1


def body_line(source: str, body: str) -> int:
    """The line of ``source`` (a whole file) where ``body`` (its Markdown after the front matter, as mkdocs
    hands it over: leading and trailing blank lines dropped) starts; 1 if ``body`` is not its end."""
    head, tail = source.rstrip(), body.rstrip()
    return (
        head[: len(head) - len(tail)].count("\n") + 1
        if tail and head.endswith(tail)
        else 1
    )


def parse_page(
    text: str,
    *,
    name: str,
    snippets_dir: Path,
    front: dict | None = None,
    first_line: int | None = None,
) -> Page:
    """The model of a page. ``text`` is the whole file (its front matter is read), or, with ``front``
    given, the body only, whose first line is line ``first_line`` of the file."""
    if front is None:
        front, body, start = split_front_matter(text)
    else:
        body, start = text, first_line or 1
    page = Page(name=name, front=front, text=text)
    lines = body.split("\n")
    _walk(parser().parse(body), page, lines, start, Path(snippets_dir), depth=0)
    return page


def parse_file(
    path: Path, *, snippets_dir: Path, docs_dir: Path | None = None
) -> Page:
    path = Path(path)
    name = (
        f"docs/{path.relative_to(docs_dir).as_posix()}"
        if docs_dir
        else path.as_posix()
    )
    return parse_page(
        path.read_text(encoding="utf-8"), name=name, snippets_dir=snippets_dir
    )


def _inline(token, page: Page, line: int, depth: int) -> None:
    """The links, equations, inline HTML ids and figures of an inline token."""
    for child in token.children or []:
        if child.type == "math_display":
            page.display_math += 1
        elif child.type == "math_inline":
            page.inline_math += 1
        elif child.type == "link_open":
            href = child.attrGet("href") or ""
            if not re.match(r"^(https?:|mailto:|figures/)", href):
                page.links.append(href)
        elif child.type == "html_inline":
            page.html_ids.extend(_html_ids(child.content)[0])
        elif child.type == "image":
            src = child.attrGet("src") or ""
            match = FIGURE_SRC_RE.match(src)
            if match:
                alt = (
                    "".join(
                        grandchild.content
                        for grandchild in child.children or []
                    )
                    or child.content
                )
                kind = (
                    "figure"
                    if layout.is_figure(match["module"])
                    else "animation"
                )
                page.blocks.append(
                    Figure(line, kind, match["module"], alt, src, depth)
                )


def _walk(
    tokens,
    page: Page,
    lines: list[str],
    start: int,
    snippets_dir: Path,
    depth: int,
) -> None:
    level = tokens[0].level if tokens else 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = start + token.map[0] if token.map else start
        if token.type == "heading_open":
            inline = tokens[i + 1]
            match = ANCHOR_RE.search(inline.content)
            text = inline.content[: match.start()] if match else inline.content
            page.blocks.append(
                Heading(
                    line,
                    int(token.tag[1]),
                    text,
                    match["id"] if match else None,
                    depth,
                )
            )
            _inline(inline, page, line, depth)
            i += 3
            continue
        if token.type == "fence":
            page.blocks.append(
                _fence(token, page.name, start, snippets_dir, depth)
            )
            i += 1
            continue
        if token.type == "html_block":
            ids, cell = _html_ids(token.content)
            page.html_ids.extend(ids)
            if ids and token.level == level:
                page.blocks.append(
                    Widget(line, token.content, tuple(ids), cell, depth)
                )
            if MARKDOWN_HTML_RE.match(token.content):
                inner = token.content.rstrip("\n").split("\n")
                body = "\n".join(
                    x for x in inner[1:] if not re.match(r"^\s*</\w+>\s*$", x)
                )
                _walk(
                    parser().parse(body),
                    page,
                    body.split("\n"),
                    line + 1,
                    snippets_dir,
                    depth + 1,
                )
            elif token.level == level and not ids:
                page.blocks.append(
                    Prose(
                        line,
                        start + token.map[1],
                        token.content.rstrip("\n"),
                        depth,
                    )
                )
            i += 1
            continue
        if token.type == "math_block":
            page.display_math += 1
            if token.level == level:
                page.blocks.append(
                    Prose(line, start + token.map[1], token.content, depth)
                )
            i += 1
            continue
        if token.type == "inline":
            _inline(token, page, line, depth)
            i += 1
            continue
        if (
            token.nesting == 1
            and token.level == level
            and token.map
            and token.type != "heading_open"
        ):
            close = _closing(tokens, i)
            inner = tokens[i + 1 : close]
            before = len(page.blocks)
            nested = depth + 1 if token.type == "container_open" else depth
            for child in inner:  # links, math, figures, fences of the block
                if child.type == "inline":
                    _inline(
                        child,
                        page,
                        start + child.map[0] if child.map else line,
                        nested,
                    )
                elif child.type == "fence":
                    page.blocks.append(
                        _fence(child, page.name, start, snippets_dir, nested)
                    )
                elif child.type == "math_block":
                    page.display_math += 1
                elif child.type == "html_block":
                    page.html_ids.extend(_html_ids(child.content)[0])
            found = page.blocks[before:]
            lone_figure = (
                token.type == "paragraph_open"
                and len(found) == 1
                and isinstance(found[0], Figure)
                and _only_image(inner)
            )
            if lone_figure:
                page.blocks[before] = dataclasses.replace(
                    found[0], alone=True, end=start + token.map[1]
                )
            else:
                page.blocks.insert(
                    before,
                    Prose(
                        line,
                        start + token.map[1],
                        "\n".join(lines[token.map[0] : token.map[1]]),
                        depth,
                    ),
                )
            i = close + 1
            continue
        if token.map and token.level == level:  # hr, code_block
            page.blocks.append(
                Prose(
                    line,
                    start + token.map[1],
                    "\n".join(lines[token.map[0] : token.map[1]]),
                    depth,
                )
            )
        i += 1


def _only_image(tokens) -> bool:
    """A paragraph that is one image, with an attribute list after it at most (``{ width="20" }``)."""
    inline = [t for t in tokens if t.type == "inline"]
    if len(inline) != 1:
        return False
    kids = [
        c
        for c in inline[0].children or []
        if not (c.type == "text" and not c.content.strip())
    ]
    attributes = (
        len(kids) == 2
        and kids[1].type == "text"
        and re.fullmatch(r"\s*\{[^}]*\}\s*", kids[1].content)
    )
    return (
        bool(kids)
        and kids[0].type == "image"
        and (len(kids) == 1 or bool(attributes))
    )


def _closing(tokens, i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1
