"""Python fences that run at build time.

Every ``python`` fence on a page must show a file or a named section from ``snippets/`` (included with
``--8<-- "gru/gru_forward.py:forward"``, the file's path under ``snippets/``: :mod:`rnnnotes.layout`). At
build time the fence is executed and whatever it prints is shown right under the code.
A fence marked ``{.python notest}`` is shown as it is, neither run here nor by the fence tests: it is
for code that must *not* work, such as the Keras 2 forms in a migration table. Which fences run, and
where their code comes from, is the page model's decision (:mod:`rnnnotes.page_model`): the page's
Markdown extension (:mod:`rnnnotes.page_extension`) writes each running fence's origin into its
options, and :func:`format_fence` finds the page through the Markdown instance it is handed.

A fence marked ``{.python output="markdown"}`` prints Markdown (typically a table, math allowed); the
printed Markdown is rendered as part of the page instead of being shown as text. What a snippet prints
as page content (a table's header and row labels, a sentence under it) is in the page's language: the
run prints both, and the page keeps its own (:mod:`rnnnotes.labels`).

An executed fence becomes ``<div class="exec" data-snippet="gru/gru_forward.py:forward">``: the code (its copy
button copies exactly the included code), then the output (its own copy button copies the output only). The code's title bar holds the control that
downloads the snippet file, with the snippets it imports (:mod:`rnnnotes.downloads`).
"""

from __future__ import annotations

import html
import re

from pymdownx.superfences import SuperFencesException, highlight_validator

try:  # MkDocs (and ProperDocs) print a PluginError as a message, without a traceback
    from mkdocs.exceptions import PluginError
except ImportError:  # another builder that runs Python-Markdown (make compat)
    PluginError = Exception

from . import downloads, labels, layout
from .page_extension import PageBuild, PageExtension, page_of

OUTPUT_LABEL = {"zh": "输出", "en": "Output"}


class FenceError(SuperFencesException, PluginError):
    """A fence that the build refuses (not from snippets/, or it raised).

    SuperFences swallows any other exception from a formatter and quietly renders the fence as text.
    """


# Options the page model reads (rnnnotes.page_model.FENCE_OPTIONS) and the origin the page's extension
# writes; the rest go to pymdownx.highlight.
OWN_OPTIONS = ("notest", "output", "origin")


def validate(language, inputs, options, attrs, md):
    for key in OWN_OPTIONS:
        if key in inputs:
            options[key] = inputs.pop(key)
    return highlight_validator(language, inputs, options, attrs, md)


def _markdown_output(stdout: str, language: str) -> str:
    """Printed Markdown rendered into the page (a wide table scrolls: page_extension.ScrollingTables)."""
    import markdown

    converter = markdown.Markdown(
        extensions=[
            "tables",
            "pymdownx.arithmatex",
            PageExtension(language=language),
        ],
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
PLAIN_TOKEN_CLASSES = (
    "n",
    "w",
    "kc",
    "sa",
    "vm",
    "p",
    "o",
    "ow",
)  # drawn in the code's own colour
_CANONICAL = {
    member: group
    for group, members in TOKEN_COLOUR_CLASSES.items()
    for member in members
}
_TOKEN_RE = re.compile(r'<span class="([a-z0-9]+)">([^<]*)</span>')
_RUN_RE = re.compile(
    r'<span class="([a-z0-9]+)">[^<]*</span>(?:[ \t]*<span class="\1">[^<]*</span>)+'
)
_PIECE_RE = re.compile(r'([ \t]*)<span class="[a-z0-9]+">([^<]*)</span>')


def _token(match: re.Match) -> str:
    name, text = match[1], match[2]
    if name in PLAIN_TOKEN_CLASSES:
        return text
    return f'<span class="{_CANONICAL.get(name, name)}">{text}</span>'


def compact_code_html(code_html: str) -> str:
    code_html = _TOKEN_RE.sub(_token, code_html)
    return _RUN_RE.sub(
        lambda m: (
            f'<span class="{m[1]}">{"".join(gap + text for gap, text in _PIECE_RE.findall(m[0]))}</span>'
        ),
        code_html,
    )


def _highlight(
    page: PageBuild | None, src, language, options, md, **kwargs
) -> str:
    highlight = (
        page.build.highlight if page is not None else None
    ) or pygments_html
    return compact_code_html(highlight(src, language, options, md, **kwargs))


def format_fence(src, language, class_name, options, md, **kwargs) -> str:
    output = options.pop("output", "text")
    options.pop("notest", None)
    origin = options.pop("origin", None)
    page = page_of(md)
    if (
        page is None or origin is None
    ):  # notest, or not a page of the build: shown, not run
        return _highlight(page, src, language, options, md, **kwargs)
    shown = [
        fence.code
        for fence in page.model.run_fences
        if str(fence.origin) == origin
    ]
    if src.strip("\n") not in shown:
        raise FenceError(
            f"{page.name}: the fence tagged {origin} does not show that snippet's code"
        )
    try:
        stdout = labels.resolve(
            page.build.runner.run_code(src, origin), page.language
        )
    except Exception as error:
        raise FenceError(f"{page.name}: {error}") from None
    file = origin.split(":")[0]
    options.setdefault("title", f"{layout.NAME}/{file}")
    code_html = _highlight(page, src, language, options, md, **kwargs)
    control = downloads.download_html(
        file,
        downloads.imported_snippets(file, page.build.snippets_dir),
        page.href,
        page.language,
    )
    code_html = code_html.replace(
        "</span><pre", f"{control}</span><pre", 1
    )  # in the title bar
    title = options[
        "title"
    ]  # a long path wraps at its slashes on a phone, not mid-word
    code_html = code_html.replace(
        f'"filename">{title}', f'"filename">{title.replace("/", "/<wbr>")}', 1
    )
    label = OUTPUT_LABEL.get(page.language, OUTPUT_LABEL["en"])
    if not stdout.strip():
        output_html = ""
    elif output == "markdown":
        output_html = _markdown_output(stdout, page.language)
    else:
        output_html = _highlight(
            page,
            stdout.rstrip("\n"),
            "text",
            {"title": label},
            md,
            classes=["exec-output"],
            id_value="",
            attrs={},
        )
    return f'<div class="exec" data-snippet="{html.escape(origin)}">{code_html}{output_html}</div>'


def superfences_entry() -> dict:
    return {
        "name": "python",
        "class": "python",
        "validator": validate,
        "format": format_fence,
    }
