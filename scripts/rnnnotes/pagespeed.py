"""Less work for the browser while a page loads: copy buttons in the HTML, and one costly rule out of
Material's stylesheet. (Material's bundle itself is no longer loaded: docs/assets/javascripts/site.js does
what the pages use of it. The measurements below were taken with the bundle and led to these changes.)

Traced in Chromium on /en/gru/ (29 code blocks, 3,300 elements), without CPU throttling; Lighthouse's
phone profile runs the CPU four times slower, and counts every task over 50 ms as blocking.

* **Copy buttons are in the HTML.** With ``content.code.copy``, Material's script inserts a button into
  each code block and then measures the block, one block after the other: 29 insertions, each followed
  by a full style recalculation and layout, 150 ms in the DOMContentLoaded task. The buttons are now
  written into the page at build, as Material would render them (same classes, title and
  ``data-clipboard-target``), and the feature is off, so the script only measures. Material's Clipboard.js
  handler listens on the document for any ``[data-clipboard-target]``, with or without the feature.
* **No page-wide restyle for a palette switch.** At load (and at every switch) Material's script sets
  ``data-md-color-switching`` on ``<body>``, reads the header's computed style and removes the attribute.
  Its stylesheet has ``[data-md-color-switching] *{transition-duration:0s!important}``, so setting or
  removing the attribute restyles every element: two full recalculations of 70 ms each, and every
  measurement until the attribute goes is a full one too. Without the rule, the script's first task took
  223 ms instead of 427 ms and DOMContentLoaded 145 ms instead of 260 ms. What the rule did: when the
  reader switches the scheme, a few colours (links, code, buttons) now fade for 125–250 ms, as they do
  on hover, instead of changing at once.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path

CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
# A code block as Pygments writes it, whatever a11y.focusable_code has added to its <code> (it runs first:
# it looks for <code> right after <pre> and Pygments' empty span, where the button now goes).
CODE_BLOCK_RE = re.compile(r"<pre(?P<attributes>[^>]*)>(?P<span><span></span>)?<code")


class PageSpeedError(Exception):
    pass


def static_copy_buttons(page_html: str) -> str:
    """Each ``<pre><code>`` block gets Material's copy button, titled in the page's language (the
    translation Material's script would use, from the page's own ``__config``)."""
    if not CODE_BLOCK_RE.search(page_html):
        return page_html
    config = CONFIG_RE.search(page_html)
    if config is None:
        raise PageSpeedError("a page with code blocks has no Material __config script")
    title = html.escape(json.loads(config[1])["translations"]["clipboard.copy"], quote=True)
    numbers = itertools.count()

    def button(match: re.Match) -> str:
        n = next(numbers)
        return (
            f'<pre{match["attributes"]} data-rn-code="{n}">{match["span"] or ""}'
            f'<nav class="md-code__nav"><button class="md-code__button" '
            f'title="{title}" data-clipboard-target="[data-rn-code=&quot;{n}&quot;] > code" '
            f'data-md-type="copy"></button></nav><code'
        )

    return CODE_BLOCK_RE.sub(button, page_html)


SWITCHING_RULE = re.compile(
    r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
    r"\[data-md-color-switching\] :before\{transition-duration:0s!important\}"
)


def drop_switching_rule(site: Path, theme_stylesheets: Path) -> None:
    """Remove the ``[data-md-color-switching] *`` rule from the site's copy of Material's palette CSS.
    Fails if Material's own stylesheet no longer has the rule in this form (the theme changed: look again)."""
    sources = list(theme_stylesheets.glob("palette.*.min.css"))
    if len(sources) != 1 or not SWITCHING_RULE.search(sources[0].read_text(encoding="utf-8")):
        raise PageSpeedError(
            f"Material's palette stylesheet in {theme_stylesheets} no longer has the "
            "[data-md-color-switching] rule that scripts/rnnnotes/pagespeed.py removes"
        )
    built = site / "assets" / "stylesheets" / sources[0].name
    text = built.read_text(encoding="utf-8")
    if SWITCHING_RULE.search(text):  # not yet removed in this site (a rebuild may keep the old copy)
        built.write_text(SWITCHING_RULE.sub("", text), encoding="utf-8")
