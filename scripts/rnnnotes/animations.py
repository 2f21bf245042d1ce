"""Animations on a page: an animated SVG, a still for readers who prefer reduced motion, loaded lazily.

``snippets/<chapter>/<chapter>_anim_<topic>.py`` defines ``<chapter>_anim_<topic>()`` (names: :mod:`rnnnotes.layout`)
returning a StagedFigure (snippets/common/svg_animation.py). Below, ``<name>`` is that module's name.
The build saves ``figures/<name>.svg`` (animated) and ``figures/<name>.still.svg``; a page shows
the animation like any figure, ``![alt text](figures/<name>.svg)``, and :func:`as_pictures` turns
that image into

    <picture><source media="(prefers-reduced-motion: reduce)" srcset="…/<name>.still.svg" …>
    <img … src="…/<name>.svg#only-light" width="…" height="…" loading="lazy" decoding="async"></picture>

followed by the same picture for the dark scheme (``<name>.still.dark.svg``,
``<name>.dark.svg#only-dark``; see :mod:`rnnnotes.figures`). The width and height keep the page
from jumping when the image arrives, so anchors stay where they land.
"""

from __future__ import annotations

import re

from .layout import ANIMATION_NAME

IMG_RE = re.compile(
    rf'<img\b(?P<attrs>[^>]*?\bsrc="(?P<folder>[^"]*?figures/)(?P<name>{ANIMATION_NAME})\.svg"[^>]*?)\s*/?>'
)


def still_uri(module: str, dark: bool = False) -> str:
    return f"figures/{module}.still{'.dark' if dark else ''}.svg"


def as_pictures(html: str, sizes: dict[str, tuple[int, int]]) -> str:
    """Every ``<img>`` of a known animation (``sizes``: module -> (width, height)) as two lazy <picture>s,
    one for each colour scheme."""

    def picture(match: re.Match) -> str:
        name, attrs = match["name"], match["attrs"]
        if name not in sizes or "loading=" in attrs:
            return match[0]
        width, height = sizes[name]
        folder, light_src = match["folder"], f'src="{match["folder"]}{name}.svg"'
        pictures = []
        for variant, scheme in (("", "#only-light"), (".dark", "#only-dark")):
            img_attrs = attrs.replace(light_src, f'src="{folder}{name}{variant}.svg{scheme}"')
            pictures.append(
                f'<picture><source media="(prefers-reduced-motion: reduce)" '
                f'srcset="{folder}{name}.still{variant}.svg" type="image/svg+xml">'
                f'<img{img_attrs} width="{width}" height="{height}" loading="lazy" decoding="async"></picture>'
            )
        return "".join(pictures)

    return IMG_RE.sub(picture, html)
