"""A page's words in what a snippet printed: the build's half of ``snippets/common/labels.py``.

The build runs a fence once for both languages, with ``RNN_NOTES_LANGUAGE=both`` (the runner's worker
sets it): a snippet's ``label("test accuracy", "测试准确率")`` then prints both words between marks, and
:func:`resolve` keeps the page's own, for the page (:mod:`rnnnotes.fences`) and its notebook
(:mod:`rnnnotes.notebooks`). The marks are the snippet module's; ``tests/test_labels.py`` checks that
the two agree.
"""

from __future__ import annotations

import re

LANGUAGE_ENV = "RNN_NOTES_LANGUAGE"
BOTH = "both"
OPEN, BETWEEN, CLOSE = "\x02", "\x1f", "\x03"
_LABEL_RE = re.compile(
    f"{OPEN}([^{OPEN}{BETWEEN}{CLOSE}]*){BETWEEN}([^{OPEN}{BETWEEN}{CLOSE}]*){CLOSE}"
)
LANGUAGES = ("en", "zh")  # the order of the words between the marks


def resolve(text: str, language: str) -> str:
    """``text`` with every label replaced by its words in ``language`` (``zh`` or ``en``)."""
    if language not in LANGUAGES:
        raise ValueError(
            f"language: expected one of {', '.join(LANGUAGES)}, got {language!r}"
        )
    index = LANGUAGES.index(language) + 1
    resolved = _LABEL_RE.sub(lambda match: match[index], text)
    stray = re.search(f"[{OPEN}{BETWEEN}{CLOSE}]", resolved)
    if stray:
        start = max(0, stray.start() - 40)
        raise ValueError(
            f"a label's marks are broken (nested or padded?) near {resolved[start : stray.end() + 40]!r}"
        )
    return resolved
