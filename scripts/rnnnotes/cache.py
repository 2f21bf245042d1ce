"""The build's one cache: work a rebuild need not repeat, kept on disk and found by a hash of its inputs.

Everything the build can reuse goes through a :class:`Cache`: snippet runs, figures and animations (light
and dark, :mod:`rnnnotes.runner`), rendered math and the math font (:mod:`rnnnotes.katex`), highlighted
code (:func:`cached_highlighter`), search entries (:func:`install_search_cache`) and notebooks
(:func:`rnnnotes.notebooks.page_notebook`). It lives in ``.cache/entries/`` (``RNN_NOTES_CACHE`` moves
``.cache``), one file per entry, named by its key.

Keys. A key is :func:`digest` of everything the value depends on: the contents it was made from, the
versions of the libraries that made it and the code of the step that made it; never a file's time or
path alone. A fresh checkout, an edited page or an upgraded library simply misses. (A snippet run also
records the hashes of the ``snippets/`` files it imported, which are only known after it ran; the runner
reuses it only while they still match.)

Writes. An entry is written to a temporary file of this process and thread, then renamed over its name
(:func:`write_atomically`): a reader sees the old entry, the new one or none, never half of one. A file
that cannot be read (deleted meanwhile, torn by a crash before this rule) is a miss.

Pruning, one rule for every kind of entry: **an entry that none of the last** ``KEEP_BUILDS`` **builds
used is deleted at the end of a build.** Each build writes the keys it read or wrote to
``.cache/builds/<generation>-<pid>.keys`` when it ends, then deletes every entry no kept record names.
Why this rule: the cache then holds what the current site needs (a rebuild with nothing changed misses
nothing) and never grows with edits, since an edited equation's or snippet's old entries go three builds
later. Three, not one, so that switching back and forth (``mkdocs serve`` while an edit is undone, the
test suite's build beside a developer's) does not redo the work each time. A build's own set of used
keys, not file times, decides, so it works the same on any file system and in a fresh clone.

Trained results (``snippets/common/trained.py``) live beside the entries, in ``.cache/trained/``, one
``<name>-<key>.json`` each, and follow the same rule: a build records the ones its snippet runs used
(:meth:`Cache.use_trained`, as ``trained/<name>-<key>``) and pruning deletes those no kept record names.

Two processes sharing the cache. Each build holds ``.cache/builds/running-<pid>`` while it runs; a build
prunes only when no other live build is running (a dead process's marker is removed). Entries are
written whole or not at all, and a concurrent delete is a miss, so the worst two builds at once can do
to each other is to make one of them redo some work.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from importlib.metadata import version
from pathlib import Path

KEEP_BUILDS = 3  # builds whose entries are kept (see the module docstring)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``path`` through a temporary file of this process and thread, so a reader (another build
    sharing the cache, a second test worker) sees the old file or the new one, never half of one."""
    path = Path(path)
    tmp = path.with_name(
        f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp"
    )
    if isinstance(data, bytes):
        tmp.write_bytes(data)
    else:
        tmp.write_text(data, encoding="utf-8")
    tmp.replace(path)


