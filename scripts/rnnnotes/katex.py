"""Server-side math: TeX in built pages becomes KaTeX HTML, so readers get no math JavaScript.

pymdownx.arithmatex (``generic: true``) leaves ``<span class="arithmatex">\\(...\\)</span>`` and
``<div class="arithmatex">\\[...\\]</div>`` in the page. :func:`render_page_math` replaces their TeX with
KaTeX's HTML+MathML, rendered by the KaTeX that ``npm ci`` pinned in ``node_modules``. The search
index is built before this runs, so it keeps the plain TeX.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("katex_render.js")

MATH_RE = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL)
INLINE = (r"\(", r"\)")
DISPLAY = (r"\[", r"\]")


class TexError(ValueError):
    """KaTeX refused an expression."""


class KatexRenderer:
    """A long-lived ``node`` process that renders TeX, with a per-expression cache."""

    def __init__(self, root: Path):
        self.root = Path(root)
        katex_dir = self.root / "node_modules" / "katex"
        if not (katex_dir / "package.json").is_file():
            raise RuntimeError(
                f"KaTeX is not installed in {katex_dir}: run `npm ci` (make does it for you)"
            )
        self.version = json.loads((katex_dir / "package.json").read_text())["version"]
        self.dist = katex_dir / "dist"
        self._cache: dict[tuple[str, bool], str] = {}
        self._proc: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not on PATH; KaTeX needs Node.js to render math at build time")
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

    def render(self, items: list[tuple[str, bool]]) -> list[str]:
        """Render ``(tex, display)`` pairs; raise :class:`TexError` naming the first bad one."""
        missing = [item for item in dict.fromkeys(items) if item not in self._cache]
        if missing:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
            self._proc.stdin.write(json.dumps({"items": missing}) + "\n")
            self._proc.stdin.flush()
            answer = json.loads(self._proc.stdout.readline())
            if "error" in answer:
                tex = missing[answer["index"]][0]
                raise TexError(f"KaTeX cannot render {tex!r}: {answer['error']}")
            self._cache.update(zip(missing, answer["html"]))
        return [self._cache[item] for item in items]

    def close(self) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)
            self._proc = None

    def stylesheet(self) -> str:
        """KaTeX's CSS with only the woff2 fonts (every browser we serve reads woff2)."""
        css = (self.dist / "katex.min.css").read_text(encoding="utf-8")
        return re.sub(
            r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css
        )

    def fonts(self) -> list[Path]:
        return sorted((self.dist / "fonts").glob("*.woff2"))

    def fingerprint(self) -> str:
        return hashlib.sha256(self.stylesheet().encode()).hexdigest()[:10]


def _split(body: str, tag: str) -> tuple[str, bool]:
    tex = html.unescape(body).strip()
    opening, closing = DISPLAY if tag == "div" else INLINE
    if not (tex.startswith(opening) and tex.endswith(closing)):
        raise TexError(f"unexpected arithmatex markup: {tex[:80]!r}")
    return tex[len(opening) : -len(closing)].strip(), tag == "div"


def render_page_math(page_html: str, renderer: KatexRenderer) -> str:
    """Replace every arithmatex element's TeX by KaTeX markup."""
    matches = list(MATH_RE.finditer(page_html))
    if not matches:
        return page_html
    items = [_split(m["body"], m["tag"]) for m in matches]
    rendered = iter(renderer.render(items))
    # A display equation may scroll sideways on a phone; keyboard users must be able to scroll it too.
    opening = {"div": '<div class="arithmatex" tabindex="0">', "span": '<span class="arithmatex">'}
    return MATH_RE.sub(lambda m: f'{opening[m["tag"]]}{next(rendered)}</{m["tag"]}>', page_html)
