"""Each language behaves as a site of its own for search and sitemaps.

mkdocs-static-i18n builds the English pages under ``en/`` but leaves one search index, with both
languages, at the site root, and one sitemap. Material's JavaScript looks for both next to the page's
``base``. After the build, :func:`split_search_index` and :func:`write_sitemaps` write

* ``search/search_index.json`` with the Chinese pages only and ``en/search/search_index.json`` with the
  English pages only (locations relative to ``en/``), so a search on an English page finds English pages;
* ``sitemap.xml`` and ``en/sitemap.xml``, each listing its language's pages with ``hreflang`` links to the
  other language, without dates (so two builds give the same bytes);

and :func:`point_base_at_language_root` makes an English page's ``base`` the ``en/`` folder, which is
where Material then fetches that search index and sitemap.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

BASE_RE = re.compile(r'("base":\s*")([^"]*)(")')


def language_of(src_uri: str, default: str) -> str:
    """The language of a page from its file name: ``gru.en.md`` is "en"; a file with no suffix is ``default``."""
    stem = Path(src_uri).name.split(".")
    return stem[-2] if len(stem) >= 3 else default


def language_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def page_urls(
    pairs: dict[str, dict], default: str
) -> dict[str, dict[str, str]]:
    """{page name: {lang: URL relative to the site root}} for the pages of ``pages.page_pairs``."""
    return {
        name: {
            lang: language_prefix(lang, default)
            + ("" if name == "index" else f"{name}/")
            for lang in files
        }
        for name, files in pairs.items()
    }


def home_alternates(
    alternates: list[dict], site_url: str | None, default: str
) -> list[dict]:
    """The language switcher's entries (Material's ``extra.alternate``) pointing at each language's home page.

    The 404 page serves every missing path in both languages; mkdocs-static-i18n leaves it the switcher of
    the last page it built, whose twins have nothing to do with the missing page."""
    base = urlsplit(site_url or "").path.rstrip("/")
    return [
        dict(
            alternate,
            link=f"{base}/{language_prefix(alternate['lang'], default)}",
        )
        for alternate in alternates
    ]


def point_base_at_language_root(page_html: str, lang: str, default: str) -> str:
    prefix = language_prefix(lang, default)
    if not prefix:
        return page_html
    return BASE_RE.sub(
        lambda m: f"{m[1]}{m[2]}/{prefix}{m[3]}", page_html, count=1
    )


def _language_of_location(
    location: str, languages: list[str], default: str
) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(
    site_dir: Path, languages: list[str], default: str
) -> dict[str, int]:
    """Rewrite the shared index as one index per language; return how many entries each got."""
    shared_path = Path(site_dir) / "search" / "search_index.json"
    shared = json.loads(shared_path.read_text(encoding="utf-8"))
    counts = {}
    for lang in languages:
        prefix = language_prefix(lang, default)
        docs = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in shared["docs"]
            if _language_of_location(doc["location"], languages, default)
            == lang
        ]
        target = Path(site_dir) / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = dict(
            shared["config"],
            lang=[lang] + [x for x in shared["config"]["lang"] if x != lang],
        )
        target.write_text(
            json.dumps(
                {"config": config, "docs": docs},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
            encoding="utf-8",
        )
        counts[lang] = len(docs)
    return counts


def write_sitemaps(
    site_dir: Path,
    site_url: str,
    pages: dict[str, dict[str, str]],
    default: str,
) -> None:
    """``pages`` maps a page name to {lang: url relative to the site root}."""
    site_url = site_url.rstrip("/") + "/"
    languages = sorted(
        {lang for urls in pages.values() for lang in urls},
        key=lambda x: x != default,
    )
    for lang in languages:
        entries = []
        for name in sorted(pages):
            urls = pages[name]
            if lang not in urls:
                continue
            alternates = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{other}" href="{escape(site_url + urls[other])}"/>'
                for other in languages
                if other in urls
            )
            entries.append(
                f"  <url>\n    <loc>{escape(site_url + urls[lang])}</loc>{alternates}\n  </url>"
            )
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(entries)
            + "\n</urlset>\n"
        )
        target = Path(site_dir) / language_prefix(lang, default) / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sitemap, encoding="utf-8")
        stale = target.with_suffix(".xml.gz")
        if stale.exists():
            stale.unlink()
