"""Every file in snippets/ runs on its own, as a reader who downloaded it from a page would run it: in a
folder that holds only the file and the snippets it imports (rnnnotes.downloads, the files the page
links), as `python <file>.py`.

The files run as separate processes, as many at a time as there are cores, once per session; each
file is then one test."""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import SNIPPETS

from rnnnotes.downloads import imported_snippets

FILES = sorted(p.name for p in SNIPPETS.glob("*.py"))


def run_alone(name, folder):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg")
    workdir = folder / name.removesuffix(".py")
    workdir.mkdir()
    for file in [name] + imported_snippets(name, SNIPPETS):
        shutil.copy(SNIPPETS / file, workdir / file)
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, name],
        cwd=workdir,  # figure snippets write their SVG where they run, never into snippets/
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("standalone")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = pool.map(lambda name: run_alone(name, folder), FILES)
        return dict(zip(FILES, results))


@pytest.mark.parametrize("name", FILES)
def test_snippet_runs_on_its_own(runs, name):
    result = runs[name]
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), f"{name} printed nothing"
