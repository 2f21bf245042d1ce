"""Small accessibility repairs to Material's markup, applied to every built page.

Material renders its search overlay as ``role="dialog"`` with no accessible name, which axe-core and
Lighthouse report as a serious violation; the dialog gets a name in the page's language.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = {"zh": "搜索", "en": "Search"}


def label_search_dialog(page_html: str, lang: str) -> str:
    label = SEARCH_LABEL.get(lang, SEARCH_LABEL["en"])
    return page_html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)
