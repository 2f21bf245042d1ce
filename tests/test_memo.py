"""What a rebuild takes from .cache/memo/ (scripts/rnnnotes/memo.py) is what the work itself would give.

test_reproducible.py checks the same on the whole site: a build from an empty cache and the session's
build (which reuses the checkout's cache) give the same bytes."""

import json
from types import SimpleNamespace

import markdown
import pytest

from rnnnotes import memo


def test_a_saved_memo_keeps_only_what_the_last_build_used(tmp_path):
    path = tmp_path / "m.json"
    first = memo.DiskMemo(path)
    first.put("a", [1, 2])
    first.put("b", "x")
    first.save()

    second = memo.DiskMemo(path)
    assert second.get("a") == [1, 2] and second.get("zzz") is None
    assert (second.hits, second.misses) == (1, 1)
    second.save()  # "b" was not used by this build
    assert json.loads(path.read_text()) == {"a": [1, 2]}

    second.save()  # nothing used since: the file stays
    assert json.loads(path.read_text()) == {"a": [1, 2]}


def test_a_torn_memo_file_is_a_cold_start(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"a": [1, ')
    assert memo.DiskMemo(path).get("a") is None


def _superfences_md():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"])
    md.convert("```python\nx = 1\n```\n")  # SuperFences reads its settings on its first run
    return md


def _pygments(src, language, options, md, **kwargs):
    return md.preprocessors["fenced_code_block"].highlight(src=src, language=language, options=options, md=md, **kwargs)


def test_cached_highlighting_is_the_highlighters_own_html(tmp_path):
    calls = []

    def counting(*args, **kwargs):
        calls.append(args[0])
        return _pygments(*args, **kwargs)

    kept = memo.DiskMemo(tmp_path / "h.json")
    cached = memo.cached_highlighter(counting, kept, salt="settings")
    md = _superfences_md()
    kwargs = {"classes": [], "id_value": "", "attrs": {}}
    direct = _pygments("x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs)
    first = cached("x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs)
    again = cached("x = [1, 2]\n", "python", {"title": "a.py"}, md, **kwargs)
    other_title = cached("x = [1, 2]\n", "python", {"title": "b.py"}, md, **kwargs)
    assert first == again == direct and '<span class="filename">a.py</span>' in direct
    assert "b.py" in other_title
    assert len(calls) == 2  # the repeat came from the memo

    kept.save()
    later = memo.cached_highlighter(counting, memo.DiskMemo(tmp_path / "h.json"), salt="settings")
    assert later("x = [1, 2]\n", "python", {"title": "a.py"}, _superfences_md(), **kwargs) == direct
    assert len(calls) == 2  # from disk
    changed = memo.cached_highlighter(counting, memo.DiskMemo(tmp_path / "h.json"), salt="other settings")
    changed("x = [1, 2]\n", "python", {"title": "a.py"}, _superfences_md(), **kwargs)
    assert len(calls) == 3  # other highlight settings: highlighted again


def _page(content, url="gru/", title="GRU"):
    heading = SimpleNamespace(id="reset-gate", url="#reset-gate", title="Reset gate", children=[])
    return SimpleNamespace(url=url, title=title, meta={}, toc=[heading], content=content)


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

    kept = memo.DiskMemo(tmp_path / "s.json")
    memo.install_search_cache(kept)
    memo.install_search_cache(kept)  # installing twice wraps once
    cold, warm = search_index_class(), search_index_class()
    cold.add_entry_from_context(_page(content))
    warm.add_entry_from_context(_page(content))
    assert cold.entries == warm.entries == plain.entries
    assert (kept.hits, kept.misses) == (1, 1)

    edited = search_index_class()
    edited.add_entry_from_context(_page(content.replace("重置门", "更新门")))
    assert "更新" in edited.entries[1]["text"] and kept.misses == 2


def test_a_notebook_is_kept_only_while_the_page_and_every_snippet_file_are_unchanged(tmp_path):
    from rnnnotes.notebooks import notebook_key

    snippets = tmp_path / "snippets"
    (snippets / "common").mkdir(parents=True)
    (snippets / "common" / "a.py").write_text("print(1)\n")
    page = {"page": "rnn", "lang": "en", "default": "zh", "title": "RNN", "site_url": "/", "source": "# RNN\n"}
    first = notebook_key("# RNN\n", snippets_dir=snippets, **page)
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) == first
    assert notebook_key("# RNN!\n", snippets_dir=snippets, **page) != first
    assert notebook_key("# RNN\n", snippets_dir=snippets, **dict(page, lang="zh")) != first
    (snippets / "common" / "a.py").write_text("print(2)\n")  # its output in the notebook changes
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first
    (snippets / "common" / "a.py").write_text("print(1)\n")
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) == first
    (snippets / "rnn").mkdir()
    (snippets / "common" / "a.py").rename(snippets / "rnn" / "a.py")  # the same file in another folder
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first
    (snippets / "rnn" / "a.py").rename(snippets / "common" / "a.py")
    (snippets / "common" / "b.py").write_text("x = 1\n")
    assert notebook_key("# RNN\n", snippets_dir=snippets, **page) != first


def test_write_atomically_leaves_no_temporary_file(tmp_path):
    memo.write_atomically(tmp_path / "a.json", "text")
    memo.write_atomically(tmp_path / "b.bin", b"\x00\x01")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.bin"]
    assert (tmp_path / "a.json").read_text() == "text" and (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