def digest(*parts) -> str:
    """A stable hash of JSON-serialisable ``parts``."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_digest(folder: Path, pattern: str = "*.py") -> str:
    """A hash of the names (relative to ``folder``) and contents of the files under ``folder`` that match
    ``pattern``, sub-folders included."""
    folder = Path(folder)
    files = sorted(
        p
        for p in folder.rglob(pattern)
        if p.is_file() and "__pycache__" not in p.parts
    )
    return digest(
        [(p.relative_to(folder).as_posix(), file_digest(p)) for p in files]
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


class Cache:
    """Entries (JSON values or bytes) under ``root/entries``, keyed by :func:`digest`, pruned by builds.

    ``get``/``put`` mark a key used by the current build; :meth:`begin_build` and :meth:`end_build`
    bracket a build (a cache used outside a build, as in a test, records and prunes nothing)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.entries = self.root / "entries"
        self.builds = self.root / "builds"
        self._memory: dict[
            tuple[str, str], object
        ] = {}  # what this process read or wrote, for the next build in it
        self._used: set[str] = set()
        self._building = False
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    # -- entries ---------------------------------------------------------------------------------

    def _path(self, key: str, kind: str) -> Path:
        return self.entries / key[:2] / f"{key}.{kind}"

    def _lookup(self, key: str, kind: str, read):
        with self._lock:
            self._used.add(key)
            if (key, kind) in self._memory:
                self.hits += 1
                return self._memory[key, kind]
        try:
            value = read(self._path(key, kind))
        except (
            OSError,
            ValueError,
        ):  # absent, deleted meanwhile, or unreadable: a miss
            with self._lock:
                self.misses += 1
            return None
        with self._lock:
            self.hits += 1
            self._memory[key, kind] = value
        return value

    def _store(self, key: str, kind: str, value, data: str | bytes) -> None:
        path = self._path(key, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        with self._lock:
            self._used.add(key)
            self._memory[key, kind] = value

    def get(self, key: str):
        """The JSON value stored under ``key``, or None."""
        return self._lookup(
            key,
            "json",
            lambda path: json.loads(path.read_text(encoding="utf-8")),
        )

    def put(self, key: str, value) -> None:
        self._store(key, "json", value, json.dumps(value, ensure_ascii=False))

    def get_bytes(self, key: str) -> bytes | None:
        return self._lookup(key, "bin", Path.read_bytes)

    def put_bytes(self, key: str, data: bytes) -> None:
        self._store(key, "bin", data, data)

    def use_trained(self, names) -> None:
        """Mark trained results (``<name>-<key>``, files in ``root/trained``) used by the current build."""
        with self._lock:
            self._used.update(f"trained/{name}" for name in names)

    # -- builds and pruning ----------------------------------------------------------------------

    def _marker(self) -> Path:
        return self.builds / f"running-{os.getpid()}"

    def begin_build(self) -> None:
        """Start recording the keys a build uses. Calling it again before :meth:`end_build` does nothing."""
        if self._building:
            return
        self.builds.mkdir(parents=True, exist_ok=True)
        self._marker().write_text("", encoding="utf-8")
        self._used = set()
        self.hits = self.misses = 0
        self._building = True

    def _records(self) -> list[tuple[int, int, Path]]:
        records = []
        for path in self.builds.glob("*.keys"):
            generation, _, pid = path.stem.partition("-")
            if generation.isdigit() and pid.isdigit():
                records.append((int(generation), int(pid), path))
        return sorted(records)

    def _others_running(self) -> bool:
        others = False
        for marker in self.builds.glob("running-*"):
            pid = marker.name.removeprefix("running-")
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            if _alive(int(pid)):
                others = True
            else:
                marker.unlink(missing_ok=True)  # a build that died
        return others

    def end_build(self) -> dict:
        """Record this build's keys, and prune (unless another build is running). Returns counts."""
        if not self._building:
            return {}
        self._building = False
        records = self._records()
        generation = records[-1][0] + 1 if records else 1
        write_atomically(
            self.builds / f"{generation}-{os.getpid()}.keys",
            "\n".join(sorted(self._used)) + "\n",
        )
        with self._lock:  # the next build in this process keeps in memory only what this one used
            self._memory = {
                name: value
                for name, value in self._memory.items()
                if name[0] in self._used
            }
        stats = {
            "used": len(self._used),
            "hits": self.hits,
            "misses": self.misses,
            "deleted": 0,
        }
        if not self._others_running():
            stats["deleted"] = self.prune()
        self._marker().unlink(missing_ok=True)
        return stats

    def prune(self) -> int:
        """Delete every entry that none of the last ``KEEP_BUILDS`` recorded builds used, and the older
        records; return how many entries went."""
        records = self._records()
        generations = sorted({generation for generation, _, _ in records})[
            -KEEP_BUILDS:
        ]
        live: set[str] = set()
        for generation, _, path in records:
            if generation in generations:
                try:
                    live.update(path.read_text(encoding="utf-8").split())
                except OSError:
                    pass
            else:
                path.unlink(missing_ok=True)
        deleted = 0
        for path in self.entries.glob("*/*"):
            if path.name.endswith(".tmp"):
                continue  # another process's write in progress
            if path.name.split(".")[0] not in live:
                path.unlink(missing_ok=True)
                deleted += 1
        for path in (self.root / "trained").glob("*.json"):
            if f"trained/{path.stem}" not in live:
                path.unlink(missing_ok=True)
                deleted += 1
        return deleted


# -- code highlighting ----------------------------------------------------------------------------


def cached_highlighter(highlight, cache: Cache, salt: str = ""):
    """``highlight(src, language, options, md, **kwargs)`` with its HTML kept in ``cache``.

    Line anchors carry a per-page block counter, so HTML with line numbers or anchors is not kept."""
    salt = digest(
        "highlight", salt, version("pygments"), version("pymdown-extensions")
    )

    def cached(src, language, options, md, **kwargs):
        key = digest(salt, src, language, options, kwargs)
        stored = cache.get(key)
        if stored is not None:
            fences = md.preprocessors["fenced_code_block"]
            fences.highlight_ext.pygments_code_block += (
                1  # what the highlighter itself would count
            )
            return stored
        result = highlight(src, language, dict(options), md, **kwargs)
        if "codelineno" not in result and "linenos" not in result:
            cache.put(key, result)
        return result

    return cached


# -- search entries --------------------------------------------------------------------------------


def _toc(items) -> list:
    return [
        [item.id, item.url, item.title, _toc(item.children)] for item in items
    ]


def search_key(page, salt: str) -> str:
    """Everything Material's ``SearchIndex.add_entry_from_context`` reads from a page."""
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    return digest(
        salt, page.url, page.title, meta, _toc(page.toc), page.content
    )


def install_search_cache(cache: Cache, search_config=None) -> None:
    """Make Material's search plugin take a page's entries from ``cache`` when the page is unchanged.
    ``search_config``: the plugin's settings; its jieba dictionaries change how every page is segmented."""
    search_config = search_config or {}
    from material.plugins.search import plugin

    index_class = plugin.SearchIndex
    original = getattr(
        index_class.add_entry_from_context,
        "__wrapped__",
        index_class.add_entry_from_context,
    )
    dictionaries = [
        file_digest(Path(path))
        for path in (
            search_config.get("jieba_dict"),
            search_config.get("jieba_dict_user"),
        )
        if path
    ]
    salt = digest(
        "search",
        version("mkdocs-material"),
        version("jieba"),
        dictionaries,
        search_config.get("separator"),
    )

    def add_entry_from_context(self, page):
        key = search_key(page, salt)
        stored = cache.get(key)
        if stored is not None:
            self.entries.extend(
                json.loads(json.dumps(stored))
            )  # a copy: later steps may edit entries
            return
        before = len(self.entries)
        original(self, page)
        cache.put(
            key, json.loads(json.dumps(self.entries[before:], default=str))
        )

    add_entry_from_context.__wrapped__ = original
    index_class.add_entry_from_context = add_entry_from_context
