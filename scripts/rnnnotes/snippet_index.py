"""Include expansion exactly as the build does it.

A page shows code only by including it from ``snippets/`` (``--8<-- "gru/gru_forward.py:forward"``; where
files live is :mod:`rnnnotes.layout`'s business). The page model (:mod:`rnnnotes.page_model`) knows each
include's origin and expands it with :func:`expand_includes`, which runs pymdownx.snippets itself with
the site's settings, so the code a fence test, a notebook cell or a download shows is the page's code.
"""

from __future__ import annotations

from pathlib import Path

import markdown

# The options pages are built with; mkdocs.yml passes the same ones to pymdownx.snippets.
SNIPPETS_CONFIG = {"check_paths": True, "dedent_subsections": True}


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
    """Expand ``--8<--`` includes exactly as the build does.

    One Markdown instance per folder serves every call (a build makes hundreds): the preprocessor starts
    each run afresh and reads the included files every time, so an edited snippet is seen at once."""
    md = _EXPANDERS.get(str(snippets_dir))
    if md is None:
        md = _EXPANDERS[str(snippets_dir)] = expander(snippets_dir)
    lines = md.preprocessors["snippet"].run(text.split("\n"))
    return "\n".join(lines)
