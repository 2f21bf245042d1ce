"""Every snippet a page shows can be downloaded from the page, and runs once downloaded.

The build publishes each snippet file that a page includes at its path under the site's ``snippets/``
(``snippets/gru/gru_forward.py``, ``snippets/common/count_params.py``: :func:`rnnnotes.layout.site_uri`),
together with every snippet module it imports (found by reading its ``import`` statements, transitively),
so the files a reader downloads are all the files it needs. Imports are bare module names, so the files
run from one flat folder. Each executed fence ends with a link to its file, in the page's language, with a
``download`` attribute naming the bare file; when the file imports other snippets, the link names them too
and links each. Each figure and animation is followed by the same line for the file that draws it
(:class:`rnnnotes.page_extension.FigureImages`). Which files a page shows comes from its model
(:meth:`rnnnotes.page_model.Page.files_shown`).

Files are named by their path under ``snippets/`` (``gru/gru_forward.py``) throughout.
"""

from __future__ import annotations

import ast
import functools
import html
import posixpath
from pathlib import Path

from .layout import Layout

DOWNLOAD = {"zh": "下载", "en": "Download"}


@functools.lru_cache(maxsize=1024)
def _top_level_imports(source: str, filename: str) -> tuple[str, ...]:
    """The top-level package of every absolute import in ``source`` (each fence asks again: parse once)."""
    modules = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.append(node.module)
    return tuple(dict.fromkeys(module.split(".")[0] for module in modules))


def imported_snippets(name: str, snippets_dir: Path) -> list[str]:
    """The snippet files (``common/count_params.py``) that ``snippets/<name>`` imports, directly or not,
    and the data files any of them reads (:meth:`rnnnotes.layout.Layout.data_files`): what a reader
    downloads beside it."""
    layout = Layout(snippets_dir)
    found: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        source = layout.path(current).read_text(encoding="utf-8")
        for module in _top_level_imports(source, current):
            file = layout.file_of(module)
            if file is not None and file != name and file not in found:
                found.add(file)
                todo.append(file)
    for file in [name, *found]:
        found.update(layout.data_files(file))
    return sorted(found)


def published_snippets(names: list[str], snippets_dir: Path) -> list[str]:
    """The files to publish for the snippet files ``names`` that pages include: them and their imports."""
    files: set[str] = set()
    for name in names:
        files.add(name)
        files.update(imported_snippets(name, snippets_dir))
    return sorted(files)


def _link(href: str, name: str, text: str, label: str | None = None) -> str:
    aria = f' aria-label="{html.escape(label)}"' if label else ""
    return f'<a href="{html.escape(href)}" download="{html.escape(name)}"{aria}>{html.escape(text)}</a>'


def _english_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def download_html(name: str, imports: list[str], href_of, lang: str, css_class: str = "exec-download") -> str:
    """The line under a fence (or, with ``css_class="figure-download"``, a figure): a link to ``name``
    (``gru/gru_forward.py``) and to each snippet it imports, each shown and saved by its bare file name.

    ``href_of(file)`` is the link from the page to the published ``snippets/<file>``."""
    word = DOWNLOAD.get(lang, DOWNLOAD["en"])
    base = posixpath.basename
    main = _link(href_of(name), base(name), f"{word} {base(name)}")
    needed = [_link(href_of(file), base(file), base(file), f"{word} {base(file)}") for file in imports]
    if not needed:
        text = main
    elif lang == "zh":
        text = f"{main}（它导入 {'、'.join(needed)}，请下载到同一文件夹）"
    else:
        it = "it" if len(needed) == 1 else "them"
        text = f"{main} (it imports {_english_list(needed)}: download {it} into the same folder)"
    return f'<p class="{css_class}" data-search-exclude>{text}</p>'
