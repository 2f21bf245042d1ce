"""Each figure on a page in the variant of the reader's colour scheme.

Authors write one ``![alt](figures/gru_fig_cell.svg)`` for ``snippets/gru/gru_fig_cell.py`` (figure names:
:mod:`rnnnotes.layout`). The build saves ``figures/gru_fig_cell.svg`` and its dark variant
``figures/gru_fig_cell.dark.svg`` (:mod:`rnnnotes.dark`), and while the page is converted a tree processor
(:class:`rnnnotes.page_extension.FigureImages`) turns every such ``<img>`` into two, following Material's
convention: ``gru_fig_cell.svg#only-light`` is hidden in the slate scheme and
``gru_fig_cell.dark.svg#only-dark`` in the default one. Both are ``loading="lazy"`` with the figure's
width and height: a hidden image (``display: none``) is never fetched, a visible one below the fold is
fetched when the reader scrolls near it, and the page does not jump when it arrives.
"""

from __future__ import annotations

import re

SVG_SIZE_RE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"')
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def svg_size(svg: str) -> tuple[int, int]:
    """Width and height in CSS pixels of an SVG whose root gives them (matplotlib writes points)."""
    match = SVG_SIZE_RE.search(svg)
    if match is None:
        raise ValueError("svg_size: the <svg> element has no width and height")
    return round(float(match[1]) * PX_PER[match[2]]), round(float(match[3]) * PX_PER[match[4]])


def dark_name(name: str) -> str:
    """``gru_fig_cell`` -> the file name of its dark variant."""
    return f"{name}.dark.svg"
