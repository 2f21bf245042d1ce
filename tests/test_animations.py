"""Animations: the CSS that stages them, the snippets that draw them, the build that shows them as
their lazy still with a button that plays them, and what Chromium does with them (the button itself:
test_long_pages.py)."""

import re
import shutil

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from svg_animation import FADE, StagedFigure, opacity_keyframes  # noqa: E402

from conftest import SNIPPETS, made_by_two_cold_runners, render_page  # noqa: E402
from rnnnotes.layout import Layout  # noqa: E402
from rnnnotes.runner import SnippetError, SnippetRunner  # noqa: E402

ANIMATIONS = Layout(SNIPPETS).animation_modules()
MAX_BYTES = 200_000
HAN = re.compile(r"[\u4e00-\u9fff]")
# where each animation is shown: (page, language) pairs the browser tests visit, one per animation
SHOWN_ON = {"lstm_anim_step": ("lstm", "en"), "gru_anim_step": ("gru", "zh")}


def staged(durations=(2, 2, 2), shown=None):
    fig = plt.figure(figsize=(2, 1))
    for gid in ("first", "second", "always"):
        fig.text(0.5, 0.5, "$x_t$", gid=gid)
    return StagedFigure(
        fig,
        durations,
        shown if shown is not None else {"first": {0}, "second": {1, 2}},
    )


# -- the staging: opacity keyframes and CSS ----------------------------------------------------


def test_a_group_fades_in_before_its_stage_and_out_before_the_next():
    assert opacity_keyframes({1}, (2, 2, 2)) == [
        (0.0, 0),
        (28.333, 0),
        (33.333, 1),
        (61.667, 1),
        (66.667, 0),
        (100.0, 0),
    ]


def test_a_group_of_the_last_stage_fades_out_as_the_loop_ends():
    assert opacity_keyframes({2}, (2, 2, 2)) == [
        (0.0, 0),
        (61.667, 0),
        (66.667, 1),
        (95.0, 1),
        (100.0, 0),
    ]
    assert opacity_keyframes({0, 1, 2}, (2, 2, 2)) == [(0.0, 1), (100.0, 1)]


def test_css_rests_on_the_last_stage_and_moves_only_without_reduced_motion():
    css = staged().css()
    assert "#first{opacity:0}" in css and "#second{opacity:1}" in css
    assert "always" not in css  # a group no stage names is simply always there
    rest, motion = css.split("@media (prefers-reduced-motion:no-preference){")
    assert "animation" not in rest
    assert "#first{animation:first 6s linear infinite}" in motion
    assert "@keyframes second{0%{opacity:0}" in css


def test_render_gives_an_animated_svg_and_a_still_of_the_last_stage():
    animation = staged()
    animated, still = animation.render()
    assert animated.index("<style>") < animated.index(
        "<metadata>"
    )  # right after the <svg> tag
    assert "@keyframes first" in animated and 'id="first"' in animated
    assert "<style>\n#" not in still and "@keyframes" not in still
    assert (
        'id="first"' not in still
        and 'id="second"' in still
        and 'id="always"' in still
    )
    assert all(
        text.get_visible() for text in animation.figure.texts
    )  # hidden only while saving
    plt.close(animation.figure)


@pytest.mark.parametrize(
    "durations, shown, message",
    [
        ((2,), {}, "at least 2 stages"),
        ((2, FADE), {}, "at least 2 stages"),
        (
            (2, 2),
            {"missing": {0}},
            "expected 1 artist with gid 'missing', found 0",
        ),
        ((2, 2), {"first": {2}}, r"stages \[2\] do not exist"),
        ((2, 2), {"First": {0}}, "is not a gid"),
    ],
)
def test_a_wrong_schedule_is_refused(durations, shown, message):
    with pytest.raises(ValueError, match=message):
        staged(durations, shown)
    plt.close("all")


# -- the two animations of the site ---------------------------------------------------------


@pytest.fixture(scope="module", params=ANIMATIONS)
def animation(request):
    module = __import__(request.param)
    animation = getattr(module, request.param)()
    yield request.param, animation, module
    plt.close(animation.figure)


def test_each_stage_lights_one_part_and_shows_its_equation(animation):
    name, staged_figure, module = animation
    stages = len(staged_figure.durations)
    for k in range(stages):
        now = [
            gid
            for gid, shown in staged_figure.shown.items()
            if gid.startswith("now-") and k in shown
        ]
        equations = [
            gid
            for gid, shown in staged_figure.shown.items()
            if gid.startswith("eq-") and k in shown
        ]
        assert len(equations) == 1, (k, equations)
        assert len(now) == (0 if k == stages - 1 else 1), (
            k,
            now,
        )  # the last stage: the whole step, calm
    for gid, shown in staged_figure.shown.items():
        if gid.startswith(
            "lit-"
        ):  # once computed, a part stays in colour until the loop restarts
            assert shown == set(range(min(shown), stages)), gid


