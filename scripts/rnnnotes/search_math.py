"""Equations in the search index as text a reader can read, not TeX.

Material's search plugin indexes a page before the build turns its TeX into MathML (``katex.py`` runs on
the finished page), so its index held ``\\(h_{t-1}\\)`` and ``\\[ \\frac{\\partial h_T}{\\partial h_t} \\]``,
and every result showed them as typed. :func:`render_index_math` replaces each with a line of HTML made
from the equation's own MathML: letters and operators as characters, subscripts and superscripts as
``<sub>`` / ``<sup>`` (which Material keeps in a result), a fraction as ``a/b``, an accent as a combining
mark (``c̃``). Words in an equation (``tanh``, ``diag``) stay searchable; TeX command names no longer
match a query.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

from .katex import DISPLAY, INLINE, TexError, compact_mathml

CODE_RE = re.compile(r"(<code>.*?</code>)", re.DOTALL)
TEX_RE = re.compile(  # the delimiters arithmatex writes, as katex.py reads them
    rf"{re.escape(INLINE[0])}(?P<inline>.+?){re.escape(INLINE[1])}"
    rf"|{re.escape(DISPLAY[0])}(?P<display>.+?){re.escape(DISPLAY[1])}",
    re.DOTALL,
)
INVISIBLE = dict.fromkeys(map(ord, "\u2062\u2063\u2064"))  # invisible times, separator and plus
APPLY = "\u2061"  # function application: "diag x", but "tanh(x)"
SPACED = set("=+−-×·⊙≤≥<>≈≠∈→←↦⊗∘≡∼")  # operators drawn with a space on each side
ACCENTS = {"~": "\u0303", "˜": "\u0303", "^": "\u0302", "ˆ": "\u0302", "¯": "\u0304", "‾": "\u0305",
           "˙": "\u0307", "→": "\u20d7"}


def mathml_text(markup: str) -> str:
    """One line of HTML for a MathML equation (KaTeX's output, compacted or not)."""
    root = ET.fromstring(compact_mathml(markup).replace("&nbsp;", "\u00a0"))
    text = re.sub(f"{APPLY}(?=\\()", "", _text(root)).replace(APPLY, " ")
    return re.sub(r" {2,}", " ", text).strip()


def _text(element: ET.Element, tight: bool = False) -> str:
    """HTML for ``element``; ``tight``: inside a sub- or superscript, where operators take no spaces."""
    tag = element.tag.rsplit("}", 1)[-1]
    children = list(element)
    if tag in ("mi", "mn", "mtext", "ms"):
        return html.escape((element.text or "").translate(INVISIBLE), quote=False)
    if tag == "mo":
        text = (element.text or "").translate(INVISIBLE)
        if text in SPACED and element.get("form") != "prefix" and not tight:
            return f" {html.escape(text, quote=False)} "
        return html.escape(text, quote=False) + (" " if text in (",", ";") else "")
    if tag == "mspace":
        return " "
    if tag in ("annotation", "annotation-xml", "mphantom"):
        return ""
    if tag in ("msub", "munder") and len(children) == 2:
        return f"{_text(children[0], tight)}<sub>{_text(children[1], True)}</sub>"
    if tag == "msup" and len(children) == 2:
        return f"{_text(children[0], tight)}<sup>{_text(children[1], True)}</sup>"
    if tag in ("msubsup", "munderover") and len(children) == 3:
        base, below, above = (_text(child, tight or i > 0) for i, child in enumerate(children))
        return f"{base}<sub>{below}</sub><sup>{above}</sup>"
    if tag == "mover" and len(children) == 2:
        mark = ACCENTS.get((children[1].text or "").strip()) if children[1].tag.endswith("mo") else None
        base = _text(children[0], tight)
        return base + mark if mark and len(html.unescape(base)) == 1 else f"{base}<sup>{_text(children[1], True)}</sup>"
    if tag == "mfrac" and len(children) == 2:
        return f"{_grouped(children[0], tight)}/{_grouped(children[1], tight)}"
    if tag == "msqrt":
        return f"√{_grouped_text(''.join(_text(child, tight) for child in children))}"
    if tag == "mroot" and len(children) == 2:
        return f"<sup>{_text(children[1], True)}</sup>√{_grouped(children[0], tight)}"
    if tag == "mtable":
        return "; ".join(_text(row, tight) for row in children)
    if tag in ("mtr", "mlabeledtr"):
        return " ".join(_text(cell, tight) for cell in children)
    return "".join(_text(child, tight) for child in children)  # math, mrow, mstyle and anything else: a row


def _grouped(element: ET.Element, tight: bool) -> str:
    return _grouped_text(_text(element, tight))


def _grouped_text(text: str) -> str:
    """``text`` in parentheses unless it is one symbol (with its sub- or superscript) or already wrapped."""
    plain = re.sub(r"<su[bp]>.*?</su[bp]>", "", text).strip()
    if len(html.unescape(plain)) <= 1 or (plain.startswith("(") and plain.endswith(")")):
        return text.strip()
    return f"({text.strip()})"


def render_index_math(index_path: Path, render: Callable[[list[tuple[str, bool]]], list[str]]) -> int:
    """Rewrite the titles and texts of the search index at ``index_path``: every ``\\(…\\)`` and ``\\[…\\]``
    outside code becomes :func:`mathml_text` of its rendering by ``render`` (``KatexRenderer.render``: the
    pages' equations are in its cache already). Returns how many equations were replaced."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    fields = [(doc, field) for doc in index["docs"] for field in ("title", "text") if doc.get(field)]
    found = [_item(match) for doc, field in fields for part in _prose(doc[field]) for match in TEX_RE.finditer(part)]
    if not found:
        return 0
    unique = list(dict.fromkeys(found))
    try:
        lines = {item: _line(item, markup) for item, markup in zip(unique, render(unique))}
    except TexError as error:
        raise TexError(f"{index_path.name}: {error}") from None
    for doc, field in fields:
        doc[field] = "".join(
            TEX_RE.sub(lambda match: lines[_item(match)], part) if not part.startswith("<code>") else part
            for part in CODE_RE.split(doc[field])
        )
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(found)


def _line(item: tuple[str, bool], markup: str) -> str:
    try:
        return mathml_text(markup)
    except ET.ParseError as error:
        raise TexError(f"the MathML KaTeX made for {item[0]!r} does not parse: {error}") from None


def _prose(text: str) -> list[str]:
    """The parts of an index text outside ``<code>…</code>`` (a code block may hold a backslash-bracket)."""
    return [part for part in CODE_RE.split(text) if not part.startswith("<code>")]


def _item(match: re.Match) -> tuple[str, bool]:
    display = match["display"] is not None
    return html.unescape(match["display"] if display else match["inline"]).strip(), display
