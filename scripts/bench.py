"""Performance budgets, measured: `make bench` prints one table, each figure beside its budget.

The builds run on a copy of the project in a temporary folder, so the benchmark never edits docs/ and
never reuses this checkout's cache. Lighthouse runs as `make audit` runs it (tests/audit/lighthouse.py:
Lighthouse CI, its CPU slowdown calibrated to this host's benchmark index), on the copy's site. The two
suites are timed as `make test` and `make audit` run them, in this checkout. Exit status 1 if any budget
does not hold.

    python scripts/bench.py [--skip-tests]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "audit"))

import lighthouse  # noqa: E402

COPIED = ("docs", "snippets", "scripts", "overrides", "mkdocs.yml")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", TF_CPP_MIN_LOG_LEVEL="3")


def copy_project(target: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def timed_build(project: Path, cache: Path) -> float:
    env = dict(ENV, RNN_NOTES_CACHE=str(cache))
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return elapsed


def serve_rebuild_seconds(project: Path, cache: Path) -> float:
    """Start `mkdocs serve`, edit one prose line, time until the rebuilt site is being served."""
    env = dict(ENV, RNN_NOTES_CACHE=str(cache), PYTHONUNBUFFERED="1")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        _wait_for(process, "Serving on")
        page = project / "docs" / "rnn.en.md"
        text = page.read_text(encoding="utf-8")
        start = time.perf_counter()
        page.write_text(text.replace("# Recurrent neural networks", "# Recurrent neural networks!", 1), encoding="utf-8")
        _wait_for(process, "Reloading browsers")
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(process: subprocess.Popen, marker: str, timeout: float = 300) -> None:
    deadline = time.time() + timeout
    for line in process.stdout:
        if marker in line:
            return
        if time.time() > deadline:
            break
    sys.exit(f"mkdocs serve never printed {marker!r}")


def math_javascript_bytes(site: Path) -> int:
    total = 0
    for script in site.rglob("*.js"):
        if re.search(r"katex|mathjax", script.name, re.I) or b"renderToString" in script.read_bytes():
            total += script.stat().st_size
    return total


def largest_figure(site: Path) -> tuple[str, int]:
    sizes = {svg.name: len(gzip.compress(svg.read_bytes(), mtime=0)) for svg in (site / "figures").glob("*.svg")}
    name = max(sizes, key=sizes.get)
    return name, sizes[name]


def suite_seconds(*pytest_args: str) -> tuple[float, str | None]:
    """A suite's wall time, and pytest's summary if anything failed. A failure does not stop the bench:
    the other figures were measured already and are printed, and the suite's time still counts."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", *pytest_args], cwd=ROOT, env=ENV,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, (result.stdout[-3000:] if result.returncode != 0 else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-tests", action="store_true", help="do not time the whole test suite")
    parser.add_argument("--calibration-runs", type=int, default=5, metavar="N",
                        help="short Lighthouse runs whose median benchmark index sets the multiplier (default 5)")
    args = parser.parse_args()

    rows = []

    def row(figure, value, budget, holds):
        rows.append((figure, value, budget, "yes" if holds else "NO"))

    with tempfile.TemporaryDirectory(prefix="rnn-notes-bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        cache = Path(tmp) / "cache"
        cold = timed_build(project, cache)
        row("cold build, empty cache, both languages", f"{cold:.1f} s", "≤ 150 s", cold <= 150)
        warm = timed_build(project, cache)
        row("rebuild with nothing changed", f"{warm:.1f} s ({warm / cold:.0%} of cold)", "≤ 10 % of cold or ≤ 3 s",
            warm <= 0.10 * cold or warm <= 3)
        edit = serve_rebuild_seconds(project, cache)
        row("rebuild after editing one prose line (serve)", f"{edit:.1f} s", "≤ 3 s", edit <= 3)

        site = project / "site"
        math_js = math_javascript_bytes(site)
        row("JavaScript for math", f"{math_js} bytes", "0 bytes", math_js == 0)
        name, size = largest_figure(site)
        row("largest figure, gzip", f"{size / 1000:.1f} KB ({name})", "≤ 30 KB", size <= 30_000)
        start = time.perf_counter()
        indexes, multiplier, scores, _ = lighthouse.audit(site, args.calibration_runs, quiet=True)
        lighthouse_seconds = time.perf_counter() - start
        weights = {path: page["metrics"]["bytes"] for path, page in scores.items()}
        heaviest = max(weights, key=weights.get)
        row("heaviest page's load, gzip (Lighthouse)", f"{weights[heaviest] / 1000:.0f} KB ({heaviest})",
            "≤ 300 KB", weights[heaviest] <= 300_000)
        index = statistics.median(indexes)
        for category, (budget, _) in lighthouse.budgets().items():
            worst = min(scores, key=lambda p: scores[p]["scores"][category])
            value = scores[worst]["scores"][category]
            row(f"Lighthouse {category}, lowest page (mobile, median of 3)",
                f"{value:.0f} ({worst}) at x{multiplier:.2f}, index {index:.0f}", f"≥ {budget:.0f}", value >= budget)

    if not args.skip_tests:
        test, failure = suite_seconds()
        row("make test, after install", f"{test / 60:.1f} min" + (", FAILED" if failure else ""),
            "≤ 6 min", test <= 360 and not failure)
        audit, audit_failure = suite_seconds("-m", "audit", "tests/audit")
        audit += lighthouse_seconds
        row("make audit, after install (axe and reproducible build + Lighthouse CI)",
            f"{audit / 60:.1f} min" + (", FAILED" if audit_failure else ""), "passes", not audit_failure)
        failure = failure or audit_failure

    widths = [max(len(str(r[i])) for r in rows + [("figure", "measured", "budget", "holds")]) for i in range(4)]
    header = ("figure", "measured", "budget", "holds")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    lighthouse.print_summary(indexes, multiplier, scores)
    if not args.skip_tests and failure:
        print(f"\nthe test suite failed:\n{failure}")
    return 0 if all(r[3] == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
