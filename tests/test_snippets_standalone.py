"""Every file in snippets/ runs on its own, as a reader who downloaded it from a page would run it: in a
folder that holds only the file and the snippets it imports (rnnnotes.downloads, the files the page
links), as `python <file>.py`.

Importing TensorFlow takes seconds, and there are many files, so most of them run in processes forked
from one that has imported the libraries and nothing else (tests/standalone_runner.py): each file still
runs as ``__main__``, in a process of its own, in its folder, with no other snippet loaded. A few files also run as plain `python snippets/<file>.py` processes, so that the shortcut
itself is checked against the real thing."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SNIPPETS

from rnnnotes.downloads import imported_snippets

FILES = sorted(p.name for p in SNIPPETS.glob("*.py"))
PLAIN = ["versions.py", "rnn_forward.py", "fig_rnn_unrolled.py"]  # also run without the fork shortcut
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("standalone")
    jobs = ""
    for name in FILES:  # each in a folder with only the files its page lets a reader download
        workdir = folder / name.removesuffix(".py")
        workdir.mkdir()
        for file in [name] + imported_snippets(name, SNIPPETS):
            shutil.copy(SNIPPETS / file, workdir / file)
        jobs += json.dumps({"name": name, "path": str(workdir / name), "workdir": str(workdir)}) + "\n"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("standalone_runner.py"))],
        input=jobs, env=ENV, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {answer["name"]: answer for answer in map(json.loads, result.stdout.splitlines())}


@pytest.mark.parametrize("name", FILES)
def test_snippet_runs_on_its_own(runs, name):
    result = runs[name]
    assert result["returncode"] == 0, result["stderr"][-3000:]
    assert result["stdout"].strip(), f"{name} printed nothing"


@pytest.mark.parametrize("name", PLAIN)
def test_snippet_runs_as_a_plain_process_too(runs, name, tmp_path):
    result = subprocess.run([sys.executable, str(SNIPPETS / name)], cwd=tmp_path, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout == runs[name]["stdout"]  # the forked run printed exactly the same
