"""Which snippet a code fence shows.

A page shows code only by including it from ``snippets/`` (``--8<-- "gru/gru_forward.py:forward"``; where
files live is :mod:`rnnnotes.layout`'s business). After pymdownx.snippets has expanded the include, the
fence holds plain text; :class:`SnippetIndex` maps that text back to ``gru/gru_forward.py`` or
``gru/gru_forward.py:forward``, using pymdownx.snippets itself to expand every file and every section the
same way the page did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown

from .layout import Layout

SECTION_RE = re.compile(r"--8<--\s+\[start:(?P<name>[a-z][-_0-9a-z]*)\]")

# The options pages are built with; mkdocs.yml passes the same ones to pymdownx.snippets.
SNIPPETS_CONFIG = {"check_paths": True, "dedent_subsections": True}


@dataclass(frozen=True)
class Origin:
    file: str  # path under snippets/, as the page includes it: "rnn/rnn_forward.py"
    section: str | None

    def __str__(self) -> str:
        return f"{self.file}:{self.section}" if self.section else self.file


def expander(snippets_dir: Path) -> markdown.Markdown:
    """A Markdown instance whose snippets preprocessor matches the site's configuration."""
    return markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {"base_path": [str(snippets_dir)], **SNIPPETS_CONFIG}
        },
    )


_EXPANDERS: dict[str, markdown.Markdown] = {}


def expand_includes(text: str, snippets_dir: Path) -> str:
    """Expand ``--8<--`` includes exactly as the build does (used by the fence tests too).

    One Markdown instance per folder serves every call (a build makes hundreds): the preprocessor starts
    each run afresh and reads the included files every time, so an edited snippet is seen at once."""
    md = _EXPANDERS.get(str(snippets_dir))
    if md is None:
        md = _EXPANDERS[str(snippets_dir)] = expander(snippets_dir)
    lines = md.preprocessors["snippet"].run(text.split("\n"))
    return "\n".join(lines)


def _normal(code: str) -> str:
    return code.strip("\n")


class SnippetIndex:
    def __init__(self, snippets_dir: Path):
        self.snippets_dir = Path(snippets_dir)
        self.layout = Layout(self.snippets_dir)
        self._by_text: dict[str, Origin] = {}
        for path in self.layout.files():
            file = self.layout.relative(path)
            targets = [Origin(file, None)] + [
                Origin(file, name)
                for name in dict.fromkeys(SECTION_RE.findall(path.read_text(encoding="utf-8")))
            ]
            for origin in targets:
                text = expand_includes(f'--8<-- "{origin}"', self.snippets_dir)
                self._by_text.setdefault(_normal(text), origin)

    def lookup(self, code: str) -> Origin | None:
        return self._by_text.get(_normal(code))

    def figure_modules(self) -> list[str]:
        """Module names of figure snippets (:meth:`rnnnotes.layout.Layout.figure_modules`)."""
        return self.layout.figure_modules()

    def animation_modules(self) -> list[str]:
        """Module names of animation snippets (:meth:`rnnnotes.layout.Layout.animation_modules`)."""
        return self.layout.animation_modules()
