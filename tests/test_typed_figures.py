"""No result typed by hand: every figure in a page's prose is either printed by the build or allowed
here, with its reason, as not measured.

A measured figure (an accuracy, a ratio, "N times", an epoch count, "one in sixteen", "more than a
quarter", 至少三倍) must come from the run: a fence with ``output="markdown"`` prints the sentence that
holds it, in the page's language (snippets/common/labels.py), so it never appears in the page's own
Markdown. What is left in the prose is found here, in both languages, on every page: digits outside
code and outside equations that are more than a bare number, and number words that measure
(twice, a quarter, three times, 三倍, 十六首中有一首, 几轮). Years, versions and the source lines a
page cites are let through by their form (cited lines are checked against the installed source by the
chapters' own tests); every other figure must be listed in ALLOWED for its page, as the phrase that
holds it and why it is not a measurement (tests/typed_figures_allowed.py): a definition, a size or
setting the author chose, an input the text walks through, a fact from a source, or a bound that a named
test asserts against the run. An entry that no longer matches anything fails too, so the list stays
exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from conftest import DOCS, SNIPPETS
from rnnnotes.page_model import Figure, Heading, Prose, parse_file
from rnnnotes.pages import page_pairs

PAIRS, _ = page_pairs(DOCS)
FILES = sorted(
    f"{name}.{lang}.md" for name, files in PAIRS.items() for lang in files
)

NUMBER_WORDS_EN = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|a few|several|a handful of|a dozen"
)
ZH_NUMERAL = "一二两三四五六七八九十百千万几半"
FIGURE_PATTERNS = [
    re.compile(r"(?<![\w.$\\])\d+(?:[.,]\d+)*(?:\s?%)?"),  # digits
    re.compile(
        r"\b(?:twice|thrice|halved|half (?:of|as|the)|(?:a|one) half|quarters? of|a quarter|"
        r"thirds? of|one third|two thirds|dozens? of|a dozen|few dozen|percent|handful|"
        r"(?:a|one) (?:tenth|hundredth|thousandth))\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:{NUMBER_WORDS_EN})[- ](?:times|fold|epochs?|orders? of magnitude|percentage points?|points?)\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:{NUMBER_WORDS_EN}) in (?:{NUMBER_WORDS_EN}|every \w+)\b", re.I
    ),
    re.compile(rf"[{ZH_NUMERAL}]+倍"),
    re.compile(rf"[{ZH_NUMERAL}]+分之[{ZH_NUMERAL}]+|百分之"),
    re.compile(rf"[{ZH_NUMERAL}]+(?:轮|个数量级|个百分点|成)(?![员为功])"),
    re.compile(rf"[{ZH_NUMERAL}]+[首条个次步]中(?:有|就有)?[{ZH_NUMERAL}]+"),
    re.compile(r"(?<![向后前每那的])一半|大半|几十|十几|数十|几百|上百|上千"),
]
# Figures whose form says they are not measurements.
SOURCE_RE = re.compile(
    r"Keras 2 (?:→|to) 3"  # the migration's name
    r"|\blines? \d+(?:[–-]\d+)?(?:(?:, | and | or )\d+(?:[–-]\d+)?)*"  # lines 870–881, line 675
    r"|第 \d+(?:[–-]\d+)? 行(?:(?:和|、|及)第 \d+(?:[–-]\d+)? 行)*"  # 第 870–881 行
    r"|\b(?:Keras|TensorFlow|Python|NumPy|Matplotlib|MkDocs|Material|KaTeX|Node\.js|jieba|Zensical|ProperDocs|"
    r"chinese-poetry|mkdocs-static-i18n|pymdown-extensions|tensorflow-cpu)\s?v?\d+(?:\.\d+)*"  # versions
    r"|\b\d+\.\d+\.\d+\b"  # a version on its own
    r"|(?<![\d.])(?:19|20)\d\d(?![\d.])"  # years
    r"|\b\d+\(\d+\)"  # a journal's volume(issue)
    r"|arXiv:\d+\.\d+"
    r"|(?<![\w.])[-−]?[01](?![\w.,]\d|\d)"  # 0, 1, −1: the bounds of a gate, "close to 1"
    r"|\b[A-Za-z]\w*\s?=\s?[-−]?\d+(?:\.\d+)?"  # x = 16: a value given, not found
    r"|⟨math⟩\s?=\s?[-−]?\d+(?:\.\d+)?"
)


@dataclass(frozen=True)
class Found:
    file: str
    line: int
    figure: str
    context: str

    def __str__(self):
        return (
            f"docs/{self.file}:{self.line}: {self.figure!r} in …{self.context}…"
        )


def _measuring_math(tex: str) -> bool:
    """An equation that states a result: a bare number ($500$, $10^{-3}$) or an approximation."""
    bare = re.fullmatch(
        r"\s*[-+]?\s*\d[\d.,{}\\ ]*(?:\^\{?-?\d+\}?)?\s*(?:\\times\s*10\^\{?-?\d+\}?)?\s*",
        tex,
    )
    return bool(bare) or r"\approx" in tex


def prose_text(text: str) -> str:
    """A block's words as a reader reads them: code, link targets, HTML, anchors and attribute lists
    out; an equation kept (as ⟨math⟩) only when it states a result."""
    text = re.sub(r"(?m)^\s*(?:\d+\.|[-*])\s", " ", text)  # list markers
    text = re.sub(r"(`+)(?:(?!\1).)+?\1", " ", text, flags=re.S)
    text = re.sub(
        r"[A-Za-z\u0300-\u036f]+_(?:\{[^}]*\}|\w+)", "x", text
    )  # h_{t-1}, b_z in alt text
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[:#.][^}]*\}|\{ *#[^}]*\}", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(
        r"(?<![\\$])\$((?:\\.|[^$\\])+?)\$",
        lambda m: (
            f" ⟨{m[1].strip()}⟩ " if _measuring_math(m[1]) else " ⟨math⟩ "
        ),
        text,
    )
    return re.sub(r"\s+", " ", text)


def blocks(file: str):
    """(line, text) of every piece of prose on the page: paragraphs, lists, tables, admonitions, headings,
    the alt text of figures, the page's description."""
    model = parse_file(DOCS / file, snippets_dir=SNIPPETS, docs_dir=DOCS)
    if model.front.get("description"):
        yield 1, prose_text(model.front["description"])
    for block in model.blocks:
        if isinstance(block, Prose):
            yield block.line, prose_text(block.text)
        elif isinstance(block, Heading):
            yield block.line, prose_text(block.text)
        elif isinstance(block, Figure):
            yield block.line, prose_text(block.alt)


