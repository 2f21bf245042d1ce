"""Every file in snippets/ runs on its own, as a reader who downloaded it from a page would run it: in a
folder that holds only the file and the snippets it imports (rnnnotes.downloads, the files the page
links), all side by side whichever snippets/ folder they come from, as `python <file>.py`.

Importing TensorFlow takes seconds, and there are many files, so most of them run in processes forked
from one that has imported the libraries and nothing else (tests/standalone_runner.py): each file still
runs as ``__main__``, in a process of its own, in its folder, with no other snippet loaded. A few files
also run as plain `python snippets/<chapter>/<file>.py` processes from the repository (with
``PYTHONPATH=snippets/common``, as the README says, for one that imports from common/), so that the
shortcut itself is checked against the real thing."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SNIPPETS
from rnnnotes.downloads import imported_snippets
from rnnnotes.layout import COMMON, Layout

LAYOUT = Layout(SNIPPETS)
FILES = sorted(
    LAYOUT.relative(p) for p in LAYOUT.files()
)  # "rnn/rnn_forward.py", …
# also run without the fork shortcut; the last imports count_params from common/
PLAIN = [
    "common/versions.py",
    "rnn/rnn_forward.py",
    "rnn/rnn_fig_unrolled.py",
    "params/params_tables.py",
]
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("standalone")
    jobs = ""
    for name in (
        FILES
    ):  # each in a folder with only the files its page lets a reader download
        workdir = folder / Path(name).stem
        workdir.mkdir()
        for file in [name] + imported_snippets(name, SNIPPETS):
            shutil.copy(SNIPPETS / file, workdir / Path(file).name)
        path = workdir / Path(name).name
        jobs += (
            json.dumps(
                {"name": name, "path": str(path), "workdir": str(workdir)}
            )
            + "\n"
        )
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("standalone_runner.py"))],
        input=jobs,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {
        answer["name"]: answer
        for answer in map(json.loads, result.stdout.splitlines())
    }


@pytest.mark.parametrize("name", FILES)
def test_snippet_runs_on_its_own(runs, name):
    result = runs[name]
    assert result["returncode"] == 0, result["stderr"][-3000:]
    assert result["stdout"].strip(), f"{name} printed nothing"


@pytest.mark.parametrize("name", PLAIN)
def test_snippet_runs_as_a_plain_process_too(runs, name, tmp_path):
    env = dict(ENV, PYTHONPATH=str(SNIPPETS / COMMON))
    result = subprocess.run(
        [sys.executable, str(SNIPPETS / name)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        result.stdout == runs[name]["stdout"]
    )  # the forked run printed exactly the same


def test_every_snippet_folder_is_run():
    """Every Python file under snippets/, in every chapter folder, is one the layout knows and this test runs."""
    on_disk = sorted(
        str(p.relative_to(SNIPPETS)) for p in SNIPPETS.glob("*/*.py")
    )
    assert FILES == on_disk
