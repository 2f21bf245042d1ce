"""Server-side math: TeX in built pages becomes MathML, drawn by the browser itself.

pymdownx.arithmatex (``generic: true``) leaves ``<span class="arithmatex">\\(...\\)</span>`` and
``<div class="arithmatex">\\[...\\]</div>`` in the page. :func:`render_page_math` replaces their TeX with
the MathML that the KaTeX pinned in ``node_modules`` produces (``output: "mathml"``). Every current
browser lays MathML out natively, so readers get no math JavaScript, and an equation costs a handful of
elements instead of KaTeX's dozens of positioned spans, which long pages pay for at every style and
layout pass. Screen readers read the MathML directly.

The glyphs come from one OpenType MATH font, STIX Two Math (npm ``@fontsource/stix-two-math``, pinned),
cut down by :func:`subset_math_font` to the characters the site's equations use: 24 KB instead of
403 KB. The page's Markdown conversion calls :func:`render_page_math` (``page_extension.PageMath``), so
Material's search plugin, which reads the converted page, indexes each equation as its MathML's text.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from .cache import Cache, digest, file_digest

SCRIPT = Path(__file__).with_name("katex_render.js")
MATH_FONT = Path(
    "node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2"
)

MATH_RE = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL
)
MATHML_RE = re.compile(r"<math\b.*?</math>", re.DOTALL)
INLINE = (r"\(", r"\)")
DISPLAY = (r"\[", r"\]")

# Chromium draws a one-letter <mi> in the Unicode mathematical italic letters (and bold ones for
# mathvariant="bold"); the subset needs those code points, not only the ASCII the MathML contains.
_ITALIC = {
    **{chr(ord("A") + i): chr(0x1D434 + i) for i in range(26)},
    **{chr(ord("a") + i): chr(0x1D44E + i) for i in range(26)},
    "h": "\u210e",
}
_BOLD = {
    **{chr(ord("A") + i): chr(0x1D400 + i) for i in range(26)},
    **{chr(ord("a") + i): chr(0x1D41A + i) for i in range(26)},
}
_GREEK_ITALIC = {chr(0x3B1 + i): chr(0x1D6FC + i) for i in range(25)}


class TexError(ValueError):
    """KaTeX refused an expression."""


class KatexRenderer:
    """A ``node`` process, started only when needed, that renders TeX; each rendering is kept in the
    build's :class:`rnnnotes.cache.Cache` (keyed by the TeX, KaTeX's version and the render script)."""

    def __init__(self, root: Path, cache: Cache | Path | None = None):
        self.root = Path(root)
        katex_dir = self.root / "node_modules" / "katex"
        if not (katex_dir / "package.json").is_file():
            raise RuntimeError(
                f"KaTeX is not installed in {katex_dir}: run `npm ci` (make does it for you)"
            )
        self.version = json.loads((katex_dir / "package.json").read_text())[
            "version"
        ]
        self.cache = (
            cache if isinstance(cache, Cache) or cache is None else Cache(cache)
        )
        self._salt = digest("katex", self.version, file_digest(SCRIPT))
        self._rendered: dict[
            tuple[str, bool], str
        ] = {}  # this process's renderings (with no cache too)
        self._proc: subprocess.Popen | None = None
        self.characters: set[str] = (
            set()
        )  # every character drawn by the math rendered so far

    def _start(self) -> subprocess.Popen:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError(
                "node is not on PATH; KaTeX needs Node.js to render math at build time"
            )
        proc = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        hello = json.loads(proc.stdout.readline())
        assert hello.get("ready"), hello
        return proc

    def _lookup(self, item: tuple[str, bool]) -> str | None:
        if item not in self._rendered and self.cache is not None:
            stored = self.cache.get(digest(self._salt, item[0], bool(item[1])))
            if stored is not None:
                self._rendered[item] = stored
        return self._rendered.get(item)

    def render(self, items: list[tuple[str, bool]]) -> list[str]:
        """Render ``(tex, display)`` pairs; raise :class:`TexError` naming the first bad one."""
        items = [(tex, bool(display)) for tex, display in items]
        missing = [
            item for item in dict.fromkeys(items) if self._lookup(item) is None
        ]
        if missing:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
            self._proc.stdin.write(json.dumps({"items": missing}) + "\n")
            self._proc.stdin.flush()
            answer = json.loads(self._proc.stdout.readline())
            if "error" in answer:
                tex = missing[answer["index"]][0]
                raise TexError(
                    f"KaTeX cannot render {tex!r}: {answer['error']}"
                )
            for item, markup in zip(missing, answer["html"], strict=True):
                self._rendered[item] = markup
                if self.cache is not None:
                    self.cache.put(digest(self._salt, item[0], item[1]), markup)
        rendered = [self._rendered[item] for item in items]
        for markup in rendered:
            self.characters |= drawn_characters(markup)
        return rendered

    def close(self) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
            self._proc = None

    def math_font(self) -> Path:
        font = self.root / MATH_FONT
        if not font.is_file():
            raise RuntimeError(
                f"the math font is not installed at {font}: run `npm ci` (make does it for you)"
            )
        return font


def drawn_characters(markup: str) -> set[str]:
    """The characters the browser draws for some MathML: its text, the italic or bold forms of letters,
    and the glyphs an element draws without writing them: the radical sign of ``<msqrt>`` and ``<mroot>``
    (U+221A, which MathML Core takes from the font, stretched with its MATH variants). The MATH table's
    size variants and stretchy parts of each character come with it (:func:`subset_math_font`)."""
    chars: set[str] = set()
    for math in MATHML_RE.findall(markup):
        math = re.sub(
            r"<annotation\b.*?</annotation>", "", math, flags=re.DOTALL
        )
        if re.search(r"<m(?:sqrt|root)\b", math):
            chars.add("\u221a")
        for element in re.finditer(r"<(m[a-z]+)([^>]*)>([^<]*)</\1>", math):
            text = html.unescape(element[3])
            chars |= set(text)
            if element[1] == "mi" and len(text) == 1:
                variant = re.search(r'mathvariant="([^"]+)"', element[2])
                table = {None: {**_ITALIC, **_GREEK_ITALIC}, "bold": _BOLD}.get(
                    variant and variant[1], {}
                )
                if text in table:
                    chars.add(table[text])
    return chars - {"\n", "\t"}


def subset_math_font(
    source: Path, characters: set[str], cache: Cache | None = None
) -> bytes:
    """``source`` cut down to ``characters`` (plus what its MATH table needs to stretch them), as woff2.

    Same inputs, same bytes: no timestamp is written. The result is cached by the font, the characters
    and fontTools' version.
    """
    text = "".join(sorted(characters | set(" 0123456789")))
    key = digest(
        "math-font", file_digest(source), text, metadata.version("fonttools")
    )
    if cache is not None:
        stored = cache.get_bytes(key)
        if stored is not None:
            return stored
    from fontTools import (
        subset,  # only when the font must be cut: importing it takes a tenth of a second
    )
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = [
        "*"
    ]  # keep the MATH table's size variants and stretchy parts
    options.notdef_outline = True
    font = TTFont(str(source), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer)
    data = buffer.getvalue()
    if cache is not None:
        cache.put_bytes(key, data)
    return data


def _split(body: str, tag: str) -> tuple[str, bool]:
    tex = html.unescape(body).strip()
    opening, closing = DISPLAY if tag == "div" else INLINE
    if not (tex.startswith(opening) and tex.endswith(closing)):
        raise TexError(f"unexpected arithmatex markup: {tex[:80]!r}")
    return tex[len(opening) : -len(closing)].strip(), tag == "div"


_WRAPPED_RE = re.compile(
    r'^<span class="katex">(<math[^>]*>)<semantics>(?:<mrow>(.*)</mrow>|(.*))'
    r'<annotation encoding="application/x-tex">.*?</annotation></semantics></math></span>$',
    re.DOTALL,
)


def compact_mathml(markup: str) -> str:
    """KaTeX's MathML without what the browser never draws: the wrapping span, ``<semantics>`` with its
    TeX ``<annotation>``, and the outer ``<mrow>`` (``<math>`` is a row itself). A long chapter has a
    couple of hundred equations; these are three or four elements each that every style pass, and every
    accessibility checker, would otherwise walk.
    Unary signs and primes are then set as TeX sets them (:func:`mark_unary_signs`, :func:`base_level_primes`)."""
    match = _WRAPPED_RE.match(markup)
    if match is None:
        return markup
    row, bare = match[2], match[3]
    if row is None:
        body = bare
    else:
        body = row if _balanced_row(row) else f"<mrow>{row}</mrow>"
    opening = match[1].replace(
        ' xmlns="http://www.w3.org/1998/Math/MathML"', ""
    )  # HTML needs no namespace
    return f"{opening}{base_level_primes(mark_unary_signs(norm_delimiters(body)))}</math>"


# KaTeX's MathML for the bars of a norm: \lVert \rVert (<mo stretchy="false">), \left\| \right\|
# (<mo fence="true">) and \| or \Vert (<mi mathvariant="normal">), all U+2225 PARALLEL TO.
_NORM_RE = re.compile(
    r'<mo stretchy="false">∥</mo>|<mo fence="true">∥</mo>|<mi mathvariant="normal">∥</mi>'
)


def norm_delimiters(mathml: str) -> str:
    r"""KaTeX writes a norm's bars as U+2225 PARALLEL TO, which MathML's operator dictionary spaces as a
    relation (``‖ W_h ‖``), while its HTML sets them as an opening and a closing delimiter with no space.
    They become U+2016 DOUBLE VERTICAL LINE, the norm delimiter, with no space either side; a
    ``\left\|`` keeps its stretch."""

    def bar(match: re.Match) -> str:
        stretchy = "" if "fence" in match[0] else ' stretchy="false"'
        return f'<mo fence="true"{stretchy} lspace="0em" rspace="0em">‖</mo>'

    return _NORM_RE.sub(bar, mathml)


# A sign right after an operator that is not a closing fence, or first in its row: TeX makes it unary.
_UNARY_RE = re.compile(
    r"(<mo\b[^>]*>(?:[^<)\]}|‖⟩′!]|&[a-z]+;)</mo>|<(?:mrow|mtd|mstyle[^>]*)>)<mo>([−+±∓])</mo>"
)


def mark_unary_signs(mathml: str) -> str:
    """KaTeX writes ``b = -6`` as a flat row, ``<mo>=</mo><mo>−</mo><mn>6</mn>``. MathML gives an ``<mo>``
    in the middle of a row the spacing of an infix operator, so the minus stood apart from its 6 like a
    subtraction; TeX treats a binary sign after a relation, an opening fence, punctuation or another
    operator (or at the start) as unary. Such a sign gets ``form="prefix"``, which sets it close."""
    return _UNARY_RE.sub(r'\1<mo form="prefix">\2</mo>', mathml)


_PRIME_RE = re.compile(
    r'<mo mathvariant="normal" lspace="0em" rspace="0em">[′″‴]+</mo></(msup|msubsup)>'
)
_TAG_RE = re.compile(r"<(/?)([a-z]+)\b[^>]*?(/?)>")


def _elements(markup: str) -> list[str]:
    """The top-level elements of a MathML fragment."""
    parts, depth, start = [], 0, 0
    for tag in _TAG_RE.finditer(markup):
        if tag[3]:  # <mspace/>
            if depth == 0:
                parts.append(tag[0])
            continue
        if not tag[1]:
            if depth == 0:
                start = tag.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                parts.append(markup[start : tag.end()])
    return parts


def base_level_primes(mathml: str) -> str:
    """TeX's ``f'`` is ``f^{\\prime}``, and KaTeX writes the prime as a superscript. A TeX font draws that
    prime large, to be shrunk and raised as a script; STIX Two Math draws U+2032 already small and raised,
    for the baseline, so as a script it came out tiny and floating above ``tanh``. The prime moves to the
    baseline, after its base (and before a subscript: ``z'_t`` is ``z′`` with subscript t)."""
    while (match := _PRIME_RE.search(mathml)) is not None:
        name, close = match[1], match.end()
        depth, open_at = 0, None
        for tag in reversed(list(_TAG_RE.finditer(mathml, 0, match.start()))):
            if tag[2] == name and not tag[3]:
                depth += 1 if tag[1] else -1
                if depth < 0:
                    open_at = tag
                    break
        prime = match[0][: -len(f"</{name}>")]
        children = _elements(mathml[open_at.end() : match.start()])
        if name == "msup":
            replaced = f"<mrow>{children[0]}{prime}</mrow>"
        else:
            replaced = (
                f"<msub><mrow>{children[0]}{prime}</mrow>{children[1]}</msub>"
            )
        mathml = mathml[: open_at.start()] + replaced + mathml[close:]
    return mathml


def _balanced_row(body: str) -> bool:
    """True if ``<mrow>body</mrow>`` is one row, not ``<mrow>a</mrow>...<mrow>b</mrow>`` cut at the ends."""
    depth = 0
    for tag in re.finditer(r"<(/?)mrow\b", body):
        depth += -1 if tag[1] else 1
        if depth < 0:
            return False
    return depth == 0


# Punctuation that must not start a line (closing marks, stops, commas, colons), Chinese full-width forms.
_NO_START = "，。、；：！？）》」』】〉”’…"
_MATH_PUNCTUATION_RE = re.compile(
    rf'<span class="arithmatex"><math\b(?:(?!</math>).)*</math></span>[{_NO_START}]+',
    re.DOTALL,
)


def render_page_math(page_html: str, renderer: KatexRenderer) -> str:
    """Replace every arithmatex element's TeX by MathML."""
    matches = list(MATH_RE.finditer(page_html))
    if not matches:
        return page_html
    items = [_split(m["body"], m["tag"]) for m in matches]
    rendered = iter(renderer.render(items))
    # A display equation may scroll sideways on a phone; keyboard users must be able to scroll it too.
    opening = {
        "div": '<div class="arithmatex" tabindex="0">',
        "span": '<span class="arithmatex">',
    }

    def replace(match: re.Match) -> str:
        mathml = compact_mathml(next(rendered))
        renderer.characters |= drawn_characters(
            mathml
        )  # what the page draws, after compacting
        return f"{opening[match['tag']]}{mathml}</{match['tag']}>"

    page_html = MATH_RE.sub(replace, page_html)
    # Inline math and the Chinese punctuation right after it stay on one line: Chromium breaks a line
    # between a <math> and a "，" that follows it, which then starts the next line.
    return _MATH_PUNCTUATION_RE.sub(
        r'<span class="rn-nobreak">\g<0></span>', page_html
    )
