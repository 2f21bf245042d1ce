"""Run snippets for the build, once, cached by content.

A result is stored under a key made of what was run (a fence's code, a figure's or animation's module) and
the versions of the libraries it ran on. The result records which ``snippets/`` files it imported (their
paths under ``snippets/``, :mod:`rnnnotes.layout`) and their hashes; it is reused only while every one of
them still has that hash. So editing prose reruns nothing, and editing ``rnn/rnn_forward.py`` reruns
exactly the fences and figures that import it. Results are kept in the build's
:class:`rnnnotes.cache.Cache` (git-ignored); nothing is written into ``docs/`` or ``snippets/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from .cache import Cache
from .dark import dark_svg
from .labels import BOTH, LANGUAGE_ENV
from .layout import Layout

WORKER = Path(__file__).with_name("worker.py")
DARK = Path(__file__).with_name("dark.py")
LAYOUT = Path(__file__).with_name("layout.py")
FRESH = Path(__file__).with_name("fresh.py")
# Where snippets that train keep their trained results by content (snippets/common/trained.py), so that a
# model trains once for the pages, the figures, the notebooks and the tests that read them. A run's entry
# names the trained results it used, and reusing the entry marks them used too (Cache.use_trained).
TRAINED_ENV = "RNN_NOTES_TRAINED"
LIBRARIES = ("numpy", "keras", "matplotlib", "tensorflow-cpu", "tensorflow")


class SnippetError(RuntimeError):
    """A snippet raised while the site was being built."""


def _library_versions() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ";".join(versions)


def _sha(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


class SnippetRunner:
    def __init__(
        self,
        snippets_dir: Path,
        cache: Cache | Path,
        parallel: int = os.cpu_count() or 1,
    ):
        """``cache``: the build's cache, or a folder to keep one in."""
        self.snippets_dir = Path(snippets_dir).resolve()
        self.layout = Layout(self.snippets_dir)
        self.cache = cache if isinstance(cache, Cache) else Cache(cache)
        self._environment = (
            _library_versions()
            + ";worker="
            + _sha(WORKER.read_bytes() + FRESH.read_bytes())
            + ";layout="
            + _sha(LAYOUT.read_bytes())
        )
        self._dark_version = _sha(
            DARK.read_bytes()
        )  # in figure keys only: editing dark.py reruns no fence
        self._proc: subprocess.Popen | None = None
        self.parallel = max(1, parallel)
        self.executed = (
            0  # how many requests really ran (the rest came from the cache)
        )

    # -- public API --------------------------------------------------------------------------

    @staticmethod
    def code_request(code: str, name: str) -> tuple[dict, str]:
        return {
            "kind": "code",
            "code": code.strip("\n") + "\n",
            "name": name,
        }, name

    def figure_request(self, module: str) -> tuple[dict, str]:
        return {
            "kind": "figure",
            "module": module,
            "dark": self._dark_version,
        }, self._label(module)

    def animation_request(self, module: str) -> tuple[dict, str]:
        return {
            "kind": "animation",
            "module": module,
            "dark": self._dark_version,
        }, self._label(module)

    def _label(self, module: str) -> str:
        """How errors name a figure's file: its path under snippets/ (``gru/gru_fig_cell.py``)."""
        return self.layout.file_of(module) or f"{module}.py"

    def run_code(self, code: str, name: str) -> str:
        """Stdout of ``code`` (a fence shown from ``snippets/<name>``, ``name`` like ``rnn/rnn_params.py:count``),
        its labels in both languages: :func:`rnnnotes.labels.resolve` keeps a page's."""
        return self._get(*self.code_request(code, name))["stdout"]

    def make_figure(self, module: str) -> str:
        """SVG text of ``snippets/<module>.py``'s ``<module>()``."""
        return self._get(*self.figure_request(module))["svg"]

    def make_dark_figure(self, module: str) -> str:
        """The same figure for the dark scheme (:func:`rnnnotes.dark.dark_svg`), cached beside it."""
        return self._get(*self.figure_request(module))["svg_dark"]

    def make_animation(self, module: str) -> tuple[str, str]:
        """The animated SVG and the still SVG of ``snippets/<module>.py``'s ``<module>()``."""
        result = self._get(*self.animation_request(module))
        return result["svg"], result["still"]

    def make_dark_animation(self, module: str) -> tuple[str, str]:
        """The animated SVG and the still for the dark scheme, cached beside the light ones."""
        result = self._get(*self.animation_request(module))
        return result["svg_dark"], result["still_dark"]

    def ran_cleanly(self, code: str, name: str) -> bool:
        """Whether ``code`` (shown from ``snippets/<name>``) has a result in the cache, made with the
        snippet files it imports as they are now. Only a run that did not raise is stored, so the
        fence tests take this as the build's word that the fence runs (tests/conftest.py)."""
        return (
            self._cached(self._key(self.code_request(code, name)[0]))
            is not None
        )

    def code_imports(self, code: str, name: str) -> list[str]:
        """The ``snippets/`` files (``common/count_params.py``) that running ``code`` imported, from its cached run."""
        return sorted(self._entry(*self.code_request(code, name))["deps"])

    def figure_imports(self, module: str) -> list[str]:
        """The ``snippets/`` files that making the figure imported, its own module included."""
        return sorted(self._entry(*self.figure_request(module))["deps"])

    def prefetch(self, jobs: list[tuple[dict, str]]) -> None:
        """Run every job that is not cached yet, ``parallel`` at a time, so the pages then find them
        in the cache. A job that fails is left for the page to run again and report with its file."""
        todo = [
            (request, label)
            for request, label in jobs
            if self._cached(self._key(request)) is None
        ]
        if not todo:
            return
        workers: queue.Queue = queue.Queue()
        for _ in range(min(self.parallel, len(todo))):
            workers.put(self._spawn())

        def run(job):
            request, label = job
            proc = workers.get()
            try:
                entry = self._ask(proc, request, label)
                self._store(self._key(request), entry)
            except SnippetError:
                pass
            finally:
                workers.put(proc)

        with ThreadPoolExecutor(max_workers=workers.qsize()) as pool:
            list(pool.map(run, todo))
        while not workers.empty():
            proc = workers.get()
            if self._proc is None and proc.poll() is None:
                self._proc = proc  # keep one warm for the pages
            else:
                proc.stdin.close()
                proc.wait(timeout=30)

    def close(self) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.wait(timeout=30)
            self._proc = None

    # -- cache ------------------------------------------------------------------------------

    def _dep_hashes(self, deps: list[str]) -> dict[str, str] | None:
        hashes = {}
        for dep in deps:
            path = self.snippets_dir / dep
            if not path.is_file():
                return None
            hashes[dep] = _sha(path.read_bytes())
        return hashes

    def _valid(self, entry: dict | None) -> bool:
        return (
            entry is not None
            and self._dep_hashes(list(entry["deps"])) == entry["deps"]
        )

    def _key(self, request: dict) -> str:
        return _sha(
            "snippet-run"
            + json.dumps(request, sort_keys=True)
            + self._environment
        )

    def _cached(self, key: str) -> dict | None:
        entry = self.cache.get(key)
        if not self._valid(entry):
            return None
        self.cache.use_trained(entry.get("trained", ()))
        return entry

    def _store(self, key: str, entry: dict) -> None:
        self.cache.use_trained(entry.get("trained", ()))
        self.cache.put(key, entry)

    def _get(self, request: dict, label: str) -> dict:
        return self._entry(request, label)["result"]

    def _entry(self, request: dict, label: str) -> dict:
        key = self._key(request)
        entry = self._cached(key)
        if entry is None:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._spawn()
            entry = self._ask(self._proc, request, label)
            self._store(key, entry)
        return entry

    # -- worker -----------------------------------------------------------------------------

    def _spawn(self) -> subprocess.Popen:
        env = dict(
            os.environ,
            TF_CPP_MIN_LOG_LEVEL="3",
            MPLBACKEND="Agg",
            PYTHONHASHSEED="0",
        )
        env.setdefault(TRAINED_ENV, str(self.cache.root / "trained"))
        env[LANGUAGE_ENV] = (
            BOTH  # one run prints both languages' labels; each page keeps its own (labels.py)
        )
        return subprocess.Popen(
            [sys.executable, str(WORKER), str(self.snippets_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def _ask(self, proc: subprocess.Popen, request: dict, label: str) -> dict:
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise SnippetError(
                f"snippets/{label}: the snippet worker died (exit code {proc.wait()})"
            )
        answer = json.loads(line)
        self.executed += 1
        if "error" in answer:
            raise SnippetError(f"snippets/{label} raised:\n{answer['error']}")
        if request["kind"] in (
            "figure",
            "animation",
        ):  # the dark variants, cached with what they come from
            for key in [key for key in ("svg", "still") if key in answer]:
                answer[f"{key}_dark"] = dark_svg(answer[key])
        deps = self._dep_hashes(answer.pop("deps"))
        return {
            "deps": deps or {},
            "trained": answer.pop("trained", []),
            "result": answer,
        }
