"""Animations on a page: an animated SVG, a still for readers who prefer reduced motion, loaded lazily.

``snippets/anim_<name>.py`` defines ``anim_<name>()`` returning a StagedFigure (snippets/svg_animation.py).
The build saves ``figures/anim_<name>.svg`` (animated) and ``figures/anim_<name>.still.svg``; a page shows
the animation like any figure, ``![alt text](figures/anim_<name>.svg)``, and :func:`as_pictures` turns
that image into

    <picture><source media="(prefers-reduced-motion: reduce)" srcset="…/anim_<name>.still.svg" …>
    <img … src="…/anim_<name>.svg#only-light" width="…" height="…" loading="lazy" decoding="async"></picture>

followed by the same picture for the dark scheme (``anim_<name>.still.dark.svg``,
``anim_<name>.dark.svg#only-dark``; see :mod:`rnnnotes.figures`). The width and height keep the page
from jumping when the image arrives, so anchors stay where they land.
"""

from __future__ import annotations

import re

IMG_RE = re.compile(
    r'<img\b(?P<attrs>[^>]*?\bsrc="(?P<folder>[^"]*?figures/)(?P<name>anim_[-\w]+)\.svg"[^>]*?)\s*/?>'
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
