"""Dark variants of the figures: the colour mapping (rnnnotes.dark), the <img> pairs (rnnnotes.figures),
and what the build made of every real figure."""

import base64
import io
import math
import re

import pytest

from conftest import render_page
from rnnnotes.dark import (
    LINE_MIN_CONTRAST,
    MAX_CONTRAST,
    SLATE_BACKGROUND,
    SLATE_TEXT,
    TEXT_MIN_CONTRAST,
    contrast,
    dark_colour,
    dark_svg,
    luminance,
    parse_hex,
    to_oklch,
)
from rnnnotes.figures import svg_size

PALETTE = [
    "#3949ab",
    "#00897b",
    "#d84315",
    "#f9a825",
    "#9fa8da",
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
GREYS = [f"#{v:02x}{v:02x}{v:02x}" for v in range(0, 256, 15)]


def grey(colour):
    return to_oklch(parse_hex(colour))[1] < 0.03


def test_white_becomes_the_background_and_black_the_text_colour():
    for role in ("area", "line", "text"):
        assert dark_colour("#ffffff", role) == SLATE_BACKGROUND
    black = dark_colour("#000000")
    assert contrast(black, SLATE_BACKGROUND) == pytest.approx(
        contrast(SLATE_TEXT, SLATE_BACKGROUND), abs=0.1
    )


@pytest.mark.parametrize(
    "colour", GREYS + PALETTE + ["#e8eaf6", "#fbe9e7", "#e6e6e6"]
)
def test_each_colour_keeps_its_contrast_mirrored(colour):
    """Against the slate background, as against white: same contrast ratio (capped at the text colour's)."""
    wanted = min(contrast(colour, "#ffffff"), MAX_CONTRAST)
    mapped = dark_colour(colour, "area")
    assert contrast(mapped, SLATE_BACKGROUND) == pytest.approx(
        wanted, rel=0.03, abs=0.03
    )
    assert luminance(parse_hex(mapped)) >= luminance(
        parse_hex(SLATE_BACKGROUND)
    )  # lighter, never darker


def test_greys_stay_in_order_reversed():
    mapped = [luminance(parse_hex(dark_colour(g))) for g in GREYS]
    assert mapped == sorted(mapped, reverse=True)
    assert mapped[0] > mapped[-1]


@pytest.mark.parametrize("colour", [c for c in PALETTE if not grey(c)])
def test_colours_keep_their_hue(colour):
    _, chroma, hue = to_oklch(parse_hex(colour))
    _, mapped_chroma, mapped_hue = to_oklch(
        parse_hex(dark_colour(colour, "line"))
    )
    assert mapped_chroma > 0.03
    difference = abs((mapped_hue - hue + math.pi) % (2 * math.pi) - math.pi)
    assert math.degrees(difference) < 8, (colour, dark_colour(colour, "line"))


@pytest.mark.parametrize("colour", PALETTE + GREYS[:-1])
def test_lines_and_text_meet_their_contrast_floors(colour):
    if not grey(colour):
        assert (
            contrast(dark_colour(colour, "line"), SLATE_BACKGROUND)
            >= LINE_MIN_CONTRAST
        )
    if luminance(parse_hex(colour)) < 0.5:
        assert (
            contrast(dark_colour(colour, "text"), SLATE_BACKGROUND)
            >= TEXT_MIN_CONTRAST
        )


def test_faint_greys_stay_faint_and_white_text_on_colour_keeps_its_pair():
    grid = dark_colour("#e6e6e6", "line")  # a grid line is meant to be faint
    assert contrast(grid, SLATE_BACKGROUND) < 1.5
    # white text on a teal box: dark text on the lighter teal, same contrast as in the light figure
    box, text = dark_colour("#00897b", "area"), dark_colour("#ffffff", "text")
    assert contrast(box, text) == pytest.approx(
        contrast("#00897b", "#ffffff"), rel=0.05
    )


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="role"):
        dark_colour("#000000", "shadow")
    with pytest.raises(ValueError, match="colour"):
        dark_colour("#12345")
    with pytest.raises(ValueError, match="not an SVG"):
        dark_svg("<html></html>")


