"""The build's one cache (scripts/rnnnotes/cache.py): what a rebuild takes from it is what the work itself
would give, and its one pruning rule keeps what recent builds used and nothing else.

test_reproducible.py checks the same on the whole site: a build from an empty cache and the session's
build (which reuses the checkout's cache) give the same bytes."""

import subprocess
import sys
from types import SimpleNamespace

import markdown
import pytest

from rnnnotes import cache
from rnnnotes.cache import KEEP_BUILDS, Cache


def _build(root, used: dict) -> dict:
    """One build that reads or writes ``used`` (key -> value): what the build hooks do, in small."""
    store = Cache(root)
    store.begin_build()
    for key, value in used.items():
        if store.get(key) is None:
            store.put(key, value)
    return store.end_build()


def _keys(root) -> set[str]:
    return {path.name.split(".")[0] for path in (root / "entries").glob("*/*")}


def test_values_and_bytes_come_back_from_disk_in_another_process_and_a_miss_is_none(
    tmp_path,
):
    first = Cache(tmp_path)
    first.put("a" * 64, {"svg": "<svg/>", "n": [1, 2]})
    first.put_bytes("b" * 64, b"\x00\x01")
    second = Cache(tmp_path)  # nothing in memory: read from disk
    assert second.get("a" * 64) == {"svg": "<svg/>", "n": [1, 2]}
    assert second.get_bytes("b" * 64) == b"\x00\x01"
    assert second.get("c" * 64) is None and second.get_bytes("a" * 64) is None
    assert (second.hits, second.misses) == (2, 2)


def test_an_entry_that_none_of_the_last_builds_used_is_pruned(tmp_path):
    _build(tmp_path, {"old": 1, "kept": 2})
    for generation in range(KEEP_BUILDS - 1):
        _build(tmp_path, {"kept": 2, f"new{generation}": 3})
    assert {"old", "kept"} <= _keys(
        tmp_path
    )  # "old" was used by one of the last KEEP_BUILDS builds
    stats = _build(tmp_path, {"kept": 2})
    assert "old" not in _keys(tmp_path) and "kept" in _keys(tmp_path)
    assert stats["deleted"] == 1 and stats["hits"] == 1
    assert (
        len(list((tmp_path / "builds").glob("*.keys"))) == KEEP_BUILDS
    )  # older records go too
    for _ in range(KEEP_BUILDS):
        _build(tmp_path, {"kept": 2})
    assert _keys(tmp_path) == {"kept"}


def test_a_cache_used_outside_a_build_records_and_prunes_nothing(tmp_path):
    _build(tmp_path, {"a": 1})
    outside = Cache(tmp_path)
    outside.put("b", 2)
    assert outside.end_build() == {} and _keys(tmp_path) == {"a", "b"}


def test_a_build_does_not_prune_while_another_live_build_runs(tmp_path):
    _build(tmp_path, {"old": 1})
    other = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"]
    )
    try:
        (tmp_path / "builds" / f"running-{other.pid}").write_text("")
        for _ in range(KEEP_BUILDS + 1):
            assert _build(tmp_path, {"new": 2})["deleted"] == 0
        assert "old" in _keys(tmp_path)
    finally:
        other.kill()
        other.wait()
    assert (
        _build(tmp_path, {"new": 2})["deleted"] == 1
    )  # the dead build's marker no longer counts
    assert _keys(tmp_path) == {"new"} and not list(
        (tmp_path / "builds").glob("running-*")
    )


def test_an_unreadable_or_vanished_entry_is_a_miss(tmp_path):
    store = Cache(tmp_path)
    store.put("k" * 64, [1])
    path = next((tmp_path / "entries").glob("*/*"))
    path.write_text('{"a": [1, ')  # torn
    assert Cache(tmp_path).get("k" * 64) is None
    path.unlink()
    assert Cache(tmp_path).get("k" * 64) is None


_WRITER = """
import sys
sys.path.insert(0, {scripts!r})
from rnnnotes.cache import Cache
store = Cache({root!r})
store.begin_build()
for round in range(40):
    for key in range(20):
        value = store.get(f"{{key:064d}}")
        assert value is None or value == ["v" * 2000, key], value
        store.put(f"{{key:064d}}", ["v" * 2000, key])
print(store.end_build()["used"])
"""


def test_two_builds_sharing_the_cache_at_once_see_whole_entries(tmp_path):
    scripts = str(cache.__file__).rsplit("/rnnnotes/", 1)[0]
    code = _WRITER.format(scripts=scripts, root=str(tmp_path))
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [
        err for _, err in results
    ]
    assert [out.strip() for out, _ in results] == ["20", "20"]
    assert len(_keys(tmp_path)) == 20 and not list(
        (tmp_path / "entries").glob("*/*.tmp")
    )


def _superfences_md():
    md = markdown.Markdown(
        extensions=["pymdownx.highlight", "pymdownx.superfences"]
    )
    md.convert(
        "```python\nx = 1\n```\n"
    )  # SuperFences reads its settings on its first run
    return md


def _pygments(src, language, options, md, **kwargs):
    return md.preprocessors["fenced_code_block"].highlight(
        src=src, language=language, options=options, md=md, **kwargs
    )


