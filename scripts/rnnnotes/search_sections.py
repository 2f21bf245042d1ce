"""Search finds the section a reader names: what Material's own options cannot do.

Material's search runs lunr in a web worker over ``search_index.json``: one entry per section (the page's
first entry is the page itself), each with a title, a text and the page's ``tags``. Material's options do
most of the work: jieba keeps each Chinese tag one word (``jieba_dict_user``, search_words.txt), code
blocks, outputs and tables stay out of the index (``data-search-exclude``, page_extension), and equations
are indexed as text because the page's Markdown conversion renders them to MathML. Two things no option
reaches, so this module adjusts each language's index after the build:

* Material copies a page's ``tags`` onto every entry of the page, and a tag weighs a million times a word
  of text, so every section scored alike and the page itself won by Material's bonus for a page over its
  sections. :func:`tags_to_sections` leaves each tag on the first section whose heading holds it (on the
  page's entry when none does), so that section scores highest and is shown first.
* Material's worker (``search.*.min.js``, its function that splits a Chinese query) cuts the query at
  the longest word of the index that begins it, never trying the whole query: 遗忘门 became the query
  遗忘 as soon as 遗忘 stood alone somewhere in the index, whatever jieba's dictionary says. So, in the
  Chinese index, a word that begins one of the tags (遗忘, 更新, 细胞, 重置, ...) is never a token of its
  own: :func:`keep_terms_whole` joins it to the word after it (before it at the end of a phrase).
  Searching for that word still finds it, as the start of the joined token.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACE = "\u200b"  # what Material joins jieba's words with
PHRASE_RE = re.compile(f"[{HAN}]+(?:{SPACE}[{HAN}]+)*")
HAS_HAN_RE = re.compile(f"[{HAN}]")


def chinese_terms(tags: list[str]) -> list[str]:
    """The tags written in Chinese characters, longest first, without repeats."""
    return sorted(
        {tag for tag in tags if HAS_HAN_RE.search(tag)},
        key=lambda tag: (-len(tag), tag),
    )


def keep_terms_whole(text: str, terms: list[str]) -> str:
    """``text`` (words joined by U+200B) with every word that begins one of ``terms`` joined to a neighbour."""
    beginnings = {term[:end] for term in terms for end in range(1, len(term))}
    if not beginnings:
        return text

    def join(match: re.Match) -> str:
        words = []
        for word in match[0].split(SPACE):
            if words and words[-1] in beginnings:
                words[-1] += word
            else:
                words.append(word)
        if len(words) > 1 and words[-1] in beginnings:
            words[-2:] = [words[-2] + words[-1]]
        return SPACE.join(words)

    return PHRASE_RE.sub(join, text)


def _holds(title: str, tag: str) -> bool:
    title = title.replace(SPACE, "").lower()
    if HAS_HAN_RE.search(tag):
        return tag.lower() in title
    return set(re.findall(r"\w+", tag.lower())) <= set(
        re.findall(r"\w+", title)
    )


def tags_to_sections(docs: list[dict]) -> None:
    """Move each page's tags from all its entries to the first section whose heading holds the tag (a
    Chinese tag as written, an English one word for word), or to the page's own entry if none does."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    for entries in pages.values():
        tags = next((doc["tags"] for doc in entries if doc.get("tags")), None)
        if not tags:
            continue
        for doc in entries:
            doc.pop("tags", None)
        page = next(
            (doc for doc in entries if "#" not in doc["location"]), entries[0]
        )
        sections = [doc for doc in entries if doc is not page]
        for tag in tags:
            holder = next(
                (doc for doc in sections if _holds(doc["title"], tag)), page
            )
            holder.setdefault("tags", []).append(tag)


def tune_index(index_path: Path, terms: list[str]) -> None:
    """Apply all of the above to one language's ``search_index.json`` (``terms``: its Chinese tags)."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = keep_terms_whole(doc["title"], terms)
        doc["text"] = keep_terms_whole(doc["text"], terms)
    tags_to_sections(index["docs"])
    index_path.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
