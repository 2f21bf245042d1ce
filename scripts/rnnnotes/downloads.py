"""Every snippet a page shows can be downloaded from the page, and runs once downloaded.

The build publishes each snippet file that a page includes at its path under the site's ``snippets/``
(``snippets/gru/gru_forward.py``, ``snippets/common/count_params.py``: :func:`rnnnotes.layout.site_uri`),
together with every snippet module it imports (found by reading its ``import`` statements, transitively),
so the files a reader downloads are all the files it needs. Imports are bare module names, so the files
run from one flat folder; a file that imports other snippets is also published as a zip of it and them
(``snippets/gru/gru_vs_keras.zip``, :func:`bundle_bytes`). Each executed fence and each figure or
animation has one small download control, an icon link whose label (and tooltip) says in the page's
language what it downloads: the file, or the zip when the file imports others. On a code block it sits in
the title bar, beside Material's copy button (:mod:`rnnnotes.fences`); on a figure, at the top right of
the figure's block (:class:`rnnnotes.page_extension.FigureImages`). Which files a page shows comes from its
model (:meth:`rnnnotes.page_model.Page.files_shown`).

Files are named by their path under ``snippets/`` (``gru/gru_forward.py``) throughout.
"""

from __future__ import annotations

import ast
import functools
import html
import io
import posixpath
import zipfile
from pathlib import Path

from .layout import Layout


@functools.lru_cache(maxsize=1024)
def _top_level_imports(source: str, filename: str) -> tuple[str, ...]:
    """The top-level package of every absolute import in ``source`` (each fence asks again: parse once)."""
    modules = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif (
            isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
        ):
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


def bundle_name(name: str) -> str:
    """``lstm/lstm_activations.py`` -> ``lstm/lstm_activations.zip``: the file with every snippet it imports."""
    return name[: -len(".py")] + ".zip"


def bundle_bytes(name: str, imports: list[str], snippets_dir: Path) -> bytes:
    """A zip of ``name`` and the snippet files it imports, flat (imports are bare module names), the same
    bytes on every build (fixed dates and permissions, in a fixed order)."""
    layout = Layout(snippets_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer, "w", compression=zipfile.ZIP_DEFLATED
    ) as bundle:
        for file in [name, *imports]:
            info = zipfile.ZipInfo(
                posixpath.basename(file), date_time=(1980, 1, 1, 0, 0, 0)
            )
            info.compress_type, info.external_attr = (
                zipfile.ZIP_DEFLATED,
                0o644 << 16,
            )
            bundle.writestr(info, layout.path(file).read_bytes())
    return buffer.getvalue()


def download_label(name: str, imports: list[str], lang: str) -> str:
    """What the download control says (its accessible name and tooltip), in the page's language."""
    base = posixpath.basename(name)
    if lang == "zh":
        return (
            f"下载 {base} 及其导入的文件（zip）" if imports else f"下载 {base}"
        )
    return (
        f"Download {base} and the files it imports (zip)"
        if imports
        else f"Download {base}"
    )


@functools.lru_cache(maxsize=1)
def _icon() -> str:
    """Material's download icon, the one on the notebook button (overrides/main.html), hidden from
    assistive technology: the link's label names it."""
    import material

    svg = (
        Path(material.__file__).parent
        / "templates"
        / ".icons"
        / "material"
        / "download.svg"
    ).read_text(encoding="utf-8")
    return svg.strip().replace(
        "<svg ", '<svg aria-hidden="true" focusable="false" ', 1
    )


def download_html(name: str, imports: list[str], href_of, lang: str) -> str:
    """The download control of a code block or figure: one icon link to ``name`` (``gru/gru_forward.py``),
    or, when it imports other snippets, to the zip of it and them (:func:`bundle_name`), so what a reader
    downloads runs in an empty folder. ``href_of(file)`` is the link from the page to the published
    ``snippets/<file>``."""
    file = bundle_name(name) if imports else name
    label = html.escape(download_label(name, imports, lang))
    return (
        f'<a class="rn-download" href="{html.escape(href_of(file))}" '
        f'download="{html.escape(posixpath.basename(file))}" aria-label="{label}" title="{label}">'
        f"{_icon()}</a>"
    )
