"""Run snippets for the build, once, cached by content.

A result is stored under a key made of what was run (the fence's code or the figure's module name) and
the versions of the libraries it ran on. The result records which ``snippets/`` files it imported and
their hashes; it is reused only while every one of them still has that hash. So editing prose reruns
nothing, and editing ``rnn_forward.py`` reruns exactly the fences and figures that import it. The cache
lives in a git-ignored folder; nothing is written into ``docs/`` or ``snippets/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")
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
    def __init__(self, snippets_dir: Path, cache_dir: Path):
        self.snippets_dir = Path(snippets_dir).resolve()
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self._environment = _library_versions() + ";worker=" + _sha(WORKER.read_bytes())
        self._memory: dict[str, dict] = {}
        self._proc: subprocess.Popen | None = None
        self.executed = 0  # how many requests really ran (the rest came from the cache)

    # -- public API --------------------------------------------------------------------------

    def run_code(self, code: str, name: str) -> str:
        """Stdout of ``code`` (a fence shown from ``snippets/<name>``)."""
        return self._get({"kind": "code", "code": code, "name": name}, name)["stdout"]

    def make_figure(self, module: str) -> str:
        """SVG text of ``snippets/<module>.py``'s ``<module>()``."""
        return self._get({"kind": "figure", "module": module}, f"{module}.py")["svg"]

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
        return entry is not None and self._dep_hashes(list(entry["deps"])) == entry["deps"]

    def _get(self, request: dict, label: str) -> dict:
        key = _sha(json.dumps(request, sort_keys=True) + self._environment)
        entry = self._memory.get(key)
        if not self._valid(entry):
            entry = self._read_disk(key)
        if not self._valid(entry):
            entry = self._execute(request, label)
            self._write_disk(key, entry)
        self._memory[key] = entry
        return entry["result"]

    def _path(self, key: str) -> Path:
        return self.cache_dir / f"{key}.json"

    def _read_disk(self, key: str) -> dict | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_disk(self, key: str, entry: dict) -> None:
        tmp = self._path(key).with_suffix(".tmp")
        tmp.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(tmp, self._path(key))

    # -- worker -----------------------------------------------------------------------------

    def _worker(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="Agg", PYTHONHASHSEED="0")
            self._proc = subprocess.Popen(
                [sys.executable, str(WORKER), str(self.snippets_dir)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=env,
            )
        return self._proc

    def _execute(self, request: dict, label: str) -> dict:
        proc = self._worker()
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            self._proc = None
            raise SnippetError(f"snippets/{label}: the snippet worker died (exit code {proc.wait()})")
        answer = json.loads(line)
        self.executed += 1
        if "error" in answer:
            raise SnippetError(f"snippets/{label} raised:\n{answer['error']}")
        deps = self._dep_hashes(answer.pop("deps"))
        return {"deps": deps or {}, "result": answer}
