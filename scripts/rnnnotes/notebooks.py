"""Every chapter as a Jupyter notebook in the page's language, built from what the build already has.

A page becomes a notebook cell by cell, in the page's order; which lines are fences and figures, and
what a fence runs, comes from the page model (:mod:`rnnnotes.page_model`):

* prose becomes Markdown cells (one per heading), with the TeX left as ``$…$`` / ``$$…$$`` for Jupyter's
  MathJax; ``{ #anchor }`` becomes ``<a id="anchor"></a>`` so the page's own ``#anchor`` links still work,
  links to other pages point at the published site (or, while its address is not known, keep only
  their text: a downloaded notebook has no site beside it), admonitions and tabs become block quotes and bold labels, and
  ``{.python notest}`` fences become Markdown code blocks, never code cells;
* every executed ``python`` fence becomes a code cell holding exactly the code the page shows (the page
  model's :class:`~rnnnotes.page_model.Fence`: its origin and its expanded code), with the output the
  build printed under it: a ``stream`` output, or for ``output="markdown"`` fences ``text/markdown`` as
  the page renders it;
* every figure ``![alt](figures/gru_fig_cell.svg)`` alone in its paragraph becomes a code cell that calls
  ``gru_fig_cell()``, with the build's SVG as its output and the page's alt text as its ``text/plain``.

Nothing runs here: outputs, SVGs and the list of ``snippets/`` files each cell imports come from the
snippet runner's cache, filled when the build executed the fences. The build runs each fence in a fresh
namespace; a notebook runs top to bottom in one kernel. So the notebook starts with setup cells: one
that makes every later cell start as the build's worker starts a fence (snippet modules imported afresh,
NumPy seeded, Keras' names reset), so the outputs a reader gets are the outputs stored in the notebook,
then one ``%%writefile rnn_notes_snippets/x.py`` cell per snippet module the chapter imports (one flat
folder, whichever ``snippets/`` folder the module lives in: imports are bare module names), so a
reader who downloads only the ``.ipynb`` has everything. tests/test_notebooks.py runs each chapter's
notebook and checks both.

Notebooks are byte-for-byte reproducible: cell ids are hashes of position and content, there are no
timestamps, and nbformat writes the JSON with sorted keys.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
from nbformat import v4

from . import labels, page_model
from .layout import Layout
from .layout import site_uri as layout_site_uri

FOLDER = "notebooks"
LABEL = {"zh": "下载 Jupyter 笔记本", "en": "Download as Jupyter notebook"}
META_KEY = "notebook_download"  # page.meta key the template reads; front matter `notebook: false` opts out
# Where a notebook writes the snippets/ modules it imports: beside the notebook, under a name that is not
# the project's snippets/, so a notebook opened in a clone of the project never overwrites its files.
MODULES = "rnn_notes_snippets"
CELL_META = "rnn_notes"  # cell metadata: {"snippet": "gru/x.py:section"}, {"figure": "gru_fig_x"} or {"setup": ...}

ABOUT = {
    "zh": (
        "**关于本笔记本**：这是《循环神经网络笔记》的[{title}]({url})一章，页面上的代码和输出都在这里。"
        "请从头运行（Run All）：接下来的几个代码单元先把本章用到的 `snippets/` 模块写进笔记本旁边的 "
        "`{modules}/` 文件夹，再让之后的每个单元都像网站构建时那样从干净的状态开始（重新导入 snippets 模块，"
        "重置 NumPy 的随机种子和打印选项，重置 Keras 的层名），所以你得到的输出就是这里保存的输出。"
        "这些输出来自 {versions}，可以这样安装同样的版本："
    ),
    "en": (
        "**About this notebook.** This is the chapter [{title}]({url}) of *RNN Notes*, with the code and "
        "the outputs the page shows. Run it from the top (Run All): the next code cells write the modules "
        "of the project's `snippets/` folder that this chapter uses into a `{modules}/` folder beside "
        "the notebook, then make every later cell start clean, as it did when the site was built (snippet "
        "modules imported afresh, NumPy's seed and print options reset, Keras' layer names reset), so the "
        "outputs you get are the outputs saved here. They were produced with {versions}; to install the "
        "same versions:"
    ),
}
AND = {"zh": "、", "en": ", "}
DATA = {
    "zh": "本章的代码还读取数据文件 {links}。笔记本自带这个文件：安装之后运行的第一批代码单元里，"
    "有一个会把它写进 `{modules}/`，不需要另外下载。",
    "en": "This chapter's code also reads the data file {links}. The notebook carries it: one of the "
    "first code cells writes it into `{modules}/`, so there is nothing else to download.",
}
# A section marker of pymdownx.snippets (`# --8<-- [start:forward]`): the page shows sections without
# them, and a module a notebook writes out leaves them out too.
SECTION_MARKER_RE = re.compile(
    r"^[ \t]*# --8<-- \[(?:start|end):[^\]]*\][ \t]*\n", re.MULTILINE
)
# A link whose target the notebook cannot reach (no published site): only its text is kept.
NO_TARGET = "\x00"
DEAD_LINK_RE = re.compile(r"!?\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\x00\)")


def setup_code(lang: str = "en") -> str:
    """The first code cell: put the chapter's modules folder on ``sys.path``, define
    :func:`rnnnotes.fresh.fresh_start` from that module's own source (the build's worker and the fence
    tests call the same function), and run it before every later cell. It also says which language the
    snippets' labels print in (:mod:`rnnnotes.labels`): the one line in which the two languages' code
    cells differ."""
    from .fresh import notebook_cell

    return f'''{notebook_cell()}


os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["{labels.LANGUAGE_ENV}"] = "{lang}"
SNIPPETS = Path("{MODULES}").resolve()
SNIPPETS.mkdir(exist_ok=True)
if str(SNIPPETS) not in sys.path:
    sys.path.insert(0, str(SNIPPETS))


def fresh_cell(info=None):
    fresh_start(SNIPPETS)


events = get_ipython().events
for callback in list(events.callbacks["pre_run_cell"]):
    if getattr(callback, "__name__", "") == "fresh_cell":
        events.unregister("pre_run_cell", callback)
events.register("pre_run_cell", fresh_cell)'''


KERNELSPEC = {
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "name": "python3",
}


class NotebookError(ValueError):
    """A page that cannot be turned into a notebook (the message says where and why)."""


# -- the page, split into prose, code and figures ------------------------------------------------------


@dataclass(frozen=True)
class Prose:
    text: str


@dataclass(frozen=True)
class Code:
    code: str  # includes expanded, as the page shows it
    output: str  # "text" or "markdown"
    origin: str  # "file.py:section"


@dataclass(frozen=True)
class Figure:
    module: str
    alt: str


BLOCK_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?|===\+?)[ \t]+(?P<rest>.*?)[ \t]*$"
)
TITLE_RE = re.compile(
    r'^(?:(?P<type>[-\w]+)(?:[ \t]+[-\w]+)*)?[ \t]*(?:"(?P<title>[^"]*)")?$'
)
# Code spans and inline math are left alone by the link and attribute-list rewriting.
PROTECTED_RE = re.compile(
    r"(`+).+?\1|\$\$.+?\$\$|(?<![\\$])\$(?:\\.|[^$\\\n])+?\$"
)
# The target of an inline link or image: matched from the "](" on, so that a link text holding code or math
# (`[`reset_after`](gru.md#reset-after)`, split around the protected code span) still has its target rewritten.
LINK_TARGET_RE = re.compile(
    r"\]\((?P<target>[^)\s]+)(?P<title>[ \t]+\"[^\"]*\")?\)"
)
REFERENCE_RE = re.compile(
    r"^(?P<head>[ \t]*\[[^\]]+\]:[ \t]*)(?P<target>\S+)(?P<tail>.*)$"
)
ATTR = r"""(?:[#.][-\w]+|[-\w]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
ATTR_LIST_RE = re.compile(
    rf"(?<=[)\]\s])\{{:?[ \t]*{ATTR}(?:[ \t]+{ATTR})*[ \t]*\}}|^\{{:?[ \t]*{ATTR}(?:[ \t]+{ATTR})*[ \t]*\}}"
)


class _Scanner:
    """Walks a page's lines: where fences, figures and headings are comes from the page model; the prose
    between them is converted for Jupyter."""

    def __init__(self, model: page_model.Page, link: Callable[[str], str]):
        self.fences = {fence.line: fence for fence in model.fences}
        self.figures = {
            figure.line: figure
            for figure in model.figures
            if figure.kind == "figure"
        }
        self.headings = {
            heading.line: heading
            for heading in model.headings
            if heading.depth == 0
        }
        self.link = link

    def parts(
        self, markdown: str, first_line: int = 1
    ) -> list[Prose | Code | Figure]:
        return self._scan(markdown.split("\n"), top=True, first_line=first_line)

    def _scan(
        self, lines: list[str], top: bool, first_line: int
    ) -> list[Prose | Code | Figure]:
        parts: list[Prose | Code | Figure] = []
        prose: list[str] = []

        def flush():
            text = "\n".join(prose).strip("\n")
            if text.strip():
                parts.append(Prose(text))
            prose.clear()

        def refuse(what: str, line_no: int):
            raise NotebookError(
                f"line {first_line + line_no}: {what} inside an admonition, tab or list cannot become a notebook "
                "cell; put it at the top level of the page"
            )

        in_math = (
            False  # inside a $$ … $$ block spread over lines: copied as it is
        )
        i = 0
        while i < len(lines):
            line = lines[i]
            if in_math or line.strip().startswith("$$"):
                prose.append(line)
                in_math = "$$" not in (
                    line.strip() if in_math else line.strip()[2:]
                )
                i += 1
                continue
            fence = self.fences.get(first_line + i)
            if fence is not None:
                close = fence.end - 1 - first_line  # the closing line
                if fence.runs:
                    if not top or line != line.lstrip():
                        refuse("a python fence that the build runs", i)
                    flush()
                    parts.append(
                        Code(fence.code, fence.output, str(fence.origin))
                    )
                else:
                    indent = line[: len(line) - len(line.lstrip())]
                    marker = re.match(r"`{3,}|~{3,}", line.lstrip())[0]
                    body = [
                        x[len(indent) :] if x.startswith(indent) else x.lstrip()
                        for x in lines[i + 1 : close]
                    ]
                    prose.extend(
                        [
                            f"{indent}{marker}{fence.language}",
                            *(indent + x for x in body),
                            indent + marker,
                        ]
                    )
                i = close + 1
                continue
            figure = self.figures.get(first_line + i)
            if figure is not None and (figure.alone or not top):
                if not top or line != line.lstrip():
                    refuse("a figure", i)
                flush()
                parts.append(Figure(figure.module, figure.alt))
                i += 1
                continue
            block = BLOCK_RE.match(line)
            if block:
                indent = block["indent"]
                end = i + 1
                while end < len(lines) and (
                    not lines[end].strip()
                    or lines[end].startswith(indent + "    ")
                    or lines[end].startswith(indent + "\t")
                ):
                    end += 1
                while end > i + 1 and not lines[end - 1].strip():
                    end -= 1
                body = [
                    x[len(indent) + 4 :]
                    if x.startswith(indent + "    ")
                    else x.lstrip("\t ")
                    for x in lines[i + 1 : end]
                ]
                inner = self._scan(
                    body, top=False, first_line=first_line + i + 1
                )
                text = "\n".join(
                    part.text for part in inner
                )  # only Prose: _scan refused anything else
                prose.extend(
                    indent + x
                    for x in _block(block["marker"], block["rest"], text)
                )
                i = end
                continue
            heading = self.headings.get(first_line + i) if top else None
            if heading is not None:
                flush()
                # { #anchor } becomes <a id="anchor"></a>: the page's #anchor links keep working in Jupyter
                anchor = (
                    f' <a id="{heading.anchor}"></a>' if heading.anchor else ""
                )
                prose.append(
                    f"{'#' * heading.level} {self._inline(heading.text)}{anchor}"
                )
                i += 1
                continue
            prose.append(self._inline(line))
            i += 1
        flush()
        return parts

    def _inline(self, line: str) -> str:
        reference = REFERENCE_RE.match(line)
        if reference:
            target = self.link(reference["target"])
            return (
                ""
                if target == NO_TARGET
                else reference["head"] + target + reference["tail"]
            )
        pieces, last = [], 0
        for protected in PROTECTED_RE.finditer(line):
            pieces.append(self._rewrite(line[last : protected.start()]))
            pieces.append(protected.group(0))
            last = protected.end()
        pieces.append(self._rewrite(line[last:]))
        return DEAD_LINK_RE.sub(r"\1", "".join(pieces))

    def _rewrite(self, text: str) -> str:
        text = LINK_TARGET_RE.sub(
            lambda m: f"]({self.link(m['target'])}{m['title'] or ''})", text
        )
        return ATTR_LIST_RE.sub("", text)


def _block(marker: str, rest: str, body: str) -> list[str]:
    """An admonition (``!!! note "Title"``) as a block quote; a tab (``=== "Title"``) as a bold label."""
    head = TITLE_RE.match(rest)
    if head is None:
        title = rest
    elif head["title"] is not None:
        title = head["title"]  # an empty title ("") hides it, as on the page
    else:
        title = (head["type"] or "").capitalize()
    if marker.startswith("==="):
        return [f"**{title}**", "", *body.split("\n"), ""]
    lines = (
        [f"**{title}**", "", *body.split("\n")] if title else body.split("\n")
    )
    return [("> " + x).rstrip() for x in lines] + [""]


# -- links ---------------------------------------------------------------------------------------------


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def link_base(site_url: str | None) -> str:
    """What a notebook's links to the site start with: the published site's address (``SITE_URL``) when it
    is known, else ``""``: no links to the site at all. A downloaded notebook lives in a folder of the
    reader's, where a site-relative link is dead, and mkdocs.yml's default ``site_url`` is the local server
    of ``make serve``, which the reader does not have."""
    host = urlsplit(site_url or "").hostname
    return site_url if host and host not in LOCAL_HOSTS else ""


def page_url(name: str, lang: str, default: str, site_url: str) -> str:
    """The published URL of page ``name`` (``lstm``, ``index``) in ``lang``."""
    prefix = "" if lang == default else f"{lang}/"
    path = (
        ""
        if name == "index"
        else (name[: -len("index")] if name.endswith("/index") else f"{name}/")
    )
    return site_url.rstrip("/") + "/" + prefix + path


def link_resolver(
    page: str, lang: str, default: str, site_url: str
) -> Callable[[str], str]:
    """Maps a link on ``page`` (``lstm``) to one that works in the notebook: anchors on the page stay,
    links to other pages and files of the site start with ``site_url``, the published site's address or
    none (:func:`link_base` gives ``""``: such a link then keeps only its text, :data:`NO_TARGET`)."""

    def resolve(target: str) -> str:
        if target.startswith("#") or re.match(
            r"^[a-z][-+.a-z0-9]*:|^//", target
        ):
            return target
        if not site_url:
            return NO_TARGET
        path, _, fragment = target.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        fragment = f"#{fragment}" if fragment else ""
        if path.endswith(".md"):
            name = path[: -len(".md")]
            return (
                fragment
                if name == page and fragment
                else page_url(name, lang, default, site_url) + fragment
            )
        return site_url.rstrip("/") + "/" + path + fragment

    return resolve


# -- the notebook --------------------------------------------------------------------------------------


@functools.cache  # importlib.metadata is slow, and the versions do not change during a build
def library_versions() -> tuple[tuple[str, ...], str]:
    """("NumPy 2.4.6, …", "pip install numpy==2.4.6 …") for the libraries the snippets run on."""
    shown, pins = [], []
    for label, names in (
        ("NumPy", ["numpy"]),
        ("Keras", ["keras"]),
        ("TensorFlow", ["tensorflow-cpu", "tensorflow"]),
        ("Matplotlib", ["matplotlib"]),
    ):
        for name in names:
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
            shown.append(f"{label} {version}")
            pins.append(f"{label.lower()}=={version}")
            break
    return tuple(shown), "pip install " + " ".join(pins)


# Cells are built as plain nodes and the notebook is validated once, as a whole: nbformat's v4.new_*_cell
# helpers validate every cell and output on its own, which took most of the time.


def _markdown_cell(source: str):
    return nbformat.from_dict(
        {"cell_type": "markdown", "id": "", "metadata": {}, "source": source}
    )


def _code_cell_node(source: str, metadata: dict, outputs: list):
    return nbformat.from_dict(
        {
            "cell_type": "code",
            "id": "",
            "metadata": metadata,
            "source": source,
            "outputs": outputs,
            "execution_count": None,
        }
    )


def _stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text}


def _display(data: dict) -> dict:
    return {"output_type": "display_data", "data": data, "metadata": {}}


def _cell_id(position: int, cell) -> str:
    return hashlib.sha256(
        f"{position}\n{cell.cell_type}\n{cell.source}".encode()
    ).hexdigest()[:16]


class Sources:
    """What the build already knows about the code, all from the snippet runner's cache: each fence's
    output, each figure's SVG, and the snippets/ files each of them imported."""

    def __init__(self, runner, snippets_dir: Path):
        self.runner = runner
        self.snippets_dir = Path(snippets_dir)

    def stdout(self, part: Code) -> str:
        """What the fence printed, its labels in both languages (:mod:`rnnnotes.labels`)."""
        return self.runner.run_code(part.code, part.origin)

    def code_imports(self, part: Code) -> list[str]:
        return self.runner.code_imports(part.code, part.origin)

    def svg(self, module: str) -> str:
        return self.runner.make_figure(module)

    def figure_imports(self, module: str) -> list[str]:
        return self.runner.figure_imports(module)


def figure_code(module: str) -> str:
    """A figure cell: the inline backend shows the figure once (the cell's value is not displayed)."""
    return f"from {module} import {module}\n\nfig = {module}()"


def _code_cell(part: Code, sources: Sources, lang: str):
    stdout = labels.resolve(sources.stdout(part), lang)
    if not stdout:
        outputs = []
    elif (
        part.output == "markdown"
    ):  # the page renders it; Jupyter renders text/markdown
        outputs = [_display({"text/markdown": stdout, "text/plain": stdout})]
    else:
        outputs = [_stream(stdout)]
    return _code_cell_node(
        part.code, {CELL_META: {"snippet": part.origin}}, outputs
    )


def _figure_cell(part: Figure, sources: Sources):
    data = {"image/svg+xml": sources.svg(part.module), "text/plain": part.alt}
    return _code_cell_node(
        figure_code(part.module),
        {CELL_META: {"figure": part.module}},
        [_display(data)],
    )


def _setup_cells(imports: set[str], snippets_dir: Path, lang: str) -> list:
    """The fresh-start cell, then one cell per imported snippet file (``common/count_params.py``) that
    writes it, by its bare name, into the notebook's one modules folder (without the section markers
    the page's includes use), then one cell per data file those modules read: the file itself, carried
    compressed in the cell (xz, base64), so the notebook runs offline in a folder of its own."""
    import base64
    import lzma

    cells = [
        _code_cell_node(
            setup_code(lang), {CELL_META: {"setup": "fresh-start"}}, []
        )
    ]
    layout = Layout(snippets_dir)
    for file in sorted(imports, key=posixpath.basename):
        name = posixpath.basename(file)
        text = layout.path(file).read_text(encoding="utf-8")
        text = SECTION_MARKER_RE.sub("", text).rstrip("\n")
        cells.append(
            _code_cell_node(
                f"%%writefile {MODULES}/{name}\n{text}",
                {
                    CELL_META: {"setup": file},
                    "jupyter": {"source_hidden": True},
                },
                [_stream(f"Writing {MODULES}/{name}\n")],
            )
        )
    for data in sorted(
        {d for file in imports for d in layout.data_files(file)}
    ):
        name = posixpath.basename(data)
        raw = layout.path(data).read_bytes()
        packed = base64.b64encode(lzma.compress(raw, preset=9)).decode("ascii")
        lines = "\n".join(packed[i : i + 76] for i in range(0, len(packed), 76))
        cells.append(
            _code_cell_node(
                f"# {name} ({len(raw):,} bytes), carried by the notebook: xz, then base64\n"
                "import base64\nimport lzma\nfrom pathlib import Path\n\n"
                f'Path("{MODULES}/{name}").write_bytes(lzma.decompress(base64.b64decode("""\n'
                f'{lines}\n""")))\nprint("Wrote {MODULES}/{name}")',
                {
                    CELL_META: {"setup": data},
                    "jupyter": {"source_hidden": True},
                },
                [_stream(f"Wrote {MODULES}/{name}\n")],
            )
        )
    return cells


def make_notebook(
    parts: list,
    *,
    title: str,
    lang: str,
    url: str,
    sources: Sources,
    site_url: str = "",
):
    """The notebook of a page (``parts`` from :func:`page_parts`), outputs included.

    Cells: the page's title with a note on how to run the notebook; the setup cells; then the page.
    A data file that the imported modules read (a 500 KB corpus) is carried by a setup cell, compressed
    (:func:`_setup_cells`); the note after the ``pip`` line says so, and the notebook's metadata lists it
    under ``data``. Without a published ``site_url`` the notebook has no links to the site."""
    body, imports = [], set()
    for part in parts:
        if isinstance(part, Prose):
            body.append(_markdown_cell(part.text))
        elif isinstance(part, Code):
            body.append(_code_cell(part, sources, lang))
            imports.update(sources.code_imports(part))
        else:
            body.append(_figure_cell(part, sources))
            imports.update(sources.figure_imports(part.module))

    shown, pip = library_versions()
    about = ABOUT[lang].format(
        title=title, url=url, versions=AND[lang].join(shown), modules=MODULES
    )
    if not urlsplit(url).scheme:  # no published site to link to (link_base)
        about = about.replace(f"[{title}]({url})", title)
    heading = ""
    if (
        body
        and body[0].cell_type == "markdown"
        and body[0].source.startswith("# ")
    ):
        heading, _, intro = body[0].source.partition("\n")
        if intro.strip():
            body[0] = _markdown_cell(intro.strip("\n"))
        else:
            body.pop(0)
    layout = Layout(sources.snippets_dir)
    data = sorted({d for file in imports for d in layout.data_files(file)})
    head = f"{heading}\n\n{about}\n\n```bash\n{pip}\n```".lstrip("\n")
    if data:
        links = AND[lang].join(
            f"[{posixpath.basename(d)}]({site_url.rstrip('/')}/{layout_site_uri(d)})"
            if site_url
            else f"`{posixpath.basename(d)}`"
            for d in data
        )
        head += "\n\n" + DATA[lang].format(links=links, modules=MODULES)
    head = _markdown_cell(head)

    cells = [head, *_setup_cells(imports, sources.snippets_dir, lang), *body]
    count = 0
    for position, cell in enumerate(cells):
        cell.id = _cell_id(position, cell)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
    metadata = {
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
        "title": title,
        CELL_META: {
            "language": lang,
            "page": url,
            **({"data": data} if data else {}),
        },
    }
    return v4.new_notebook(
        cells=cells, metadata=metadata
    )  # validates the whole notebook, or raises


def page_parts(
    markdown: str,
    model: page_model.Page,
    *,
    page: str,
    lang: str,
    default: str,
    site_url: str,
    first_line: int = 1,
):
    """The page as Prose, Code and Figure parts; ``markdown`` is the page's body (after the front
    matter) and ``first_line`` the file's line number of its first line, where ``model``'s lines count."""
    scanner = _Scanner(model, link_resolver(page, lang, default, site_url))
    return scanner.parts(markdown, first_line)


def first_line(source: str, markdown: str) -> int:
    """The line of ``source`` (the whole file) where ``markdown`` (its body, after the front matter) starts."""
    return page_model.body_line(source, markdown)


def has_notebook(model: page_model.Page) -> bool:
    """A page gets a notebook when it runs code or shows a figure, unless its front matter says
    ``notebook: false`` (the home page, whose one fence only prints library versions)."""
    if model.front.get("notebook") is False:
        return False
    return bool(model.run_fences) or any(
        figure.kind == "figure" for figure in model.figures
    )


def download_for(
    src_uri: str, model: page_model.Page, languages
) -> dict | None:
    """What the template needs for the download button of the page ``src_uri`` (``lstm.en.md``), or
    None when the page has no notebook. The notebooks of all languages share one folder, each file
    named with its language (``notebooks/lstm.en.ipynb``), so a reader who downloads both keeps both."""
    if not has_notebook(model):
        return None
    stem = src_uri[: -len(".md")]
    page, _, lang = stem.rpartition(".")
    if lang not in languages:
        page, lang = stem, languages[0]
    filename = f"{page.replace('/', '-')}.{lang}.ipynb"
    return {
        "page": page,
        "lang": lang,
        "href": f"{FOLDER}/{filename}",
        "filename": filename,
        "label": LABEL.get(lang, LABEL["en"]),
    }


def notebook_text(notebook) -> str:
    """The file's text: nbformat's JSON (sorted keys, one-space indent), the same bytes on every build.
    (``nbformat.writes`` would validate the notebook again; :func:`make_notebook` already did.)"""
    return v4.writes(notebook) + "\n"


def write(site_dir: Path, href: str, text: str) -> Path:
    path = Path(site_dir) / href
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def notebook_key(
    markdown: str,
    *,
    page: str,
    lang: str,
    default: str,
    title: str,
    site_url: str,
    source: str,
    snippets_dir: Path,
) -> str:
    """Everything :func:`page_notebook` depends on: the page, every snippet file (the code, outputs and
    figures come from them), the library versions, and the build's own code. Equal keys, equal notebooks."""
    from . import cache

    layout = Layout(snippets_dir)
    snippets = [
        (layout.relative(path), cache.file_digest(path))
        for path in layout.files()
    ]
    return cache.digest(
        "notebook",
        markdown,
        page,
        lang,
        default,
        title,
        site_url,
        source,
        snippets,
        library_versions(),
        cache.folder_digest(Path(__file__).parent),
    )


def page_notebook(
    markdown: str,
    model: page_model.Page,
    *,
    page: str,
    lang: str,
    default: str,
    title: str,
    site_url: str,
    sources: Sources,
    kept=None,
) -> str:
    """The notebook file's text for ``page`` (``lstm``) in ``lang``, from the page's Markdown body and its
    model (parsed from the whole file). With a :class:`rnnnotes.cache.Cache` ``kept``, a notebook whose
    inputs (:func:`notebook_key`) have not changed comes from it."""
    key = None
    if kept is not None:
        key = notebook_key(
            markdown,
            page=page,
            lang=lang,
            default=default,
            title=title,
            site_url=site_url,
            source=model.text,
            snippets_dir=sources.snippets_dir,
        )
        text = kept.get(key)
        if text is not None:
            return text
    parts = page_parts(
        markdown,
        model,
        page=page,
        lang=lang,
        default=default,
        site_url=site_url,
        first_line=first_line(model.text, markdown),
    )
    url = page_url(page, lang, default, site_url)
    text = notebook_text(
        make_notebook(
            parts,
            title=title,
            lang=lang,
            url=url,
            sources=sources,
            site_url=site_url,
        )
    )
    if kept is not None:
        kept.put(key, text)
    return text
