"""The dark variant of a figure, made from the SVG that matplotlib saved for the light scheme.

Every colour in the SVG is replaced by the colour that stands against Material's slate background as
the original stood against white: the same WCAG contrast ratio, the same OKLCH hue and (as far as the
sRGB gamut allows) chroma, and lighter than the background instead of darker. So white becomes the
background, black becomes the page's text colour (contrast is capped there), a faint grid stays faint,
a pale tint behind a box stays a faint tint, and a sequential colour map stays sequential. Two floors
keep things legible: a coloured line (a ``stroke`` with some chroma) gets at least 3:1 against the
background, and text (fills inside matplotlib's text groups) at least 4.5:1, unless it was pale: white on
a coloured box, where the mirrored pair keeps its contrast, or greyed out on purpose.

The figure's own background rectangle becomes transparent, so the figure sits on whatever surface the
page has. Text drawn in matplotlib's default black has no fill attribute; the root ``<svg>`` gets the
colour black maps to as its fill. Embedded PNG images (``imshow``, colour bars) are mapped pixel by pixel
with the same function. The result depends only on the input: the same SVG gives the same bytes.

Why the SVG and not a second rendering under a dark matplotlib style: the figures draw with about sixty
colours of their own (boxes, gates, wires, highlighted steps in ``snippets/<chapter>/*_fig_*.py`` and the diagram
modules), which no rcParam reaches. Rendered again under a slate style (text, axes and ticks in the slate
text colour, transparent background, the line cycle mapped here), 400 of 2,454 coloured elements that
stand at 3:1 or more on white fall under 3:1 on slate and 421 filled areas stay light cards, in each of the
19 figures; this mapping leaves none under 3:1.
"""

from __future__ import annotations

import base64
import colorsys
import io
import math
import re
from functools import cache

# Material for MkDocs' slate scheme (palette.css): --md-hue 225deg, background hsl(225, 15%, 14%),
# text hsla(225, 15%, 90%, 0.82) over that background.
SLATE_HUE, SLATE_SATURATION = 225 / 360, 0.15


def _hsl_hex(
    lightness: float,
    alpha: float = 1.0,
    under: tuple[float, float, float] | None = None,
) -> str:
    rgb = colorsys.hls_to_rgb(SLATE_HUE, lightness, SLATE_SATURATION)
    if under is not None:
        rgb = tuple(
            alpha * c + (1 - alpha) * u for c, u in zip(rgb, under, strict=True)
        )
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


SLATE_BACKGROUND = _hsl_hex(0.14)
SLATE_TEXT = _hsl_hex(
    0.90, 0.82, under=colorsys.hls_to_rgb(SLATE_HUE, 0.14, SLATE_SATURATION)
)

LINE_MIN_CONTRAST = 3.0
TEXT_MIN_CONTRAST = 4.5
NEUTRAL_CHROMA = 0.03  # OKLCH chroma below which a colour counts as grey: its lines get no floor


# -- colour science: sRGB, WCAG luminance and contrast, OKLab ----------------------------------


def parse_hex(colour: str) -> tuple[float, float, float]:
    text = colour.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"colour: expected #rgb or #rrggbb, got {colour!r}")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{min(255, max(0, round(c * 255))):02x}" for c in rgb)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (components in 0..1)."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str | tuple, b: str | tuple) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    la, lb = (
        luminance(parse_hex(c) if isinstance(c, str) else c) for c in (a, b)
    )
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _cbrt(x: float) -> float:
    return math.copysign(abs(x) ** (1 / 3), x)


def to_oklch(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    l_ = _cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
    m_ = _cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
    s_ = _cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
    L = 0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_
    a = 1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_
    b_ = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_
    return L, math.hypot(a, b_), math.atan2(b_, a)


def _oklch_linear(L: float, C: float, h: float) -> tuple[float, float, float]:
    a, b = C * math.cos(h), C * math.sin(h)
    l_ = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
        -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
        -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_,
    )


def _in_gamut(linear_rgb) -> bool:
    return all(-1e-7 <= c <= 1 + 1e-7 for c in linear_rgb)


def from_oklch(L: float, C: float, h: float) -> tuple[float, float, float]:
    """sRGB of an OKLCH colour; outside the gamut, chroma is reduced (hue and lightness kept)."""
    if not _in_gamut(_oklch_linear(L, C, h)):
        low, high = 0.0, C
        for _ in range(24):
            middle = (low + high) / 2
            low, high = (
                (middle, high)
                if _in_gamut(_oklch_linear(L, middle, h))
                else (low, middle)
            )
        C = low
    return tuple(_gamma(min(1.0, max(0.0, c))) for c in _oklch_linear(L, C, h))


# -- the mapping ---------------------------------------------------------------------------------


BACKGROUND_Y = luminance(parse_hex(SLATE_BACKGROUND))
BACKGROUND_OKLCH = to_oklch(parse_hex(SLATE_BACKGROUND))
MAX_CONTRAST = contrast(SLATE_TEXT, SLATE_BACKGROUND)


