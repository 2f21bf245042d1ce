"""One fresh start (scripts/rnnnotes/fresh.py) for the build's worker, the notebooks and the fence tests: a
snippet that changes NumPy's print options or draws random numbers does not change what the next prints."""

import subprocess
import sys
import textwrap

from conftest import ROOT, SNIPPETS
from rnnnotes import fresh, notebooks
from rnnnotes.runner import SnippetRunner

SETS_PRECISION = "import numpy as np\nnp.set_printoptions(precision=2)\nprint(np.array([0.12345]), np.random.rand())\n"
PRINTS = "import numpy as np\nprint(np.array([0.12345]), np.random.rand())\n"
FIRST_DRAW = 0.5488135039273248  # np.random.seed(0); np.random.rand()


def test_the_worker_starts_each_snippet_fresh(tmp_path):
    runner = SnippetRunner(SNIPPETS, tmp_path / "cache")
    try:
        assert (
            runner.run_code(SETS_PRECISION, "a.py")
            == "[0.12] 0.5488135039273248\n"
        )
        assert runner.run_code(PRINTS, "b.py") == f"[0.12345] {FIRST_DRAW}\n"
    finally:
        runner.close()


def test_the_notebook_setup_cell_is_fresh_start_itself():
    code = notebooks.setup_code()
    assert (
        fresh.notebook_cell() in code
        and "def fresh_start(snippets_dir):" in code
    )
    assert (
        "set_printoptions(**NUMPY_PRINT_DEFAULTS)" in code
        and "set_printoptions()" not in code
    )


def test_a_notebook_cell_starts_fresh(tmp_path):
    """The setup cell runs in a stand-in for IPython that calls pre_run_cell callbacks before each cell."""
    script = textwrap.dedent("""
        import contextlib, io, json, sys

        class Events:
            callbacks = {"pre_run_cell": []}
            def register(self, name, callback): self.callbacks[name].append(callback)
            def unregister(self, name, callback): self.callbacks[name].remove(callback)

        class Shell:
            events = Events()

        namespace = {"get_ipython": Shell}
        def run_cell(code):
            for callback in Shell.events.callbacks["pre_run_cell"]:
                callback(None)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(code, namespace)
            return out.getvalue()

        run_cell(sys.argv[1])
        run_cell(sys.argv[1])  # Run All twice: the callback is registered once
        print(json.dumps([len(Shell.events.callbacks["pre_run_cell"]), run_cell(sys.argv[2]), run_cell(sys.argv[3])]))
    """)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            notebooks.setup_code(),
            SETS_PRECISION,
            PRINTS,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip()
        == f'[1, "[0.12] {FIRST_DRAW}\\n", "[0.12345] {FIRST_DRAW}\\n"]'
    )


def test_a_fence_test_starts_fresh(tmp_path):
    """Two fences run by pytest-markdown-docs with this suite's conftest: the second sees NumPy fresh."""
    page = tmp_path / "page.md"
    page.write_text(
        f"```python\n{SETS_PRECISION}```\n\n"
        "```python\nimport numpy as np\n"
        "assert str(np.array([0.12345])) == '[0.12345]', np.get_printoptions()\n"
        f"assert np.random.rand() == {FIRST_DRAW}\n```\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "conftest",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "--markdown-docs",
            "-q",
            "-c",
            "/dev/null",
            "--rootdir",
            str(tmp_path),
            str(page),
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "tests"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "2 passed" in result.stdout, result.stdout + result.stderr
