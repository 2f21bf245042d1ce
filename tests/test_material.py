"""The site hooks into Material only through its documented extension points (``document$``, template
blocks). That the bundle runs and hands each page to ``document$``, with only the widget scripts the
page names, is checked on every page in Chromium by test_browser.py. Material's own features (palette
toggle, toc.follow, search.share) are Material's to test."""

from conftest import DOCS, ROOT

OURS = [ROOT / "overrides", DOCS]


def test_no_file_of_ours_reads_materials_internals():
    """Extra scripts and templates go through Material's documented hooks (``document$``, template
    blocks), not the bundle's storage helpers or component markers, which change between releases."""
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for folder in OURS
        for path in folder.rglob("*")
        if path.suffix in {".html", ".js", ".css", ".md"}
        for word in ("__md_get", "__md_set", "data-md-component")
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []
