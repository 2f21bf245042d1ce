"""Python fences that run at build time.

Every ``python`` fence on a page must show a file or a named section from ``snippets/`` (included with
``--8<-- "gru/gru_forward.py:forward"``, the file's path under ``snippets/``: :mod:`rnnnotes.layout`). At
build time the fence is executed and whatever it prints is shown right under the code.
A fence marked ``{.python notest}`` is shown as it is, neither run here nor by the fence tests: it is
for code that must *not* work, such as the Keras 2 forms in a migration table.

A fence marked ``{.python output="markdown"}`` prints Markdown (typically a table, math allowed); the
printed Markdown is rendered as part of the page instead of being shown as text.

An executed fence becomes ``<div class="exec" data-snippet="gru/gru_forward.py:forward">``: the code (its copy
button copies exactly the included code), the output (its own copy button copies the output only), and a
link to download the snippet file and the snippets it imports (:mod:`rnnnotes.downloads`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from pymdownx.superfences import SuperFencesException, highlight_validator

from . import downloads, layout
from .runner import SnippetRunner
from .snippet_index import SnippetIndex, expand_includes

OUTPUT_LABEL = {"zh": "输出", "en": "Output"}


class FenceError(SuperFencesException, PluginError):
    """A fence that the build refuses (not from snippets/, or it raised).

    SuperFences swallows any other exception from a formatter and quietly renders the fence as text.
    """


@dataclass
class BuildContext:
    """What the fence formatter needs to know about the build and the page being converted."""

    runner: SnippetRunner
    index: SnippetIndex
    repo_url: str = ""
    page: str = "?"
    page_url: str = ""  # the page's URL relative to the site root, e.g. "en/rnn/"
    language: str = "zh"
    fences: list[str] = field(default_factory=list)
    highlight: Callable[..., str] | None = None  # pygments_html, or a cached wrapper of it (memo.py)


CONTEXT: BuildContext | None = None


OUTPUT_KINDS = ("text", "markdown")


def validate(language, inputs, options, attrs, md):
    if "notest" in inputs:
        inputs.pop("notest")
        options["notest"] = True
    output = inputs.pop("output", "text")
    if output not in OUTPUT_KINDS:
        raise FenceError(f'output="{output}": expected one of {", ".join(OUTPUT_KINDS)}')
    options["output"] = output
    return highlight_validator(language, inputs, options, attrs, md)


def _markdown_output(stdout: str) -> str:
    """Printed Markdown rendered into the page (a wide table scrolls: see a11y.scrollable_tables)."""
    import markdown

    converter = markdown.Markdown(
        extensions=["tables", "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    return f'<div class="exec-output exec-output--markdown">{converter.convert(stdout)}</div>'


def pygments_html(src, language, options, md, **kwargs) -> str:
    """What SuperFences' own highlighter makes of a code block (Pygments, with the page's settings)."""
    return md.preprocessors["fenced_code_block"].highlight(
        src=src, language=language, options=options, md=md, **kwargs
    )


# Pygments wraps every token in a span, and code was a quarter of a long chapter's elements, which the
# browser styles and lays out on every pass (and accessibility checkers walk, one by one). Material
# draws many token classes in the same colour, so one class per colour is enough, and tokens drawn in
# the code's own colour (names; operators and punctuation too, see extra.css) need no span at all. Runs
# of tokens of one colour then become one span. What the reader sees and copies is what the CSS says:
# test_browser.py compares the colours of the classes in both schemes.
TOKEN_COLOUR_CLASSES = {
    "k": ("k", "kd", "kn", "kp", "kr", "kt"),  # keywords
    "s": ("s", "s1", "s2", "sb", "sc", "si", "ss"),  # strings
    "m": ("m", "mb", "mf", "mh", "mi", "mo", "il"),  # numbers
    "nf": ("nc", "ne", "nf", "nn"),  # functions, classes, exceptions, modules
    "nb": ("bp", "nb", "no"),  # builtins
    "c": ("c", "c1", "ch", "cm", "cs", "sd"),  # comments and docstrings
}
PLAIN_TOKEN_CLASSES = ("n", "w", "kc", "sa", "vm", "p", "o", "ow")  # drawn in the code's own colour
_CANONICAL = {member: group for group, members in TOKEN_COLOUR_CLASSES.items() for member in members}
_TOKEN_RE = re.compile(r'<span class="([a-z0-9]+)">([^<]*)</span>')
_RUN_RE = re.compile(r'<span class="([a-z0-9]+)">[^<]*</span>(?:[ \t]*<span class="\1">[^<]*</span>)+')
_PIECE_RE = re.compile(r'([ \t]*)<span class="[a-z0-9]+">([^<]*)</span>')


def _token(match: re.Match) -> str:
    name, text = match[1], match[2]
    if name in PLAIN_TOKEN_CLASSES:
        return text
    return f'<span class="{_CANONICAL.get(name, name)}">{text}</span>'


def compact_code_html(code_html: str) -> str:
    code_html = _TOKEN_RE.sub(_token, code_html)
    return _RUN_RE.sub(
        lambda m: f'<span class="{m[1]}">{"".join(gap + text for gap, text in _PIECE_RE.findall(m[0]))}</span>',
        code_html,
    )


def _highlight(src, language, options, md, **kwargs) -> str:
    highlight = (CONTEXT.highlight if CONTEXT is not None else None) or pygments_html
    return compact_code_html(highlight(src, language, options, md, **kwargs))


def format_fence(src, language, class_name, options, md, **kwargs) -> str:
    output = options.pop("output", "text")
    if options.pop("notest", False) or CONTEXT is None:
        return _highlight(src, language, options, md, **kwargs)
    ctx = CONTEXT
    origin = ctx.index.lookup(src)
    if origin is None:
        first_line = src.strip().splitlines()[0] if src.strip() else ""
        raise FenceError(
            f"{ctx.page}: a python fence does not come from snippets/ (starts with {first_line!r}). "
            'Put the code in snippets/ and include it with --8<-- "<chapter>/file.py:section", '
            "or mark the fence {.python notest} if it must not run."
        )
    try:
        stdout = ctx.runner.run_code(src, str(origin))
    except Exception as error:
        raise FenceError(f"{ctx.page}: {error}") from None
    ctx.fences.append(str(origin))
    options.setdefault("title", f"{layout.NAME}/{origin.file}")
    code_html = _highlight(src, language, options, md, **kwargs)
    label = OUTPUT_LABEL.get(ctx.language, OUTPUT_LABEL["en"])
    if not stdout.strip():
        output_html = ""
    elif output == "markdown":
        output_html = _markdown_output(stdout)
    else:
        output_html = _highlight(
            stdout.rstrip("\n"),
            "text",
            {"title": label},
            md,
            classes=["exec-output"],
            id_value="",
            attrs={},
        )
    link = downloads.download_html(
        origin.file,
        downloads.imported_snippets(origin.file, ctx.index.snippets_dir),
        lambda file: get_relative_url(layout.site_uri(file), ctx.page_url),
        ctx.language,
    )
    return f'<div class="exec" data-snippet="{html.escape(str(origin))}">{code_html}{output_html}{link}</div>'


def superfences_entry() -> dict:
    return {"name": "python", "class": "python", "validator": validate, "format": format_fence}


PYTHON_FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})[ \t]*(?P<info>python\b[^\n]*|\{[^}\n]*\.python\b[^}\n]*\})[ \t]*\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def executed_fences(markdown_text: str) -> list[str]:
    """The bodies of a page's python fences that the build will execute (includes not yet expanded).

    Only used to run snippets ahead of time, in parallel; the fence formatter stays the authority."""
    bodies = []
    for match in PYTHON_FENCE_RE.finditer(markdown_text):
        if re.search(r"\bnotest\b", match["info"]):
            continue
        indent = match["indent"]
        lines = [line[len(indent):] if line.startswith(indent) else line for line in match["body"].split("\n")]
        bodies.append("\n".join(lines))
    return bodies


def page_fence_origins(docs_dir: Path, index: SnippetIndex) -> list[tuple[str, object]]:
    """(expanded code, origin) of every executed fence of every page, in page order.

    A fence whose include is missing is skipped: the page's own build reports it with the page's name."""
    found = []
    for page in sorted(Path(docs_dir).rglob("*.md")):
        for body in executed_fences(page.read_text(encoding="utf-8")):
            try:
                code = expand_includes(body, index.snippets_dir)
            except Exception:
                continue
            origin = index.lookup(code)
            if origin is not None:
                found.append((code, origin))
    return found