def test_cached_highlighting_is_the_highlighters_own_html(tmp_path):
    calls = []

    def counting(*args, **kwargs):
        calls.append(args[0])
        return _pygments(*args, **kwargs)

    kept = Cache(tmp_path)
    cached = cache.cached_highlighter(counting, kept, salt="settings")
    md = _superfences_md()
    kwargs = {"classes": [], "id_value": "", "attrs": {}}
    direct = _pygments(
        "x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs
    )
    first = cached("x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs)
    again = cached("x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs)
    other_title = cached(
        "x = [1, 2]\n", "python", {"title": "b.py"}, md, **kwargs
    )
    assert (
        first == again == direct
        and '<span class="filename">a.py</span>' in direct
    )
    assert "b.py" in other_title
    assert len(calls) == 2  # the repeat came from the cache

    later = cache.cached_highlighter(counting, Cache(tmp_path), salt="settings")
    assert (
        later(
            "x = [1, 2]\n",
            "python",
            {"title": "a.py"},
            _superfences_md(),
            **kwargs,
        )
        == direct
    )
    assert len(calls) == 2  # from disk
    changed = cache.cached_highlighter(
        counting, Cache(tmp_path), salt="other settings"
    )
    changed(
        "x = [1, 2]\n", "python", {"title": "a.py"}, _superfences_md(), **kwargs
    )
    assert len(calls) == 3  # other highlight settings: highlighted again


def _page(content, url="gru/", title="GRU"):
    heading = SimpleNamespace(
        id="reset-gate", url="#reset-gate", title="Reset gate", children=[]
    )
    return SimpleNamespace(
        url=url, title=title, meta={}, toc=[heading], content=content
    )


@pytest.fixture
def search_index_class():
    from material.plugins.search import plugin

    original = plugin.SearchIndex.add_entry_from_context
    yield plugin.SearchIndex
    plugin.SearchIndex.add_entry_from_context = original


def test_cached_search_entries_are_materials_own(tmp_path, search_index_class):
    content = '<h1 id="gru">GRU</h1><p>门控循环单元</p><h2 id="reset-gate">Reset gate</h2><p>重置门 r_t</p>'
    plain = search_index_class()
    plain.add_entry_from_context(_page(content))
    assert [e["location"] for e in plain.entries] == ["gru/", "gru/#reset-gate"]
    assert "\u200b" in plain.entries[1]["text"]  # jieba segmented the Chinese

    kept = Cache(tmp_path)
    cache.install_search_cache(kept)
    cache.install_search_cache(kept)  # installing twice wraps once
    cold, warm = search_index_class(), search_index_class()
    cold.add_entry_from_context(_page(content))
    warm.add_entry_from_context(_page(content))
    assert cold.entries == warm.entries == plain.entries
    assert (kept.hits, kept.misses) == (1, 1)

    edited = search_index_class()
    edited.add_entry_from_context(_page(content.replace("重置门", "更新门")))
    assert "更新" in edited.entries[1]["text"] and kept.misses == 2


def test_a_notebook_is_kept_only_while_the_page_and_every_snippet_file_are_unchanged(
    tmp_path,
):
    from rnnnotes.notebooks import notebook_key

    snippets = tmp_path / "snippets"
    (snippets / "common").mkdir(parents=True)
    (snippets / "common" / "a.py").write_text("print(1)\n")
    page = {
        "page": "rnn",
        "lang": "en",
        "default": "zh",
        "title": "RNN",
        "site_url": "/",
        "source": "# RNN\n",
    }
    first = notebook_key("# RNN\n", snippets_dir=snippets, **page)
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) == first
    assert notebook_key("# RNN!\n", snippets_dir=snippets, **page) != first
    assert (
        notebook_key("# RNN\n", snippets_dir=snippets, **dict(page, lang="zh"))
        != first
    )
    (snippets / "common" / "a.py").write_text(
        "print(2)\n"
    )  # its output in the notebook changes
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first
    (snippets / "common" / "a.py").write_text("print(1)\n")
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) == first
    (snippets / "rnn").mkdir()
    (snippets / "common" / "a.py").rename(
        snippets / "rnn" / "a.py"
    )  # the same file in another folder
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first
    (snippets / "rnn" / "a.py").rename(snippets / "common" / "a.py")
    (snippets / "common" / "b.py").write_text("x = 1\n")
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first


def test_write_atomically_leaves_no_temporary_file(tmp_path):
    cache.write_atomically(tmp_path / "a.json", "text")
    cache.write_atomically(tmp_path / "b.bin", b"\x00\x01")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.bin"]
    assert (tmp_path / "a.json").read_text() == "text" and (
        tmp_path / "b.bin"
    ).read_bytes() == b"\x00\x01"


def test_math_comes_from_the_cache_without_starting_node(tmp_path):
    from conftest import ROOT
    from rnnnotes.katex import KatexRenderer

    items = [(r"h_t = \tanh(W x_t)", False), (r"\sum_i a_i", True)]
    first = KatexRenderer(ROOT, Cache(tmp_path))
    rendered = first.render(items)
    first.close()
    second = KatexRenderer(ROOT, Cache(tmp_path))
    assert (
        second.render(items) == rendered and second._proc is None
    )  # no node started
    assert (
        second.characters == first.characters
    )  # the math font's subset still sees every character
    other_version = KatexRenderer(ROOT, Cache(tmp_path))
    other_version._salt = "another KaTeX"
    assert (
        other_version.render(items[:1]) == rendered[:1]
        and other_version._proc is not None
    )
    other_version.close()
