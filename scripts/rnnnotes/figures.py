"""Each figure on a page in the variant of the reader's colour scheme.

Authors write one ``![alt](figures/gru_fig_cell.svg)`` for ``snippets/gru/gru_fig_cell.py`` (figure names:
:mod:`rnnnotes.layout`). The build saves ``figures/gru_fig_cell.svg`` and its dark variant
``figures/gru_fig_cell.dark.svg`` (:mod:`rnnnotes.dark`), and while the page is converted a tree processor
(:class:`rnnnotes.page_extension.FigureImages`) turns every such ``<img>`` into two, following Material's
convention: ``gru_fig_cell.svg#only-light`` is hidden in the slate scheme and
``gru_fig_cell.dark.svg#only-dark`` in the default one. Both are ``loading="lazy"`` with the figure's
width and height: a hidden image (``display: none``) is never fetched, a visible one below the fold is
fetched when the reader scrolls near it, and the page does not jump when it arrives.

A figure is drawn to fit its column. On a phone (a 360 px screen leaves a column of ``PHONE_COLUMN``
pixels) a wide one would shrink its labels below ``MIN_LABEL_PX``: such a figure keeps the width at which
its smallest label is that size (:func:`readable_width`) and scrolls sideways in a focusable region.
"""

from __future__ import annotations

import math
import re

SVG_SIZE_RE = re.compile(
    r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"'
)
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}
# Matplotlib writes a text as glyph paths in a group ``text_<n>``, scaled by its font size / 100, in points.
TEXT_SCALE_RE = re.compile(
    r'<g id="text_\d+">.*?transform="[^"]*scale\(([\d.]+) -[\d.]+\)"', re.DOTALL
)
MIN_LABEL_PX = 9  # CSS pixels: the smallest label a figure may show
PHONE_COLUMN = 328  # CSS pixels: Material's content column on a 360 px screen


def svg_size(svg: str) -> tuple[int, int]:
    """Width and height in CSS pixels of an SVG whose root gives them (matplotlib writes points)."""
    match = SVG_SIZE_RE.search(svg)
    if match is None:
        raise ValueError("svg_size: the <svg> element has no width and height")
    return round(float(match[1]) * PX_PER[match[2]]), round(
        float(match[3]) * PX_PER[match[4]]
    )


def smallest_label(svg: str) -> float | None:
    """The font size of the SVG's smallest text, in its own CSS pixels (None when it has no text)."""
    sizes = [
        float(scale) * 100 * PX_PER["pt"]
        for scale in TEXT_SCALE_RE.findall(svg)
    ]
    return min(sizes) if sizes else None


def readable_width(svg: str) -> int | None:
    """The width, in CSS pixels, below which the SVG's smallest label would be under ``MIN_LABEL_PX``,
    when that is wider than a phone's column (None otherwise: the figure may shrink to fit)."""
    smallest = smallest_label(svg)
    if smallest is None:
        return None
    width = math.ceil(svg_size(svg)[0] * MIN_LABEL_PX / smallest)
    return width if width > PHONE_COLUMN else None


def dark_name(name: str) -> str:
    """``gru_fig_cell`` -> the file name of its dark variant."""
    return f"{name}.dark.svg"
