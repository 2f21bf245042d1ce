"""A build from an empty cache produces the same bytes as the run's shared build, which came from the
warm cache: every fence, figure, animation, equation, notebook and search index made again from nothing
equals what the cache handed out. One cold build suffices: the warm build's entries were themselves
made by an earlier cold run, so two cold builds would compare the same thing at twice the cost."""

import hashlib
import os

import pytest

from conftest import ROOT, build_site

pytestmark = pytest.mark.audit  # run by `make audit` (pytest.ini)


def digest_tree(site):
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_cold_build_is_byte_identical(request, tmp_path, monkeypatch):
    with monkeypatch.context() as env:
        env.setenv("RNN_NOTES_CACHE", str(tmp_path / "empty-cache"))
        result = build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert os.listdir(tmp_path / "empty-cache" / "entries"), (
        "the second build did not use the empty cache"
    )
    # Only now the shared build: on a fresh clone another worker makes it while this one makes its own.
    built_site = request.getfixturevalue("built_site")

    first, second = digest_tree(built_site), digest_tree(tmp_path / "site")
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], differing
