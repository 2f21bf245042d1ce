"""The one trained-results store (snippets/common/trained.py) and how the build's cache prunes it."""

from __future__ import annotations

import json

import trained

from rnnnotes.cache import KEEP_BUILDS, Cache


def test_without_a_folder_it_just_trains(monkeypatch, tmp_path):
    monkeypatch.delenv(trained.ENV, raising=False)
    calls = []
    source = tmp_path / "model.py"
    source.write_text("UNITS = 4\n")
    for _ in range(2):
        assert trained.kept(
            "demo", [source], lambda: calls.append(1) or {"a": 1}
        ) == {"a": 1}
    assert len(calls) == 2


def test_with_a_folder_it_trains_once_per_content(monkeypatch, tmp_path):
    monkeypatch.setenv(trained.ENV, str(tmp_path / "trained"))
    monkeypatch.setattr(trained, "USED", set())
    source = tmp_path / "model.py"
    source.write_text("UNITS = 4\n")
    calls = []

    def compute():
        calls.append(1)
        return {"accuracy": 0.5 + len(calls)}

    first = trained.kept("demo", [source], compute)
    assert (
        trained.kept("demo", [source], compute) == first == {"accuracy": 1.5}
        and len(calls) == 1
    )
    source.write_text(
        "UNITS = 8\n"
    )  # an edited source trains again, under another key
    assert trained.kept("demo", [source], compute) == {"accuracy": 2.5}
    files = sorted(p.name for p in (tmp_path / "trained").glob("demo-*.json"))
    assert len(files) == 2 and {f"{name}.json" for name in trained.USED} == set(
        files
    )
    assert json.loads((tmp_path / "trained" / files[0]).read_text()) in (
        {"accuracy": 1.5},
        {"accuracy": 2.5},
    )


def test_the_caches_rule_prunes_trained_results_no_recent_build_used(tmp_path):
    cache = Cache(tmp_path)
    folder = tmp_path / "trained"
    folder.mkdir()
    for name in ("kept-1", "old-2"):
        (folder / f"{name}.json").write_text("{}")
    for _ in range(KEEP_BUILDS):
        cache.begin_build()
        cache.use_trained(["kept-1"])
        cache.end_build()
    assert sorted(p.name for p in folder.glob("*.json")) == ["kept-1.json"]
