"""Small accessibility repairs to Material's markup, applied to every built page.

* Material renders its search overlay as ``role="dialog"`` with no accessible name, which axe-core and
  Lighthouse report as a serious violation; the dialog gets a name in the page's language.
* A table wider than a phone scrolls sideways. Material's scripts wrap each table in a scroller that a
  keyboard cannot reach; every table is put in a focusable, named region that does the scrolling, by a
  tree processor while the page is converted (:mod:`rnnnotes.page_extension`).
* A code block wider than the screen scrolls sideways too. Material's script makes such blocks focusable
  once it has measured them, some time after load, and drops ``tabindex`` again from blocks that do not
  scroll; every block starts focusable, so there is no moment when a scrolling block cannot be reached.
  Code blocks reach the page as Pygments' finished HTML (stashed by superfences, never a tree), so this
  one is a pass over the rendered page.
"""

from __future__ import annotations

import re

SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog">'
)
SEARCH_LABEL = {"zh": "搜索", "en": "Search"}


def label_search_dialog(page_html: str, lang: str) -> str:
    label = SEARCH_LABEL.get(lang, SEARCH_LABEL["en"])
    return page_html.replace(
        SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label}">', 1
    )


TABLE_LABEL = {"zh": "表格", "en": "Table"}
# The title of a heading's permalink (toc's `permalink_title` is one setting for the whole site).
PERMALINK_TITLE = {"zh": "本节链接", "en": "Permanent link"}
FIGURE_LABEL = {"zh": "图（可左右滚动）", "en": "Figure, scrolls sideways"}


def scroll_region(lang: str) -> dict[str, str]:
    """The attributes of the region a table scrolls in (page_extension.ScrollingTables puts it there)."""
    return {
        "class": "table-scroll",
        "tabindex": "0",
        "role": "region",
        "aria-label": TABLE_LABEL.get(lang, TABLE_LABEL["en"]),
    }


def figure_scroll_region(lang: str) -> dict[str, str]:
    """The attributes of the region a figure too wide for a phone scrolls in (page_extension.FigureImages)."""
    return {
        "class": "figure-scroll",
        "tabindex": "0",
        "role": "region",
        "aria-label": FIGURE_LABEL.get(lang, FIGURE_LABEL["en"]),
    }


CODE_RE = re.compile(r"(<pre[^>]*>(?:<span></span>)?)<code>")


def focusable_code(page_html: str) -> str:
    return CODE_RE.sub(r'\1<code tabindex="0">', page_html)
