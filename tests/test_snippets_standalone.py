"""Every file in snippets/ runs on its own, as a reader would run it: `python snippets/<file>.py`."""

import os
import subprocess
import sys

import pytest

from conftest import SNIPPETS

FILES = sorted(p.name for p in SNIPPETS.glob("*.py"))


@pytest.mark.parametrize("name", FILES)
def test_snippet_runs_on_its_own(name, tmp_path):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg")
    result = subprocess.run(
        [sys.executable, str(SNIPPETS / name)],
        cwd=tmp_path,  # figure snippets write their SVG where they run, never into snippets/
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), f"{name} printed nothing"
