"""Both colour schemes in Chromium, on the longest chapter: opened in the dark scheme, every figure shows
its dark variant and none is a white card (measured on a screenshot of each); switched with Material's
toggle, the light variants show. Screenshots are saved under pytest's temporary folder.

The same holds on every page by what other tests check: test_browser.py loads every page with figures
in both schemes and languages (only that scheme's variants fetched, every shown image loaded), and
test_dark.py checks every built dark figure against its light one (no white left, text contrast)."""

import io
from urllib.parse import urlparse

import pytest

from conftest import DOCS, scheme_context

CHAPTERS = sorted(
    p.name.split(".")[0]
    for p in DOCS.glob("*.zh.md")
    if "](figures/" in p.read_text(encoding="utf-8")
)
LONGEST = max(
    CHAPTERS, key=lambda name: (DOCS / f"{name}.en.md").stat().st_size
)
CASES = [("zh", LONGEST)]


def page_path(lang, name):
    return f"/{name}/" if lang == "zh" else f"/en/{name}/"


def mean_luminance(png: bytes) -> tuple[float, float]:
    """Mean WCAG relative luminance of a screenshot, and the share of its pixels that are near white."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")) / 255
    linear = np.where(
        rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4
    )
    y = linear @ np.array([0.2126, 0.7152, 0.0722])
    return float(y.mean()), float((y > 0.8).mean())


def shown(images):
    return images.evaluate_all(
        "imgs => imgs.map(i => ({src: i.getAttribute('src'), shown: getComputedStyle(i).display !== 'none'}))"
    )


def file_of(src):
    return src.rsplit("/", 1)[-1].split("#")[0]


def load_and_measure(page, handle, path):
    """Scroll a lazy figure into view, wait until it has loaded, screenshot it, measure the screenshot."""
    handle.scroll_into_view_if_needed()
    page.wait_for_function(
        "i => i.complete && i.naturalWidth > 0", arg=handle.element_handle()
    )
    return handle.evaluate("i => i.currentSrc"), mean_luminance(
        handle.screenshot(path=path)
    )


@pytest.mark.parametrize("lang,name", CASES)
def test_figures_follow_the_colour_scheme(
    browser, site_url, tmp_path_factory, lang, name
):
    """One page load per page: opened in slate, then switched to the default scheme with Material's toggle."""
    folder = tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(exist_ok=True)
    figures = (
        (DOCS / f"{name}.{lang}.md")
        .read_text(encoding="utf-8")
        .count("](figures/")
    )
    context = scheme_context(
        browser, "slate", viewport={"width": 800, "height": 900}
    )
    page = context.new_page()
    fetched = []
    page.on(
        "request",
        lambda r: (
            "/figures/" in r.url
            and fetched.append(file_of(urlparse(r.url).path))
        ),
    )
    measured = {}
    try:
        page.goto(
            site_url + page_path(lang, name), wait_until="load"
        )  # the whole page parsed
        page.wait_for_load_state("networkidle")
        assert (
            page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            == "slate"
        )
        first_load = list(fetched)
        images = page.locator("article img[src*='figures/']")
        dark = shown(images)
        for index, image in enumerate(dark):
            if image["shown"]:
                path = (
                    folder / f"{lang}-{name}-slate-{file_of(image['src'])}.png"
                )
                source, measured[file_of(image["src"])] = load_and_measure(
                    page, images.nth(index), path
                )
                assert source.endswith(image["src"].lstrip("./")), source
        dark_fetched = list(fetched)

        page.locator(
            "form[data-md-component=palette] label:not([hidden])"
        ).click()
        assert (
            page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            == "default"
        )
        light = shown(images)
        first = next(
            index for index, image in enumerate(light) if image["shown"]
        )
        path = (
            folder / f"{lang}-{name}-default-{file_of(light[first]['src'])}.png"
        )
        source, (light_mean, _) = load_and_measure(
            page, images.nth(first), path
        )
    finally:
        context.close()

    assert len(dark) == 2 * figures
    assert [i["src"].endswith("#only-dark") for i in dark] == [
        i["shown"] for i in dark
    ]
    assert [i["src"].endswith("#only-light") for i in light] == [
        i["shown"] for i in light
    ]
    assert all(file.endswith(".dark.svg") for file in dark_fetched), (
        f"light figures fetched in slate: {dark_fetched}"
    )
    assert set(first_load) <= set(measured) and sorted(measured) == sorted(
        set(dark_fetched)
    )
    assert (
        source.endswith(light[first]["src"].lstrip("./")) and light_mean > 0.6
    )

    for file, (mean, white) in measured.items():
        assert mean < 0.25 and white < 0.05, (
            f"{file} is mostly light in the dark scheme"
        )
