"""Animations on a page: the still frame first, the animated SVG when the reader asks for it.

``snippets/<chapter>/<chapter>_anim_<topic>.py`` defines ``<chapter>_anim_<topic>()`` (names:
:mod:`rnnnotes.layout`) returning a StagedFigure (snippets/common/svg_animation.py). Below,
``<name>`` is that module's name. The build saves ``figures/<name>.svg`` (animated) and
``figures/<name>.still.svg`` (the last stage), each with a ``.dark`` variant
(:mod:`rnnnotes.figures`); a page shows the animation like any figure,
``![alt text](figures/<name>.svg)``, and while the page is converted a tree processor
(:class:`rnnnotes.page_extension.FigureImages`) turns that image into :func:`animation_html`:

    <img alt="…" src="…/<name>.still.svg#only-light" data-rn-animated="…/<name>.svg#only-light"
         width="…" height="…" loading="lazy" decoding="async">
    <img … the same for the dark scheme (#only-dark) …>
    <button type="button" class="rn-animation" hidden …>Play the animation</button>

Every reader gets the still frame, which holds the whole step. The button (shown by
docs/assets/javascripts/animations.js, unless the reader prefers reduced motion) swaps the
animated SVGs in and, pressed again, the stills back: WCAG 2.2.2 asks that motion lasting more than
5 s can be paused, stopped or hidden, and an animation nobody asked for kept about 15 % of the main
thread busy on a throttled phone while it was on screen. The width and height keep the page from
jumping when the image arrives, so anchors stay where they land.
"""

from __future__ import annotations

# (play, stop) in each language of the site: what the button says before and while it plays
LABELS = {
    "zh": ("播放动画", "停止动画"),
    "en": ("Play the animation", "Stop the animation"),
}


def still_uri(module: str, dark: bool = False) -> str:
    return f"figures/{module}.still{'.dark' if dark else ''}.svg"


def animation_html(
    folder: str, name: str, attributes: str, sizes: str, language: str
) -> str:
    """The two still images (light, dark) of animation `name` and the button that plays them.

    `attributes` are the image's own (alt, title, …) and `sizes` its width, height, loading and
    decoding, both already serialised as ` key="value"` pairs.
    """
    if language not in LABELS:
        raise ValueError(
            f"animation {name}: no button label for language {language!r}; "
            f"expected one of {sorted(LABELS)}"
        )
    play, stop = LABELS[language]
    images = "".join(
        f'<img{attributes} src="{folder}{name}.still{variant}.svg{scheme}" '
        f'data-rn-animated="{folder}{name}{variant}.svg{scheme}"{sizes}>'
        for variant, scheme in (("", "#only-light"), (".dark", "#only-dark"))
    )
    return (
        f'{images}<button type="button" class="rn-animation" hidden '
        f'data-play="{play}" data-stop="{stop}">{play}</button>'
    )
