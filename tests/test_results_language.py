"""Results in the reader's language, read off the built pages: what a snippet printed as page content
(a fence with output="markdown": its tables and the sentences around them) has no English header, row
label or caption on a Chinese page, code and symbols aside, and the two languages show the same
numbers, since both come from one run (snippets/common/labels.py)."""

from __future__ import annotations

import html
import re

import pytest

from conftest import DOCS
from rnnnotes.pages import LANGUAGES, page_pairs

PAIRS, _ = page_pairs(DOCS)
LABEL_CASES = sorted(PAIRS)
# Names that stay as they are in Chinese prose too: libraries, layers, units and acronyms.
NAMES = {
    "Keras",
    "NumPy",
    "TensorFlow",
    "LSTM",
    "GRU",
    "RNN",
    "SimpleRNN",
    "Dense",
    "Embedding",
    "Bidirectional",
    "Adam",
    "SGD",
    "cuDNN",
    "CPU",
    "GPU",
    "BPTT",
    "KB",
    "MB",
    "float32",
    "dropout",
    "softmax",
    "sigmoid",
    "tanh",
    "START",
    "McNemar",
    "Kneser",
    "Ney",
}
OUTPUT_RE = re.compile(
    r'<div class="exec-output exec-output--markdown">(.*?)</div>\s*</div>', re.S
)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*(?:e[-+]?\d+)?")


def page_html(site, name, lang):
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    path = "" if name == "index" else f"{name}/"
    return (site / f"{prefix}{path}index.html").read_text(encoding="utf-8")


def markdown_outputs(page: str) -> list[str]:
    """The HTML of every fence output printed as Markdown, in page order."""
    return OUTPUT_RE.findall(page)


def prose_of(fragment: str) -> str:
    """The words of an HTML fragment with code, math and tags taken out."""
    fragment = re.sub(
        r"<code>.*?</code>|<math.*?</math>", " ", fragment, flags=re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def labels_of(output: str) -> list[str]:
    """The words a reader reads as labels: every header cell, every row's first cell, and the
    sentences outside the tables."""
    found = re.findall(r"<th[^>]*>(.*?)</th>", output, re.S)
    found += re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>", output, re.S)
    found.append(re.sub(r"<table.*?</table>", " ", output, flags=re.S))
    return [prose_of(cell) for cell in found]


def english_words(text: str) -> list[str]:
    return [
        word
        for word in re.findall(r"[A-Za-z][A-Za-z-]+", text)
        if word not in NAMES
    ]


def numbers(fragment: str) -> list[str]:
    text = html.unescape(
        re.sub(
            r"<[^>]+>",
            " ",
            re.sub(
                r"<annotation[^>]*>.*?</annotation>", "", fragment, flags=re.S
            ),
        )
    )
    return sorted(NUMBER_RE.findall(text))


def test_pages_have_results_printed_as_markdown(built_site):
    assert (
        sum(
            len(markdown_outputs(page_html(built_site, name, "zh")))
            for name in PAIRS
        )
        > 10
    )


@pytest.mark.parametrize("name", LABEL_CASES)
def test_no_english_label_on_a_chinese_page(built_site, name):
    found = []
    for number, output in enumerate(
        markdown_outputs(page_html(built_site, name, "zh")), 1
    ):
        for text in labels_of(output):
            words = english_words(text)
            if words:
                found.append(
                    f"output {number}: {' '.join(words)!r} in {' '.join(text.split())[:80]!r}"
                )
    assert not found, (
        f"{name}: English labels on the Chinese page:\n" + "\n".join(found)
    )


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_both_languages_show_the_same_numbers(built_site, name):
    zh, en = (
        markdown_outputs(page_html(built_site, name, lang))
        for lang in LANGUAGES
    )
    assert len(zh) == len(en)
    for number, (a, b) in enumerate(zip(zh, en, strict=True), 1):
        assert numbers(a) == numbers(b), (
            f"{name}: output {number} shows other numbers in zh and en"
        )


def test_the_check_finds_an_english_header():
    output = (
        "<table><thead><tr><th>model</th><th><code>LSTM</code></th></tr></thead><tbody>"
        "<tr><td>不裁剪</td><td>0.5</td></tr></tbody></table>"
    )
    assert [english_words(t) for t in labels_of(output)] == [
        ["model"],
        [],
        [],
        [],
    ]
