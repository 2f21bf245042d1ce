"""Search finds the section a reader names, and shows it as prose.

Material's search runs lunr in a web worker over ``search_index.json``: one entry per section (the page's
first entry is the page itself), each with a title, a text and the page's ``tags``. Three things made a
search for 遗忘门 open on the LSTM page's introduction, with the 遗忘门 section folded under "12 more on
this page" and only 遗忘 marked:

* Material copies a page's ``tags`` onto every entry of the page, and a tag weighs a million times a word
  of text, so every section scored alike and the page itself won by Material's bonus for a page over its
  sections. :func:`tags_to_sections` leaves each tag on the first section whose heading holds it (on the
  page's entry when none does), so that section scores highest and is shown first.
* jieba cut 遗忘门 into 遗忘 and 门. The build adds every Chinese tag to jieba's words
  (:func:`add_words`, before Material indexes a page), so a term is one token.
* Material's worker splits a Chinese query into words of the index, greedily from its start, and never
  keeps the query's last character in a word: 遗忘门 became the query 遗忘 as soon as 遗忘 stood alone
  somewhere in the index; only a query none of whose beginnings is a word of the index stays whole. So, in
  the Chinese index, a word that begins one of the tags (遗忘, 更新, 细胞, 重置, 输入, ...) is never a token
  of its own: :func:`keep_terms_whole` joins it to the word after it (before it at the end of a phrase).
  Searching for that word still finds it, as the start of the joined token; the word after it is then
  found only where it stands elsewhere.

And a result's text reads as prose: :func:`drop_code_listings` leaves out program output and shows a
code block's matching line, never the listing; equations are already text (``search_math``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACE = "\u200b"  # what Material joins jieba's words with
PHRASE_RE = re.compile(f"[{HAN}]+(?:{SPACE}[{HAN}]+)*")
HAS_HAN_RE = re.compile(f"[{HAN}]")
# A code block, with the label Material's parser leaves touching it: a file name, or 输出 / Output.
LISTING_RE = re.compile(rf"(?:{SPACE}?(?P<label>[^\s<>{SPACE}]+){SPACE}?)?<pre><code>(?P<code>.*?)</code></pre>", re.DOTALL)
OUTPUT_LABELS = {"输出", "Output"}  # rnnnotes.fences.OUTPUT_LABEL


def chinese_terms(tags: list[str]) -> list[str]:
    """The tags written in Chinese characters, longest first, without repeats."""
    return sorted({tag for tag in tags if HAS_HAN_RE.search(tag)}, key=lambda tag: (-len(tag), tag))


def add_words(terms: list[str]) -> None:
    """Make jieba keep each of ``terms`` as one word (Material segments the index with jieba)."""
    import jieba

    for term in terms:
        jieba.add_word(term)


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
    return set(re.findall(r"\w+", tag.lower())) <= set(re.findall(r"\w+", title))


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
        page = next((doc for doc in entries if "#" not in doc["location"]), entries[0])
        sections = [doc for doc in entries if doc is not page]
        for tag in tags:
            holder = next((doc for doc in sections if _holds(doc["title"], tag)), page)
            holder.setdefault("tags", []).append(tag)


def drop_code_listings(text: str) -> str:
    """``text`` without its code blocks' labels and program outputs, and each code block's lines as inline
    code of their own. Material shows a result's text in blocks (an element at the top level) and only the
    blocks that match, so a search for a name used in code shows the line that uses it, not the listing."""

    def lines(match: re.Match) -> str:
        if match["label"] in OUTPUT_LABELS:
            return " "
        return "".join(f"<code>{line.strip()}</code>" for line in match["code"].splitlines() if line.strip())

    return re.sub(r" {2,}", " ", LISTING_RE.sub(lines, text)).strip()


def tune_index(index_path: Path, terms: list[str]) -> None:
    """Apply all of the above to one language's ``search_index.json`` (``terms``: its Chinese tags)."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = keep_terms_whole(doc["title"], terms)
        doc["text"] = keep_terms_whole(drop_code_listings(doc["text"]), terms)
    tags_to_sections(index["docs"])
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
