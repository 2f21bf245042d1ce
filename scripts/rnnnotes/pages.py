"""The two languages of a page must say the same thing in the same structure.

Every page is ``name.zh.md`` beside ``name.en.md``. :func:`compare_pages` checks each pair has the same
heading anchors (every heading carries an explicit ``{ #anchor }``), the same snippet includes, the same
figures, the same links within the site, the same number of display and inline equations, the same ids on
raw HTML elements, the same ``widgets`` in the front matter (the scripts the page loads) and as many
``tags`` (the page's search keywords, translated). Prose is free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("zh", "en")

FENCE_RE = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
ANCHOR_RE = re.compile(r"\{\s*#([-\w]+)[^}]*\}\s*$")
INCLUDE_RE = re.compile(r"--8<--\s+\"([^\"]+)\"")
FIGURE_RE = re.compile(r"!\[[^\]]*\]\((?:\.\./)*(figures/[^)\s]+)\)")
DISPLAY_MATH_RE = re.compile(r"^\s*\$\$.*?\$\$", re.MULTILINE | re.DOTALL)
INLINE_MATH_RE = re.compile(r"(?<![\\$])\$(?!\$)(?:\\.|[^$\n\\])+?\$")
HTML_ID_RE = re.compile(r"<[a-zA-Z][^>]*?\sid=\"([^\"]+)\"")
WIDGETS_RE = re.compile(r"^widgets:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
TAGS_RE = re.compile(r"^tags:[ \t]*\[(.*?)\][ \t]*$", re.MULTILINE)
CODE_SPAN_RE = re.compile(r"`[^`\n]*`")
LINK_RE = re.compile(r"\]\(((?!https?:|figures/)[^)\s]+)\)")
# A line break inside a Chinese paragraph renders as a stray space between two characters.
CJK_SOFT_BREAK_RE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][ \t]*\n[ \t]*(?=[^\s#|!>*+\-\d]|\*\*)")


@dataclass
class PageStructure:
    anchors: list[str]
    unanchored: list[str]
    includes: list[str]
    figures: list[str]
    links: list[str]  # links to pages and anchors of this site, sorted (sentences may move)
    display_math: int
    inline_math: int
    html_ids: list[str]  # ids of raw HTML elements (a widget's container, say)
    widgets: str  # the front matter's ``widgets:`` value, which names the scripts the page loads
    tags: int  # how many search keywords the front matter's ``tags: [a, b]`` gives (they are translated)


def structure(text: str) -> PageStructure:
    front = FRONT_MATTER_RE.match(text)
    widgets = WIDGETS_RE.search(front.group(0)) if front else None
    tags = TAGS_RE.search(front.group(0)) if front else None
    text = FRONT_MATTER_RE.sub("", text)
    includes = INCLUDE_RE.findall(text)
    prose = FENCE_RE.sub("", text)
    headings = HEADING_RE.findall(prose)
    anchors, unanchored = [], []
    for _, title in headings:
        match = ANCHOR_RE.search(title)
        (anchors.append(match.group(1)) if match else unanchored.append(title))
    display = DISPLAY_MATH_RE.findall(prose)
    rest = CODE_SPAN_RE.sub("", DISPLAY_MATH_RE.sub("", prose))
    return PageStructure(
        anchors=anchors,
        unanchored=unanchored,
        includes=includes,
        figures=FIGURE_RE.findall(prose),
        links=sorted(LINK_RE.findall(prose)),
        display_math=len(display),
        inline_math=len(INLINE_MATH_RE.findall(rest)),
        html_ids=HTML_ID_RE.findall(prose),
        widgets=widgets.group(1) if widgets else "",
        tags=len([tag for tag in tags.group(1).split(",") if tag.strip()]) if tags else 0,
    )


def page_pairs(docs_dir: Path) -> tuple[dict[str, dict[str, Path]], list[str]]:
    """Group ``name.<lang>.md`` files by name; list the files that fit no language."""
    pairs: dict[str, dict[str, Path]] = {}
    strays = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        match = re.fullmatch(r"(.+)\.(\w+)\.md", relative)
        if not match or match.group(2) not in LANGUAGES:
            strays.append(relative)
            continue
        pairs.setdefault(match.group(1), {})[match.group(2)] = path
    return pairs, strays


def compare_pages(docs_dir: Path) -> list[str]:
    """Every problem found, each naming the file(s) involved. Empty means every pair matches."""
    docs_dir = Path(docs_dir)
    pairs, strays = page_pairs(docs_dir)
    problems = [f"docs/{s}: not named <page>.zh.md or <page>.en.md" for s in strays]
    for name, files in sorted(pairs.items()):
        missing = [lang for lang in LANGUAGES if lang not in files]
        if missing:
            present = ", ".join(f"docs/{name}.{lang}.md" for lang in files)
            problems.append(f"{present}: no translation docs/{name}.{missing[0]}.md")
            continue
        zh, en = (structure(files[lang].read_text(encoding="utf-8")) for lang in LANGUAGES)
        label = f"docs/{name}.zh.md vs docs/{name}.en.md"
        zh_prose = FENCE_RE.sub("", FRONT_MATTER_RE.sub("", files["zh"].read_text(encoding="utf-8")))
        for match in CJK_SOFT_BREAK_RE.finditer(zh_prose):
            line = zh_prose[: match.start()].count("\n") + 1
            problems.append(f"docs/{name}.zh.md: line break inside a Chinese paragraph after {zh_prose[max(0, match.start() - 12):match.start() + 1]!r} (write the paragraph on one line)")
        for lang, page in zip(LANGUAGES, (zh, en)):
            for title in page.unanchored:
                problems.append(f"docs/{name}.{lang}.md: heading {title!r} has no {{ #anchor }}")
        for field in ("anchors", "includes", "figures", "links", "display_math", "inline_math", "html_ids", "widgets", "tags"):
            if getattr(zh, field) != getattr(en, field):
                problems.append(f"{label}: {field} differ: {getattr(zh, field)} != {getattr(en, field)}")
    return problems
