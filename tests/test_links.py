"""Every link and anchor in the built site resolves; links to other hosts are listed, not fetched."""

import os

from link_checker import check_site

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


def test_no_broken_link_or_anchor_in_the_built_site(built_site):
    report = check_site(built_site, SITE_URL)
    assert report.checked > 100
    assert report.broken == [], "\n".join(report.broken)
    print(f"\n{report.checked} links checked; external (not fetched):")
    for link, pages in sorted(report.external.items()):
        print(f"  {link}  ({len(pages)} pages)")


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<h2 id="here">x</h2>', encoding="utf-8"
    )
    (tmp_path / "style.css").write_text(
        "@font-face{src:url(fonts/missing.woff2)}", encoding="utf-8"
    )
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="a/#gone">bad anchor</a><a href="b/">bad page</a><img src="x.svg">'
        '<picture><source srcset="y.still.svg" media="(prefers-reduced-motion: reduce)"></picture>'
        '<a href="https://example.org/">external</a><a href="//">no host</a>'
        f'<a href="{SITE_URL}a/">own absolute</a>',
        encoding="utf-8",
    )
    report = check_site(tmp_path, SITE_URL)
    broken = "\n".join(report.broken)
    assert len(report.broken) == 6, broken
    for text in (
        "#gone",
        "b/",
        "x.svg",
        "y.still.svg",
        "missing.woff2",
        "// (no host)",
    ):
        assert text in broken
    assert list(report.external) == ["https://example.org/"]