# -- whole figures -------------------------------------------------------------------------------

BLACK = dark_colour("#000000", "text")
HEX_RE = re.compile(r"#[0-9a-fA-F]{6}\b")
PNG_RE = re.compile(r'data:image/png;base64,[^"]*')


@pytest.fixture(scope="module")
def light_svg():
    """A small figure with what the real ones use: text, coloured lines, a grid, a shaded band, an image."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from rnnnotes.worker import SVG_RC

    with plt.rc_context(SVG_RC):
        fig, (ax, image) = plt.subplots(1, 2, figsize=(4, 2))
        ax.plot([0, 1], [0, 1], color="#3949ab", label=r"$h_t$")
        ax.plot([0, 1], [1, 0], color="#f9a825")
        ax.axvspan(0.2, 0.4, color="#d84315", alpha=0.13)
        ax.grid(True, color="0.9")
        ax.text(0.5, 0.5, "x", color="#00897b")
        ax.text(0.1, 0.9, "w", color="white", bbox={"facecolor": "#00897b"})
        ax.legend()
        image.imshow(np.linspace(0, 1, 12).reshape(3, 4), cmap="Blues")
        buffer = io.StringIO()
        fig.savefig(
            buffer, format="svg", metadata={"Date": None}, facecolor="white"
        )
    plt.close(fig)
    return buffer.getvalue()


def test_only_colours_change(light_svg):
    dark = dark_svg(light_svg)
    assert dark == dark_svg(
        light_svg
    )  # a pure function: same input, same bytes

    def shape(svg):
        return HEX_RE.sub("#colour", PNG_RE.sub("png", svg))

    as_light = dark.replace(f'<svg fill="{BLACK}"', "<svg", 1).replace(
        "fill: none", "fill: #ffffff", 1
    )
    assert shape(as_light) == shape(light_svg)
    assert "#ffffff" not in dark.lower()


def test_the_background_is_transparent_and_default_text_light(light_svg):
    dark = dark_svg(light_svg)
    assert re.search(r'<g id="patch_1">\s*<path [^>]*style="fill: none"', dark)
    assert (
        f'<svg fill="{BLACK}"' in dark and contrast(BLACK, SLATE_BACKGROUND) > 8
    )


def test_every_colour_of_the_dark_figure_is_mapped(light_svg):
    light = HEX_RE.findall(light_svg)[
        1:
    ]  # the figure's background, made transparent
    dark = HEX_RE.findall(
        dark_svg(light_svg).replace(f'<svg fill="{BLACK}"', "<svg", 1)
    )
    assert len(light) == len(dark)
    for before, after in zip(light, dark, strict=True):
        assert after in {
            dark_colour(before.lower(), role)
            for role in ("area", "line", "text")
        }, (before, after)


def test_embedded_images_are_mapped_pixel_by_pixel(light_svg):
    import numpy as np
    from PIL import Image

    def pixels(svg):
        data = PNG_RE.search(svg)[0].split(",", 1)[1]
        return (
            np.asarray(
                Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
            )
            / 255
        )

    before, after = pixels(light_svg), pixels(dark_svg(light_svg))
    assert before.shape == after.shape
    light_y = (
        0.2126 * before[..., 0]
        + 0.7152 * before[..., 1]
        + 0.0722 * before[..., 2]
    )
    dark_y = (
        0.2126 * after[..., 0] + 0.7152 * after[..., 1] + 0.0722 * after[..., 2]
    )
    # the colour map's light end became dark and the dark end light: still a sequential map, reversed
    order = np.argsort(light_y.ravel(), kind="stable")
    assert dark_y.ravel()[order[0]] > dark_y.ravel()[order[-1]]
    assert (np.diff(dark_y.ravel()[order]) <= 0.02).all()


# -- the <img> pairs -----------------------------------------------------------------------------


def test_svg_size_in_css_pixels():
    assert svg_size(
        '<svg xmlns="x" width="460.8pt" height="388.8pt" viewBox="0 0 460.8 388.8">'
    ) == (614, 518)
    assert svg_size('<svg width="100" height="50px">') == (100, 50)
    with pytest.raises(ValueError):
        svg_size("<svg>")


def test_each_figure_becomes_a_light_and_a_dark_image_with_its_download_control(
    tmp_path,
):
    for folder in ("demo", "common"):
        (tmp_path / folder).mkdir()
    (tmp_path / "demo" / "demo_fig_x.py").write_text(
        "import helper\n\ndef demo_fig_x():\n    pass\n"
    )
    (tmp_path / "common" / "helper.py").write_text("")
    page = '![a "b" < c](figures/demo_fig_x.svg)\n\n![](figures/demo_fig_unknown.svg) ![logo](logo.svg)\n'
    out = render_page(page, tmp_path, figure_sizes={"demo_fig_x": (614, 518)})
    assert out.count("<img") == 4
    light, dark = re.findall(r"<img [^>]*>", out)[:2]
    assert 'src="figures/demo_fig_x.svg#only-light"' in light
    assert 'src="figures/demo_fig_x.dark.svg#only-dark"' in dark
    for img in (light, dark):
        assert 'alt="a &quot;b&quot; &lt; c"' in img
        assert 'width="614" height="518" loading="lazy"' in img
    assert (
        '<img alt="" src="figures/demo_fig_unknown.svg" />' in out
    )  # not a figure the build made
    assert '<img alt="logo" src="logo.svg" />' in out
    block = re.search(
        r'<div class="rn-figure"><p>(.*?)</p>\s*(<a class="rn-download"[^>]*>)',
        out,
        re.S,
    )
    assert "figures/demo_fig_x.svg#only-light" in block[1]
    assert block[2].startswith(
        '<a class="rn-download" href="../../snippets/demo/demo_fig_x.zip" download="demo_fig_x.zip" '
        'aria-label="Download demo_fig_x.py and the files it imports (zip)"'
    )


# -- the built site ------------------------------------------------------------------------------


TEXT_FILL_RE = re.compile(
    r'<g id="text_\d+">\s*(?:<!--.*?-->\s*)?<g style="fill: (#[0-9a-f]{6})"',
    re.S,
)


def test_every_figure_has_a_dark_variant(built_site):
    light = sorted(
        p.name
        for p in (built_site / "figures").glob("*.svg")
        if not p.name.endswith(".dark.svg")
    )
    assert light
    coloured_text = 0
    for name in light:
        light_svg = (built_site / "figures" / name).read_text(encoding="utf-8")
        dark = (
            built_site / "figures" / name.replace(".svg", ".dark.svg")
        ).read_text(encoding="utf-8")
        assert "#ffffff" not in dark.lower(), name
        assert dark == dark_svg(light_svg), name
        text_colours = [
            re.findall(TEXT_FILL_RE, svg) for svg in (light_svg, dark)
        ]
        assert len(text_colours[0]) == len(text_colours[1])
        coloured_text += len(text_colours[0])
        for before, after in zip(*text_colours, strict=True):
            # dark text on white is legible on slate; pale (greyed-out) or white-on-colour text keeps its pair
            if luminance(parse_hex(before)) < 0.5:
                assert contrast(after, SLATE_BACKGROUND) >= TEXT_MIN_CONTRAST, (
                    name,
                    before,
                    after,
                )
    assert coloured_text > 10


def test_every_page_shows_each_figure_as_a_pair(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        sources = re.findall(r'<img [^>]*src="([^"]*figures/[^"]*)"', html)
        assert all(
            src.endswith(("#only-light", "#only-dark")) for src in sources
        ), page
        light = [
            s.removesuffix(".svg#only-light")
            for s in sources
            if s.endswith("#only-light")
        ]
        dark = [
            s.removesuffix(".dark.svg#only-dark")
            for s in sources
            if s.endswith("#only-dark")
        ]
        assert light == dark, page