def test_the_drawing_has_symbols_and_math_only(animation):
    name, staged_figure, module = animation
    texts = [
        t.get_text()
        for t in staged_figure.figure.findobj(matplotlib.text.Text)
        if t.get_text()
    ]
    assert texts
    for text in texts:
        for line in text.split("\n"):
            assert re.fullmatch(r"\$[^$]+\$", line), (
                f"{name}: {line!r} is not math"
            )


def test_the_order_of_the_stages_is_the_order_of_the_step(animation):
    name, staged_figure, module = animation
    order = [
        gid.removeprefix("eq-")
        for gid, _ in sorted(
            (
                (gid, min(shown))
                for gid, shown in staged_figure.shown.items()
                if gid.startswith("eq-")
            ),
            key=lambda item: item[1],
        )
    ]
    expected = {
        "lstm_anim_step": [
            "inputs",
            "forget",
            "input",
            "cell",
            "output",
            "step",
        ],
        "gru_anim_step": [
            "inputs",
            "reset",
            "candidate",
            "update",
            "new_state",
            "step",
        ],
    }
    assert order == expected[name]


# -- the build machinery: worker, cache, pages ------------------------------------------------


@pytest.fixture
def snippets(tmp_path):
    folder = tmp_path / "snippets"
    (folder / "common").mkdir(parents=True)
    (folder / "demo").mkdir()
    shutil.copy(SNIPPETS / "common" / "svg_animation.py", folder / "common")
    (folder / "demo" / "demo_anim_dot.py").write_text(
        "import matplotlib.pyplot as plt\nfrom svg_animation import StagedFigure\n\n\n"
        "def demo_anim_dot():\n    fig = plt.figure(figsize=(2, 1))\n"
        "    fig.text(0.2, 0.5, '$x_t$', gid='now')\n    fig.text(0.6, 0.5, '$h_t$', gid='then')\n"
        "    return StagedFigure(fig, (1, 1), {'now': {0}, 'then': {1}})\n"
    )
    (folder / "demo" / "demo_anim_wrong.py").write_text(
        "def demo_anim_wrong():\n    return 'a figure'\n"
    )
    return folder


def test_the_runner_makes_and_caches_reproducible_animations(
    snippets, tmp_path
):
    results = made_by_two_cold_runners(
        snippets,
        tmp_path,
        lambda runner: runner.make_animation("demo_anim_dot"),
    )
    assert results[0] == results[1]
    svg, still = results[0]
    assert (
        "@keyframes now" in svg
        and "<dc:date>" not in svg
        and 'id="now"' not in still
    )

    again = SnippetRunner(snippets, tmp_path / "cache0")
    assert again.make_animation("demo_anim_dot") == results[0]
    assert again.executed == 0  # from the cache
    (snippets / "common" / "svg_animation.py").write_text(
        (snippets / "common" / "svg_animation.py").read_text() + "\n# edited\n"
    )
    again.make_animation("demo_anim_dot")
    assert again.executed == 1  # an imported snippet changed: made again
    again.close()
    assert Layout(snippets).animation_modules() == [
        "demo_anim_dot",
        "demo_anim_wrong",
    ]


def test_an_animation_function_must_return_a_staged_figure(snippets, tmp_path):
    runner = SnippetRunner(snippets, tmp_path / "cache")
    with pytest.raises(
        SnippetError,
        match=r"demo/demo_anim_wrong.py(.|\n)*must return a StagedFigure",
    ):
        runner.make_animation("demo_anim_wrong")
    runner.close()


PAGE = (
    '<figure markdown="span">\n![x](figures/demo_anim_dot.svg)\n<figcaption>c</figcaption>\n</figure>\n\n'
    "![y](figures/demo_fig_line.svg) ![z](figures/demo_anim_unknown.svg)\n"
)


def test_an_animation_image_becomes_its_lazy_still_and_a_play_button(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "demo_anim_dot.py").write_text(
        "def demo_anim_dot():\n    pass\n"
    )
    out = render_page(
        PAGE, tmp_path, animation_sizes={"demo_anim_dot": (614, 476)}
    )
    assert (
        '<img alt="x" src="figures/demo_anim_dot.still.svg#only-light" '
        'data-rn-animated="figures/demo_anim_dot.svg#only-light" width="614" height="476" '
        'loading="lazy" decoding="async">'
        '<img alt="x" src="figures/demo_anim_dot.still.dark.svg#only-dark" '
        'data-rn-animated="figures/demo_anim_dot.dark.svg#only-dark" width="614" height="476" '
        'loading="lazy" decoding="async">'
        '<button type="button" class="rn-animation" hidden '
        'data-play="Play the animation" data-stop="Stop the animation">Play the animation</button>'
    ) in out
    assert re.search(
        r'<div class="rn-figure">\n?<figure>.*</figure>\s*<a class="rn-download" href="../../snippets/demo/demo_anim_dot.py"',
        out,
        re.S,
    )
    assert (
        '<img alt="y" src="figures/demo_fig_line.svg" />' in out
    )  # figures are left alone
    assert (
        '<img alt="z" src="figures/demo_anim_unknown.svg" />' in out
    )  # so is an unknown name


