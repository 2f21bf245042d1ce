"""Check every link in the built site, anchors included, without the network.

mkdocs validates the links it sees in Markdown. This reads the *built* HTML and CSS instead, so it also
covers links in templates, raw HTML, the language switcher, generated output and stylesheets. Links to
other hosts are collected and listed, never fetched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlparse

LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and attributes.get(attribute):
            if tag == "link" and "preconnect" in (attributes.get("rel") or ""):
                return
            self.links.append(attributes[attribute])
        if tag in ("img", "source") and attributes.get(
            "srcset"
        ):  # "url [descriptor], url ..."
            self.links += [
                candidate.split()[0]
                for candidate in attributes["srcset"].split(",")
                if candidate.strip()
            ]


@dataclass
class LinkReport:
    checked: int = 0
    broken: list[str] = field(default_factory=list)
    external: dict[str, list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )


def _target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path, site_url: str = "") -> LinkReport:
    site = Path(site_dir)
    own_host = urlparse(site_url).netloc
    own_prefix = urlparse(site_url).path or "/"
    pages: dict[Path, _PageParser] = {}
    for html_file in sorted(site.rglob("*.html")):
        parser = _PageParser()
        parser.feed(html_file.read_text(encoding="utf-8"))
        pages[html_file] = parser

    sources: list[tuple[Path, list[str]]] = [
        (path, parser.links) for path, parser in pages.items()
    ]
    for css in sorted(site.rglob("*.css")):
        sources.append(
            (css, CSS_URL_RE.findall(css.read_text(encoding="utf-8")))
        )

    report = LinkReport()
    for source, links in sources:
        base = "/" + source.relative_to(site).as_posix()
        for link in links:
            if link.startswith(SKIPPED_SCHEMES):
                continue
            report.checked += 1
            parsed = urlparse(link)
            if parsed.scheme in ("http", "https") or link.startswith("//"):
                if not parsed.netloc:
                    report.broken.append(
                        f"{source.relative_to(site).as_posix()}: {link} (no host)"
                    )
                    continue
                if parsed.netloc != own_host:
                    report.external[link].append(base)
                    continue
                link = (
                    "/"
                    + parsed.path[len(own_prefix) :].lstrip("/")
                    + (f"#{parsed.fragment}" if parsed.fragment else "")
                )
            elif (
                link.startswith("/")
                and own_prefix != "/"
                and link.startswith(own_prefix)
            ):
                link = (
                    "/" + link[len(own_prefix) :]
                )  # absolute path under the published prefix (404 page)
            url, fragment = urldefrag(urljoin(base, link))
            path = urlparse(url).path
            target = _target_file(site, path) if path else source
            where = f"{source.relative_to(site).as_posix()}: {link}"
            if target is None:
                report.broken.append(
                    f"{where} (no file for {PurePosixPath(path)})"
                )
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if unquote(fragment) not in ids:
                    report.broken.append(
                        f"{where} (no #{fragment} in {target.relative_to(site).as_posix()})"
                    )
    return report
