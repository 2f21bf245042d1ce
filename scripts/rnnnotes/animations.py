"""Animations on a page: an animated SVG, a still for readers who prefer reduced motion, loaded lazily.

``snippets/<chapter>/<chapter>_anim_<topic>.py`` defines ``<chapter>_anim_<topic>()`` (names: :mod:`rnnnotes.layout`)
returning a StagedFigure (snippets/common/svg_animation.py). Below, ``<name>`` is that module's name.
The build saves ``figures/<name>.svg`` (animated) and ``figures/<name>.still.svg``; a page shows
the animation like any figure, ``![alt text](figures/<name>.svg)``, and while the page is converted a
tree processor (:class:`rnnnotes.page_extension.FigureImages`) turns that image into

    <picture><source media="(prefers-reduced-motion: reduce)" srcset="…/<name>.still.svg" …>
    <img … src="…/<name>.svg#only-light" width="…" height="…" loading="lazy" decoding="async"></picture>

followed by the same picture for the dark scheme (``<name>.still.dark.svg``,
``<name>.dark.svg#only-dark``; see :mod:`rnnnotes.figures`). The width and height keep the page
from jumping when the image arrives, so anchors stay where they land.
"""


from __future__ import annotations


def still_uri(module: str, dark: bool = False) -> str:
    return f"figures/{module}.still{'.dark' if dark else ''}.svg"
