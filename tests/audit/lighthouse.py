"""Lighthouse CI on every page of a built site, its CPU slowdown calibrated to this host.

    python tests/audit/lighthouse.py [--site site] [--calibration-runs 5]

1. Calibrate: a few short Lighthouse runs (`lhci collect` on the 404 page, one audit, no settling waits)
   read the host's benchmark index (Lighthouse measures it at the start of every run); their median goes to
   lighthouserc.cjs as LIGHTHOUSE_BENCHMARK_INDEX, which turns it into `throttling.cpuSlowdownMultiplier` by
   the rule Lighthouse's docs/throttling.md points to (see the comment there).
2. `lhci autorun` with lighthouserc.cjs: every page in both languages, mobile, 3 runs per page, assertions on
   each category's median; reports in .lighthouseci/reports/.
3. Print each page's median scores, every run's performance score with the benchmark index Lighthouse measured
   in that run, and the median run's metrics.

Exit status: that of `lhci autorun` (1 if an error-level assertion fails; performance is at the level "warn",
reported here page by page against its budget). scripts/bench.py uses `audit` too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LHCI = ROOT / "node_modules" / ".bin" / "lhci"
RESULTS = ROOT / ".lighthouseci"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Calibration runs only need the benchmark, which Lighthouse takes before it loads the page.
QUICK = ("--settings.onlyAudits=viewport", "--settings.pauseAfterFcpMs=0", "--settings.pauseAfterLoadMs=0",
         "--settings.networkQuietThresholdMs=0", "--settings.cpuQuietThresholdMs=0",
         "--settings.disableFullPageScreenshot")


def lhci(args: list[str], env: dict, quiet: bool) -> subprocess.CompletedProcess:
    return subprocess.run([str(LHCI), *args], cwd=ROOT, env=env, text=True,
                          capture_output=quiet)


def saved_reports() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(RESULTS.glob("lhr-*.json"))]


def measure_benchmark_index(env: dict, runs: int, quiet: bool) -> list[float]:
    result = lhci(["collect", "--url=http://localhost/404.html", f"--numberOfRuns={runs}", *QUICK], env, quiet)
    if result.returncode != 0:
        sys.exit(f"calibration failed:\n{(result.stderr or '')[-3000:]}")
    return [report["environment"]["benchmarkIndex"] for report in saved_reports()]


def slowdown_for(index: float, env: dict) -> float:
    """The multiplier lighthouserc.cjs derives from this index: read from the config itself, so the rule
    is written once."""
    result = subprocess.run(["node", "-p", "require('./lighthouserc.cjs').cpuSlowdownMultiplier"], cwd=ROOT,
                            env=dict(env, LIGHTHOUSE_BENCHMARK_INDEX=str(index)), capture_output=True, text=True,
                            check=True)
    return float(result.stdout)


def budgets() -> dict[str, tuple[float, str]]:
    """Each category's budget as lighthouserc.cjs asserts it: minimum score (0-100) and level ("error" fails
    the audit, "warn" is reported). Read from the config itself, so the budgets are written once."""
    script = ("const a = require('./lighthouserc.cjs').ci.assert.assertions; console.log(JSON.stringify("
              "Object.fromEntries(Object.entries(a).filter(([k]) => k.startsWith('categories:'))"
              ".map(([k, [level, o]]) => [k.slice(11), [o.minScore * 100, level]]))))")
    result = subprocess.run(["node", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return {category: (score, level) for category, (score, level) in json.loads(result.stdout).items()}


def page_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def summarise(reports: list[dict]) -> dict[str, dict]:
    """Per page: each category's median score (0-100), every run's performance score with that run's
    benchmark index, and the metrics of the run whose performance score is the median."""
    by_page: dict[str, list[dict]] = {}
    for report in reports:
        by_page.setdefault(page_path(report["requestedUrl"]), []).append(report)
    summary = {}
    for path, runs in by_page.items():
        score = lambda run, category: round(run["categories"][category]["score"] * 100)  # noqa: E731
        ordered = sorted(runs, key=lambda run: score(run, "performance"))
        middle = ordered[len(ordered) // 2]
        metric = lambda audit: middle["audits"][audit].get("numericValue")  # noqa: E731
        summary[path] = {
            "scores": {c: statistics.median(score(run, c) for run in runs) for c in CATEGORIES},
            "runs": [(score(run, "performance"), run["environment"]["benchmarkIndex"]) for run in runs],
            "multiplier": middle["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
            "metrics": {"FCP": metric("first-contentful-paint"), "LCP": metric("largest-contentful-paint"),
                        "TBT": metric("total-blocking-time"), "CLS": metric("cumulative-layout-shift"),
                        "bytes": metric("total-byte-weight")},
        }
    return dict(sorted(summary.items(), key=lambda item: (item[0].startswith("/en/"), item[0])))


def audit(site: Path, calibration_runs: int = 5, quiet: bool = False) -> tuple[list[float], float, dict, int]:
    """Calibrate, run Lighthouse CI over `site`; returns the calibration's benchmark indexes, the multiplier,
    the per-page summary and `lhci autorun`'s exit status."""
    env = dict(os.environ, LIGHTHOUSE_SITE_DIR=str(site.resolve()))
    env.setdefault("CHROMIUM", "/usr/bin/chromium")
    indexes = measure_benchmark_index(env, calibration_runs, quiet)
    index = statistics.median(indexes)
    multiplier = slowdown_for(index, env)
    result = lhci(["autorun"], dict(env, LIGHTHOUSE_BENCHMARK_INDEX=str(index)), quiet)
    summary = summarise(saved_reports())
    if result.returncode != 0 and quiet:
        sys.stderr.write((result.stderr or "")[-5000:])
    return indexes, multiplier, summary, result.returncode


def print_summary(indexes: list[float], multiplier: float, summary: dict) -> None:
    print(f"\nhost benchmark index (calibration runs): {', '.join(f'{i:.0f}' for i in indexes)}; "
          f"median {statistics.median(indexes):.0f} -> cpuSlowdownMultiplier {multiplier:.2f} (mid-tier phone)")
    print("page: performance (every run's score@benchmark index) / accessibility / best practices / SEO, "
          "medians of the runs, at that multiplier; the median run's metrics (simulated mobile, slow 4G)")
    for path, page in summary.items():
        s, m = page["scores"], page["metrics"]
        runs = ", ".join(f"{score}@{index:.0f}" for score, index in page["runs"])
        print(f"  {path:<16} {s['performance']:3.0f} ({runs}) / {s['accessibility']:3.0f} / "
              f"{s['best-practices']:3.0f} / {s['seo']:3.0f}   x{page['multiplier']:.2f}   "
              f"FCP {m['FCP'] / 1000:.1f} s  LCP {m['LCP'] / 1000:.1f} s  TBT {m['TBT']:4.0f} ms  "
              f"CLS {m['CLS']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--calibration-runs", type=int, default=5, metavar="N",
                        help="short runs whose median benchmark index sets the multiplier (default 5)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"no built site in {args.site}: run `make build` first")
    indexes, multiplier, summary, status = audit(args.site, args.calibration_runs)
    print_summary(indexes, multiplier, summary)
    print()
    for category, (budget, level) in budgets().items():
        short = [path for path, page in summary.items() if page["scores"][category] < budget]
        print(f"{category} >= {budget:.0f} ({level}): {len(summary) - len(short)} of {len(summary)} pages"
              + (f"; below: {', '.join(short)}" if short else ""))
    print("Lighthouse CI: " + ("no error-level assertion failed" if status == 0 else "FAIL (see the assertions above)"))
    return status


if __name__ == "__main__":
    sys.exit(main())
