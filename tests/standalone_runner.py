"""Runs snippet files as `python <file>.py` would, without paying the library imports each time.

Started once by tests/test_snippets_standalone.py, which copies each file and the snippets it imports into
a folder of its own. It imports numpy, TensorFlow/Keras and matplotlib, and then, for every file named on
stdin, forks: the child is a fresh interpreter state as far as the snippet can tell (nothing of any other
snippet is loaded; only those libraries are), runs the file as ``__main__`` in that folder with the folder
first on ``sys.path``, and exits. As many children run at a time as there are cores. One JSON line per
file comes back on stdout: {"name", "returncode", "stdout", "stderr", "seconds"}.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
import traceback


def _child(path: str, workdir: str) -> None:
    os.chdir(workdir)
    out = os.open("stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open("stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(path))
    # The project's install (pyproject.toml) lets any script import snippets/common/'s modules; a download
    # has only what it carries, so the child does without that finder.
    sys.meta_path[:] = [
        f
        for f in sys.meta_path
        if not getattr(f, "__module__", "").startswith("__editable__")
    ]
    code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_:
        code = (
            exit_.code
            if isinstance(exit_.code, int)
            else (0 if exit_.code is None else 1)
        )
    except BaseException:  # noqa: BLE001 - reported like an uncaught exception in `python file.py`
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["MPLBACKEND"] = "Agg"
    import matplotlib

    matplotlib.use("Agg")
    import keras  # noqa: F401
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import tensorflow  # noqa: F401

    answers = os.fdopen(os.dup(1), "w", buffering=1)
    jobs = [json.loads(line) for line in sys.stdin if line.strip()]
    running: dict[int, tuple[dict, float]] = {}
    slots = os.cpu_count() or 1
    while jobs or running:
        while jobs and len(running) < slots:
            job = jobs.pop(0)
            os.makedirs(job["workdir"], exist_ok=True)
            pid = os.fork()
            if pid == 0:
                _child(job["path"], job["workdir"])
            running[pid] = (job, time.perf_counter())
        pid, status = os.wait()
        job, start = running.pop(pid)

        def read(name, workdir=job["workdir"]):
            with open(
                os.path.join(workdir, name), encoding="utf-8", errors="replace"
            ) as file:
                return file.read()

        answers.write(
            json.dumps(
                {
                    "name": job["name"],
                    "returncode": os.waitstatus_to_exitcode(status),
                    "stdout": read("stdout.txt"),
                    "stderr": read("stderr.txt"),
                    "seconds": round(time.perf_counter() - start, 2),
                }
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