# -- the built site -----------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["", ".dark"])
@pytest.mark.parametrize("name", ANIMATIONS)
def test_built_animation_and_still_are_small_svgs(built_site, name, variant):
    animated = built_site / "figures" / f"{name}{variant}.svg"
    still = built_site / "figures" / f"{name}.still{variant}.svg"
    for path in (animated, still):
        assert path.stat().st_size <= MAX_BYTES, (
            f"{path.name}: {path.stat().st_size} bytes"
        )
        assert "<text" not in path.read_text(
            encoding="utf-8"
        )  # glyphs are paths: no words to translate
    svg = animated.read_text(encoding="utf-8")
    assert "@keyframes" in svg and "prefers-reduced-motion:no-preference" in svg
    assert "@keyframes" not in still.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ANIMATIONS)
def test_the_page_shows_the_lazy_still_with_alt_text_in_its_language(
    built_site, name, lang
):
    page, _ = SHOWN_ON[name]
    html = (
        built_site / ("" if lang == "zh" else "en") / page / "index.html"
    ).read_text(encoding="utf-8")
    images = re.findall(rf'<img [^>]*data-rn-animated="[^"]*{name}[^>]*>', html)
    assert len(images) == 2, images  # one per colour scheme
    for img, variant, scheme in zip(
        images, ("", ".dark"), ("#only-light", "#only-dark"), strict=True
    ):
        assert re.search(
            rf'src="[./]*figures/{name}.still{variant}.svg{scheme}"', img
        ), img
        assert re.search(
            rf'data-rn-animated="[./]*figures/{name}{variant}.svg{scheme}"', img
        ), img
        assert 'loading="lazy"' in img and re.search(
            r'width="\d+" height="\d+"', img
        )
        alt = re.search(r'alt="([^"]+)"', img)[1]
        assert bool(HAN.search(alt)) == (lang == "zh"), alt
    button = re.search(
        rf"{re.escape(images[1])}(<button [^>]*>([^<]+)</button>)", html
    )
    assert button and bool(HAN.search(button[2])) == (lang == "zh"), button
    assert re.search(
        rf"{re.escape(button[1])}\s*<figcaption>[^<]{{20,}}", html
    )  # captioned


# -- in Chromium --------------------------------------------------------------------------------


def _page_url(site_url, page, lang):
    return f"{site_url}{'/' if lang == 'zh' else '/en/'}{page}/"


@pytest.mark.parametrize("name", ANIMATIONS)
def test_chromium_loads_only_the_still_and_only_when_near(
    browser, site_url, name
):
    """Nobody is sent the animated SVG before asking for it, and the still only when it comes near."""
    page_name, lang = SHOWN_ON[name]
    context = browser.new_context(viewport={"width": 412, "height": 900})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(
            _page_url(site_url, page_name, lang), wait_until="networkidle"
        )
        assert not [url for url in requested if f"/figures/{name}." in url], (
            "fetched before it was near"
        )
        img = page.locator(
            "img[data-rn-animated][src$='#only-light']"
        )  # the default scheme's
        img.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0",
            arg=img.element_handle(),
        )
        current = img.evaluate("img => img.currentSrc").split("#")[0]
    finally:
        context.close()
    assert current.endswith(f"/figures/{name}.still.svg"), current
    assert [
        url.rsplit("/", 1)[1] for url in requested if f"/figures/{name}." in url
    ] == [current.rsplit("/", 1)[1]]


@pytest.mark.parametrize("name", ANIMATIONS)
def test_in_chromium_each_stage_shows_its_part_and_reduced_motion_shows_the_last(
    browser, site_url, name
):
    module = __import__(name)
    staged_figure = getattr(module, name)()
    plt.close(staged_figure.figure)
    starts = [
        sum(staged_figure.durations[:k])
        for k in range(len(staged_figure.durations))
    ]
    opacity = "gid => getComputedStyle(document.getElementById(gid)).opacity"
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/figures/{name}.svg")
        assert page.evaluate("document.getAnimations().length") == len(
            staged_figure.shown
        )
        for k, start in enumerate(starts):
            middle = 1000 * (start + staged_figure.durations[k] / 2)
            page.evaluate(
                f"document.getAnimations().forEach(a => {{ a.pause(); a.currentTime = {middle}; }})"
            )
            for gid, shown in staged_figure.shown.items():
                assert float(page.evaluate(opacity, gid)) == (
                    1.0 if k in shown else 0.0
                ), (k, gid)
        page.emulate_media(reduced_motion="reduce")
        assert page.evaluate("document.getAnimations().length") == 0
        for gid, shown in staged_figure.shown.items():
            assert float(page.evaluate(opacity, gid)) == (
                1.0 if len(starts) - 1 in shown else 0.0
            ), gid
    finally:
        page.close()
