"""The two languages of a page must say the same thing in the same structure.

Every page is ``name.zh.md`` beside ``name.en.md``. :func:`compare_models` takes both from the page model
(:mod:`rnnnotes.page_model`) and checks, block by block, that they have the same heading anchors (every
heading carries an explicit ``{ #anchor }``), the same fence origins (snippet file and section, in order),
the same figures and animations, the same links within the site, the same number of display and inline
equations, the same ids on raw HTML elements (a widget's container), the same ``widgets`` in the front
matter (the scripts the page loads) and as many ``tags`` (the page's search keywords, translated). Prose
is free, except that a Chinese paragraph is written on one line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .page_model import Heading, Page, PageError, Prose, parse_file

LANGUAGES = ("zh", "en")
SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
# A line break inside a Chinese paragraph renders as a stray space between two characters.
CJK_SOFT_BREAK_RE = re.compile(
    r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][ \t]*\n[ \t]*(?=[^\s#|!>*+\-\d]|\*\*)"
)


def structure(page: Page) -> dict:
    """What must be equal in the two languages of a page (lists are in page order; links are sorted,
    since sentences may move)."""
    return {
        "anchors": [
            heading.anchor for heading in page.headings if heading.anchor
        ],
        "includes": [str(origin) for origin in page.includes],
        "figures": [figure.module for figure in page.figures],
        "links": sorted(page.links),
        "display_math": page.display_math,
        "inline_math": page.inline_math,
        "html_ids": page.html_ids,
        "widgets": page.widgets,
        "tags": len(page.tags),
    }


def unanchored(page: Page) -> list[Heading]:
    return [heading for heading in page.headings if not heading.anchor]


def broken_chinese_paragraphs(page: Page) -> list[str]:
    problems = []
    texts = [
        (block.line, block.text)
        for block in page.blocks
        if isinstance(block, Prose)
    ]
    for first, text in texts:
        for match in CJK_SOFT_BREAK_RE.finditer(text):
            line = first + text[: match.start()].count("\n")
            problems.append(
                f"{page.name}:{line}: line break inside a Chinese paragraph after "
                f"{text[max(0, match.start() - 12) : match.start() + 1]!r} (write the paragraph on one line)"
            )
    return problems


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


def parse_docs(
    docs_dir: Path, snippets_dir: Path = SNIPPETS
) -> dict[str, Page]:
    """The model of every page, keyed by its path inside docs/ (``gru.en.md``). Raises one PageError
    that lists every page the model refuses."""
    docs_dir, models, errors = Path(docs_dir), {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            models[path.relative_to(docs_dir).as_posix()] = parse_file(
                path, snippets_dir=snippets_dir, docs_dir=docs_dir
            )
        except PageError as error:
            errors.append(str(error))
    if errors:
        raise PageError("\n".join(errors))
    return models


def compare_models(docs_dir: Path, models: dict[str, Page]) -> list[str]:
    """Every problem found, each naming the file(s) involved. Empty means every pair matches."""
    pairs, strays = page_pairs(docs_dir)
    problems = [
        f"docs/{s}: not named <page>.zh.md or <page>.en.md" for s in strays
    ]
    for name, files in sorted(pairs.items()):
        missing = [lang for lang in LANGUAGES if lang not in files]
        if missing:
            present = ", ".join(f"docs/{name}.{lang}.md" for lang in files)
            problems.append(
                f"{present}: no translation docs/{name}.{missing[0]}.md"
            )
            continue
        zh, en = (models[f"{name}.{lang}.md"] for lang in LANGUAGES)
        problems += broken_chinese_paragraphs(zh)
        for page in (zh, en):
            for heading in unanchored(page):
                problems.append(
                    f"{page.name}:{heading.line}: heading {heading.text.strip()!r} has no {{ #anchor }}"
                )
        label = f"docs/{name}.zh.md vs docs/{name}.en.md"
        zh_structure, en_structure = structure(zh), structure(en)
        for field, value in zh_structure.items():
            if value != en_structure[field]:
                problems.append(
                    f"{label}: {field} differ: {value} != {en_structure[field]}"
                )
    return problems