@cache
def dark_colour(colour: str, role: str = "area") -> str:
    """The slate-scheme colour for ``colour`` of the light figure.

    ``role`` is ``"area"`` (a filled shape or a pixel), ``"line"`` (a stroke) or ``"text"``.
    """
    if role not in ("area", "line", "text"):
        raise ValueError(
            f"role: expected 'area', 'line' or 'text', got {role!r}"
        )
    rgb = parse_hex(colour)
    target = min(contrast(rgb, (1.0, 1.0, 1.0)), MAX_CONTRAST)
    L, C, h = to_oklch(rgb)
    floor = 1.0
    if role == "line" and C >= NEUTRAL_CHROMA:
        floor = LINE_MIN_CONTRAST
    if (
        role == "text" and luminance(rgb) < 0.5
    ):  # white-on-colour text keeps the mirrored pair
        floor = TEXT_MIN_CONTRAST
    target = max(target, floor)
    if target <= 1.0 + 1e-9:
        return SLATE_BACKGROUND
    if (
        C < NEUTRAL_CHROMA
    ):  # greys take the background's tint, as Material's own greys do
        C, h = BACKGROUND_OKLCH[1], BACKGROUND_OKLCH[2]
    wanted = target * (BACKGROUND_Y + 0.05) - 0.05
    low, high = BACKGROUND_OKLCH[0], 1.0
    for _ in range(32):
        middle = (low + high) / 2
        if luminance(from_oklch(middle, C, h)) < wanted:
            low = middle
        else:
            high = middle
    result = to_hex(from_oklch(high, C, h))
    while (
        contrast(result, SLATE_BACKGROUND) < floor and high < 1.0
    ):  # 8-bit rounding fell under the floor
        high = min(1.0, high + 0.002)
        result = to_hex(from_oklch(high, C, h))
    return result


# -- the SVG -------------------------------------------------------------------------------------

TAG_RE = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][\w:.-]*)([^>]*?)(/?)>", re.DOTALL
)
STYLE_RE = re.compile(r'(\sstyle=")([^"]*)(")')
DECLARATION_RE = re.compile(
    r"(?P<property>[a-z-]+)\s*:\s*(?P<value>#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b)"
)
IMAGE_RE = re.compile(r'(xlink:href|href)="data:image/png;base64,([^"]*)"')
# matplotlib's text: a group "text_<n>", or (a Text given a gid) the glyph group, scaled from font units
TEXT_GROUP_RE = re.compile(r'\sid="text_\d+"|\stransform="[^"]*\bscale\(')
FIGURE_BACKGROUND_RE = re.compile(
    r'(<g id="figure_1">\s*<g id="patch_1">\s*<path\b[^>]*?style=")fill: #ffffff(")'
)


def _map_style(style: str, in_text: bool) -> str:
    declarations = dict(
        (m["property"], m["value"].lower())
        for m in DECLARATION_RE.finditer(style)
    )
    same = declarations.get("fill") is not None and declarations.get(
        "fill"
    ) == declarations.get("stroke")

    def replace(match):
        prop, value = match["property"], match["value"]
        if prop not in ("fill", "stroke", "stop-color", "flood-color", "color"):
            return match[0]
        if prop == "stroke" or (
            prop == "fill" and same
        ):  # a marker drawn in one colour is a line
            role = "line"
        elif prop == "fill" and in_text:
            role = "text"
        else:
            role = "area"
        return f"{prop}: {dark_colour(value.lower(), role)}"

    return DECLARATION_RE.sub(replace, style)


def _map_png(data: str) -> str:
    """A base64 PNG with every pixel's colour mapped as an area; alpha kept."""
    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data)))
    image = image.convert("RGBA")
    pixels = np.asarray(image).copy()
    rgb = pixels[..., :3].reshape(-1, 3)
    colours, inverse = np.unique(rgb, axis=0, return_inverse=True)
    mapped = np.array(
        [
            parse_hex(
                dark_colour(
                    "#{:02x}{:02x}{:02x}".format(*(int(v) for v in c)), "area"
                )
            )
            for c in colours
        ]
    )
    pixels[..., :3] = (
        np.round(mapped[inverse.reshape(-1)] * 255)
        .astype(np.uint8)
        .reshape(pixels[..., :3].shape)
    )
    out = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(out, format="PNG", optimize=False)
    return base64.b64encode(out.getvalue()).decode("ascii")


def dark_svg(svg: str) -> str:
    """The slate-scheme variant of a figure saved by matplotlib (``format="svg"``)."""
    if "<svg" not in svg:
        raise ValueError("dark_svg: the input is not an SVG document")
    svg = FIGURE_BACKGROUND_RE.sub(r"\1fill: none\2", svg, count=1)
    pieces: list[str] = []
    stack: list[bool] = []  # for each open <g>: is it (inside) a text group?
    position = 0
    for match in TAG_RE.finditer(svg):
        pieces.append(svg[position : match.start()])
        position = match.end()
        tag = match[0]
        closing, name, attributes, self_closing = (
            match[1],
            match[2],
            match[3],
            match[4],
        )
        if tag.startswith("<!--"):
            pieces.append(tag)
            continue
        if closing:
            if name == "g" and stack:
                stack.pop()
            pieces.append(tag)
            continue
        in_text = bool(stack and stack[-1])
        if name == "g" and not self_closing:
            stack.append(in_text or bool(TEXT_GROUP_RE.search(attributes)))
            in_text = stack[-1]
        if (
            name == "svg"
        ):  # text in matplotlib's default black has no fill of its own
            tag = (
                f'<svg fill="{dark_colour("#000000", "text")}"'
                + tag[len("<svg") :]
            )
        tag = STYLE_RE.sub(
            lambda m, in_text=in_text: m[1] + _map_style(m[2], in_text) + m[3],
            tag,
        )
        if name == "image":
            tag = IMAGE_RE.sub(
                lambda m: f'{m[1]}="data:image/png;base64,{_map_png(m[2])}"',
                tag,
            )
        pieces.append(tag)
    pieces.append(svg[position:])
    return "".join(pieces)
