"""Code annotations on running fences, in Chromium on the built site: every ``# (n)!`` marker of a fence
that has notes is Material's annotation button, and focusing or clicking it shows that note, in both
languages (the page model and the fence formatter that put the notes there: test_page_model.py).
With no page using annotations, the test has no case and pytest reports it skipped."""

import re

import pytest

from conftest import DOCS, SNIPPETS
from rnnnotes.page_model import parse_file


def annotated_fences():
    """(language, page name, fence) for every running fence with notes, on every page."""
    found = []
    for path in sorted(DOCS.glob("*.md")):
        name, lang = path.name[: -len(".md")].rsplit(".", 1)
        found += [(lang, name, fence) for fence in parse_file(path, snippets_dir=SNIPPETS).run_fences if fence.notes]
    return found


ANNOTATED = annotated_fences()


def note_beginnings(notes: str) -> list[str]:
    """The first words of each note as a reader sees them (code marks dropped, before any math)."""
    items = re.split(r"^\d+\.[ \t]+", notes, flags=re.MULTILINE)[1:]
    return [re.sub(r"[`*_]", "", item).split("$")[0].strip()[:12] for item in items]


@pytest.mark.parametrize("lang,name,fence", ANNOTATED, ids=[f"{lang}-{name}-{fence.line}" for lang, name, fence in ANNOTATED])
def test_each_marker_is_an_annotation_that_shows_its_note(browser, site_url, lang, name, fence):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")  # the index pulses
    try:
        page.goto(site_url + ("/" if lang == "zh" else "/en/") + f"{name}/", wait_until="load")
        block = page.locator(f'div.exec[data-snippet="{fence.origin}"]').first
        code = block.locator("pre > code").first  # the snippet (the output block is the second)
        annotations = code.locator(".md-annotation")
        annotations.first.wait_for(state="attached")
        assert annotations.count() == fence.note_count
        assert "(1)!" not in code.inner_text()  # the comments show only the buttons
        assert not block.locator("ol").first.is_visible()  # the list moved into the tooltips
        for number, beginning in enumerate(note_beginnings(fence.notes), start=1):
            annotation = annotations.nth(number - 1)
            button = annotation.locator(f'.md-annotation__index:has([data-md-annotation-id="{number}"])')
            tooltip = annotation.get_by_role("tooltip")
            tooltip.wait_for(state="hidden")  # closed until asked (Material opens each for a moment as it mounts)
            button.click()
            tooltip.wait_for(state="visible")
            assert beginning in tooltip.inner_text(), (beginning, tooltip.inner_text())
            page.locator("h1").click()  # away: the tooltip closes
            tooltip.wait_for(state="hidden")
    finally:
        page.close()
