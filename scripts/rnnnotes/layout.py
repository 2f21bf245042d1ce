"""Where snippets live and what their names mean: the one place that knows the layout of ``snippets/``.

::

    snippets/<chapter>/<chapter>_<topic>.py       code the page docs/<chapter>.*.md includes
    snippets/<chapter>/<chapter>_fig_<topic>.py   a figure: defines <chapter>_fig_<topic>(), a matplotlib Figure
    snippets/<chapter>/<chapter>_anim_<topic>.py  an animation: defines <chapter>_anim_<topic>(), a StagedFigure
    snippets/common/<name>.py                     a module that more than one chapter imports (no chapter prefix)
    snippets/<chapter>/<module>.<ext>             a data file that <module>.py reads from beside itself

A chapter's folder is named like its page. Module names are unique across all folders and every folder is
on the import path, so a snippet imports another by its bare module name (``from count_params import
count_params``): in the build, in the tests, and in the one flat folder a reader downloads a file and its
imports into. A chapter imports only from its own folder and ``common/``. Pages include a file by its
path under ``snippets/`` (``--8<-- "gru/gru_forward.py:forward"``); the build publishes it at the same
path under the site (``snippets/gru/gru_forward.py``) and saves a figure as ``figures/<module>.svg``.

:class:`Layout` answers every question about that: the folders (the import path), the files, where a
module lives, which modules are figures and animations, and what breaks the rules (:meth:`Layout.problems`).
The build's runner and worker, the downloads, the notebooks and the tests ask it; nothing else names the
folders or the prefixes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

NAME = "snippets"  # the folder's name in the repository, and the folder downloads are published under
ROOT = Path(__file__).resolve().parents[2] / NAME  # the repository's snippets/
COMMON = "common"

# A figure's or an animation's module name, as it appears in a page's ``figures/<module>.svg``.
FIGURE_NAME = r"[a-z][a-z0-9]*_fig_\w+"
ANIMATION_NAME = r"[a-z][a-z0-9]*_anim_\w+"
_CHAPTER_RE = re.compile(r"^[a-z][a-z0-9]*$")
_KIND_RE = re.compile(r"^(?P<chapter>[a-z][a-z0-9]*)_(?P<kind>fig|anim)_\w+$")


def is_figure(module: str) -> bool:
    """``gru_fig_cell`` -> True: the build saves ``figures/gru_fig_cell.svg`` from ``gru_fig_cell()``."""
    match = _KIND_RE.match(module)
    return bool(match) and match["kind"] == "fig"


def is_animation(module: str) -> bool:
    """``lstm_anim_step`` -> True: the build saves ``figures/lstm_anim_step.svg`` and its still."""
    match = _KIND_RE.match(module)
    return bool(match) and match["kind"] == "anim"


def site_uri(file: str) -> str:
    """Where the build publishes snippet file ``gru/gru_forward.py``: ``snippets/gru/gru_forward.py``."""
    return f"{NAME}/{file}"


class Layout:
    """The snippets under ``root`` (the repository's ``snippets/`` unless a test makes its own).

    It reads the folders on every call, so files added or moved while ``mkdocs serve`` runs are seen."""

    def __init__(self, root: Path | str = ROOT):
        self.root = Path(root).resolve()

    def __repr__(self) -> str:
        return f"Layout({str(self.root)!r})"

    # -- folders and files --------------------------------------------------------------------------

    def chapters(self) -> list[str]:
        """The chapter folders' names (``gru``, ``lstm``, …): every folder under the root but ``common``."""
        if not self.root.is_dir():
            return []
        return sorted(
            p.name
            for p in self.root.iterdir()
            if p.is_dir()
            and p.name != COMMON
            and not p.name.startswith((".", "_"))
        )

    def folders(self) -> list[Path]:
        """Every folder that holds snippets: the chapters', then ``common/``. This is the import path."""
        folders = [self.root / chapter for chapter in self.chapters()]
        if (self.root / COMMON).is_dir():
            folders.append(self.root / COMMON)
        return folders

    def files(self) -> list[Path]:
        """Every snippet file, in the order of :meth:`folders`, then by name."""
        return [
            path
            for folder in self.folders()
            for path in sorted(folder.glob("*.py"))
        ]

    def modules(self) -> dict[str, Path]:
        """Module name -> its file (``gru_forward`` -> ``…/snippets/gru/gru_forward.py``)."""
        return {path.stem: path for path in self.files()}

    def path_of(self, module: str) -> Path | None:
        """Where module ``module`` lives, or None when it is not a snippet (``numpy``)."""
        for folder in self.folders():
            path = folder / f"{module}.py"
            if path.is_file():
                return path
        return None

    def file_of(self, module: str) -> str | None:
        """``gru_forward`` -> ``gru/gru_forward.py``: the path pages include and downloads publish."""
        path = self.path_of(module)
        return None if path is None else self.relative(path)

    def relative(self, path: Path | str) -> str:
        """A snippet file's path under the root, with ``/`` (``common/count_params.py``)."""
        return Path(path).resolve().relative_to(self.root).as_posix()

    def data_files(self, file: str) -> list[str]:
        """The data files that snippet file ``classify/classify_data.py`` reads: files beside it named
        like it with another extension (``classify/classify_data.jsonl``)."""
        path = self.path(file)
        return sorted(
            self.relative(p)
            for p in path.parent.glob(f"{path.stem}.*")
            if p.suffix != ".py"
        )

    def path(self, file: str) -> Path:
        """``gru/gru_forward.py`` -> its path on disk."""
        return self.root / file

    # -- figures and animations ---------------------------------------------------------------------

    def figure_modules(self) -> list[str]:
        """Module names of figures (``gru_fig_cell``), each defining a function of the same name."""
        return sorted(
            path.stem for path in self.files() if is_figure(path.stem)
        )

    def animation_modules(self) -> list[str]:
        """Module names of animations (``lstm_anim_step``), each defining a function of the same name."""
        return sorted(
            path.stem for path in self.files() if is_animation(path.stem)
        )

    # -- the rules ----------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every way the files break the layout's rules (empty when they keep them)."""
        found = []
        if self.root.is_dir():
            found += [
                f"{NAME}/{p.name}: a snippet lives in a chapter's folder or in {COMMON}/, not at the top"
                for p in sorted(self.root.glob("*.py"))
            ]
        for chapter in self.chapters():
            if not _CHAPTER_RE.match(chapter):
                found.append(
                    f"{NAME}/{chapter}/: a chapter folder is named like its page, in [a-z0-9]"
                )
        seen: dict[str, str] = {}
        modules = {}
        for path in self.files():
            file, module, folder = (
                self.relative(path),
                path.stem,
                path.parent.name,
            )
            if module in seen:
                found.append(
                    f"{NAME}/{file}: module {module} also lives at {NAME}/{seen[module]}"
                )
            seen[module] = file
            modules[module] = folder
            if folder == COMMON:
                if _KIND_RE.match(module) or any(
                    module.startswith(f"{c}_") for c in self.chapters()
                ):
                    found.append(
                        f"{NAME}/{file}: a module in {COMMON}/ has no chapter prefix"
                    )
            elif not module.startswith(f"{folder}_"):
                found.append(
                    f"{NAME}/{file}: every module in {NAME}/{folder}/ starts with {folder}_"
                )
        for path in self.files():
            folder = path.parent.name
            for module in sorted(_imports(path)):
                home = modules.get(module)
                if home is not None and home not in (folder, COMMON):
                    found.append(
                        f"{NAME}/{self.relative(path)} imports {module} from {NAME}/{home}/: a chapter "
                        f"imports only from its own folder and {COMMON}/ (move {module} to {COMMON}/)"
                    )
        return found


def _imports(path: Path) -> set[str]:
    """The top-level names of every absolute import in the file."""
    names = set()
    for node in ast.walk(
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    ):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif (
            isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
        ):
            names.add(node.module.split(".")[0])
    return names
