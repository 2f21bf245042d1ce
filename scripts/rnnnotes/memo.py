"""Work a rebuild need not repeat, kept on disk between builds and keyed by a hash of its inputs.

A :class:`DiskMemo` is a dict saved as one JSON file. Keys are hashes of everything the value depends
on (contents, never file times), so a fresh checkout or an edited page simply misses. When a build saves
it, entries that build did not use are dropped, so the file holds one build's worth and never grows.

Used for steps that cost a rebuild seconds while their inputs rarely change:

* :func:`cached_highlighter` wraps the fence highlighter (Pygments' HTML for a code block);
* :func:`install_search_cache` wraps Material's search indexing of a page (an HTML parse, and jieba's
  segmentation of the Chinese text, whose dictionary alone takes a second to load);
* :func:`rnnnotes.notebooks.page_notebook` keeps each chapter's notebook (keyed by ``notebook_key``).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``path`` through a temporary file of this process, so a reader (another build sharing the
    cache, a second test worker) sees the old file or the new one, never half of one."""
    path = Path(path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if isinstance(data, bytes):
        tmp.write_bytes(data)
    else:
        tmp.write_text(data, encoding="utf-8")
    tmp.replace(path)


def digest(*parts) -> str:
    """A stable hash of JSON-serialisable ``parts``."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def folder_digest(folder: Path, pattern: str = "*.py") -> str:
    """A hash of the names and contents of the files in ``folder`` that match ``pattern``."""
    files = sorted(Path(folder).glob(pattern))
    return digest([(f.name, hashlib.sha256(f.read_bytes()).hexdigest()) for f in files])


class DiskMemo:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._stored: dict = {}
        if self.path.is_file():
            try:
                self._stored = json.loads(self.path.read_text(encoding="utf-8"))
            except ValueError:  # a torn file from an interrupted build: start empty
                self._stored = {}
        self._used: dict = {}
        self.hits = self.misses = 0

    def get(self, key: str):
        if key in self._used:
            self.hits += 1
            return self._used[key]
        if key in self._stored:
            self.hits += 1
            self._used[key] = self._stored[key]
            return self._used[key]
        self.misses += 1
        return None

    def put(self, key: str, value) -> None:
        self._used[key] = value

    def save(self) -> None:
        """Write what this build used (and only that); then start counting the next build."""
        if not self._used:  # nothing since the last save
            return
        if self._used != self._stored:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(self._used, ensure_ascii=False))  # entry order kept
        self._stored, self._used = self._used, {}


# -- code highlighting ----------------------------------------------------------------------------


def cached_highlighter(highlight, memo: DiskMemo, salt: str = ""):
    """``highlight(src, language, options, md, **kwargs)`` with its HTML kept in ``memo``.

    Line anchors carry a per-page block counter, so HTML with line numbers or anchors is not kept."""
    salt = digest(salt, version("pygments"), version("pymdown-extensions"))

    def cached(src, language, options, md, **kwargs):
        key = digest(salt, src, language, options, kwargs)
        stored = memo.get(key)
        if stored is not None:
            fences = md.preprocessors["fenced_code_block"]
            fences.highlight_ext.pygments_code_block += 1  # what the highlighter itself would count
            return stored
        result = highlight(src, language, dict(options), md, **kwargs)
        if "codelineno" not in result and "linenos" not in result:
            memo.put(key, result)
        return result

    return cached


# -- search entries --------------------------------------------------------------------------------


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def search_key(page, salt: str) -> str:
    """Everything Material's ``SearchIndex.add_entry_from_context`` reads from a page."""
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    return digest(salt, page.url, page.title, meta, _toc(page.toc), page.content)


def install_search_cache(memo: DiskMemo) -> None:
    """Make Material's search plugin take a page's entries from ``memo`` when the page is unchanged."""
    from material.plugins.search import plugin

    index_class = plugin.SearchIndex
    original = getattr(index_class.add_entry_from_context, "__wrapped__", index_class.add_entry_from_context)
    salt = digest(version("mkdocs-material"), version("jieba"))

    def add_entry_from_context(self, page):
        key = search_key(page, salt)
        stored = memo.get(key)
        if stored is not None:
            self.entries.extend(json.loads(json.dumps(stored)))  # a copy: later steps may edit entries
            return
        before = len(self.entries)
        original(self, page)
        memo.put(key, json.loads(json.dumps(self.entries[before:], default=str)))

    add_entry_from_context.__wrapped__ = original
    index_class.add_entry_from_context = add_entry_from_context