def typed_figures(file: str) -> list[tuple[Found, str]]:
    """Every figure in the page's prose that its form does not explain, with its block's text."""
    found = []
    for line, text in blocks(file):
        spared = [m.span() for m in SOURCE_RE.finditer(text)]
        for pattern in FIGURE_PATTERNS:
            for match in pattern.finditer(text):
                if any(
                    a <= match.start() and match.end() <= b for a, b in spared
                ):
                    continue
                context = text[
                    max(0, match.start() - 40) : match.end() + 40
                ].strip()
                found.append((Found(file, line, match.group(0), context), text))
    return found


def unexplained(file: str) -> tuple[list[Found], list[str]]:
    """The figures ALLOWED does not cover, and the entries of ALLOWED that cover nothing."""
    entries = ALLOWED.get(file, {})
    used = set()
    left = []
    for found, text in typed_figures(file):
        covering = [
            phrase
            for phrase in entries
            if phrase in text
            and any(found.figure in phrase for _ in [0])
            and _covers(text, phrase, found)
        ]
        if covering:
            used.update(covering)
        else:
            left.append(found)
    return left, [phrase for phrase in entries if phrase not in used]


def _covers(text: str, phrase: str, found: Found) -> bool:
    return any(
        found.context.find(found.figure) >= 0
        and found.figure in text[m.start() : m.end()]
        for m in re.finditer(re.escape(phrase), text)
    )


from typed_figures_allowed import ALLOWED  # noqa: E402  (page -> {phrase: why it is not typed by hand})


def test_every_checked_figure_is_asserted_by_the_test_it_names():
    """An entry "checked by tests/test_x.py" is a bound the prose states about the run: that test must
    exist and assert each of the phrase's numbers."""
    for file, entries in ALLOWED.items():
        for phrase, why in entries.items():
            if why.startswith("checked by "):
                test = SNIPPETS.parent / why.split()[2]
                assert test.is_file(), f"{file}: {why}"
                source = test.read_text(encoding="utf-8")
                for number in re.findall(r"\d+\.\d+", phrase):
                    assert number in source, (
                        f"{file}: {phrase!r}: {number} is not in {why.split()[2]}"
                    )


@pytest.mark.parametrize("file", FILES)
def test_no_figure_is_typed_by_hand(file):
    left, stale = unexplained(file)
    message = []
    if left:
        message.append(
            "figures typed into the prose: print them from the run, or allow them in "
            "ALLOWED with the reason they are not measured:\n"
            + "\n".join(map(str, left))
        )
    if stale:
        message.append(
            "ALLOWED entries that match nothing: " + ", ".join(map(repr, stale))
        )
    assert not message, "\n".join(message)
