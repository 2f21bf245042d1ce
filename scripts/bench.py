"""Performance budgets: every page of the site beside a bare Material page, measured in the same run.

    python scripts/bench.py [--site site] [--runs 5] [--pages / /gru/ ...] [--builds]

1. The anchor: a tiny MkDocs project generated into a temporary folder, with the site's Material (the
   same package), theme features, palette and language, and one page of plain prose. It is built into
   the folder Lighthouse serves, beside a copy of the built site, at /bench-anchor/.
2. Calibration: a few short Lighthouse runs read the host's benchmark index; lighthouserc.cjs turns
   their median into Lighthouse's CPU slowdown for a mid-tier phone (see the comment there).
3. Lighthouse (`lhci collect`, settings from lighthouserc.cjs, mobile): `--runs` rounds, each visiting
   the anchor and every page once, so that the load of the machine falls on all of them alike.
4. Layout shift with the math font held back: each page in Chromium (Playwright) on Lighthouse's
   phone viewport, the request for the math font answered 2.5 s late; the largest session window of
   layout shifts, as Lighthouse counts CLS.
5. One table: the anchor's row, then each page's medians beside it, and what fails.

The budgets are written once, in lighthouserc.cjs (`budgets`): TBT and LCP relative to the anchor's
medians of the same run, CLS, CLS with the late font, and the minimum score of each category.
Exit status 1 if a page misses one. `--builds` adds the build figures (cold build, rebuild, a prose edit
under `mkdocs serve`, math JavaScript, the largest figure), measured on a copy of the project.
`--poem` measures only the poem writer, after the calibration: its model file's size (raw, gzip -9,
brotli 11; budget 400 KB compressed) and the time from the model's arrival to the first poem at the
calibrated multiplier (budget 300 ms); exit status 1 if either is missed, as for the pages.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LHCI = ROOT / "node_modules" / ".bin" / "lhci"
RESULTS = ROOT / ".lighthouseci"
ANCHOR = "/bench-anchor/"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = os.environ.get(
    "CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium"
)
ENV = dict(
    os.environ,
    NO_MKDOCS_2_WARNING="1",
    TF_CPP_MIN_LOG_LEVEL="3",
    CHROMIUM=CHROMIUM,
    CHROME_PATH=CHROMIUM,
)
# Calibration runs only need the benchmark, which Lighthouse takes before it loads the page.
QUICK = (
    "--settings.onlyAudits=viewport",
    "--settings.pauseAfterFcpMs=0",
    "--settings.pauseAfterLoadMs=0",
    "--settings.networkQuietThresholdMs=0",
    "--settings.cpuQuietThresholdMs=0",
    "--settings.disableFullPageScreenshot",
)


# -- the configuration: budgets and settings, from lighthouserc.cjs -------------------------------


def config() -> dict:
    """lighthouserc.cjs's budgets and Lighthouse settings, read from the config itself so that each is
    written once."""
    script = (
        "const c = require('./lighthouserc.cjs'); console.log(JSON.stringify("
        "{budgets: c.budgets, settings: c.ci.collect.settings}))"
    )
    result = subprocess.run(
        ["node", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def slowdown_for(index: float) -> float:
    """The multiplier lighthouserc.cjs derives from a benchmark index."""
    result = subprocess.run(
        ["node", "-p", "require('./lighthouserc.cjs').cpuSlowdownMultiplier"],
        cwd=ROOT,
        env=dict(ENV, LIGHTHOUSE_BENCHMARK_INDEX=str(index)),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


# -- the anchor: bare Material, the same theme ----------------------------------------------------


class _SiteConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its theme; the tags MkDocs resolves itself are read as plain values."""


_SiteConfigLoader.add_constructor("!ENV", lambda loader, node: None)
_SiteConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda *args: None
)

PROSE = (
    "This page is the anchor of the benchmark. It has the theme, the features and the palette of the "
    "site, and nothing else: no equations, no figures, no code and no script of our own. Whatever it "
    "costs to load is what Material itself costs on this machine, in this run, and every page of the "
    "site is measured against it."
)


def anchor_project(folder: Path) -> Path:
    """A MkDocs project with the site's theme settings and one page of plain prose. Its scores in
    accessibility and SEO are Material's own (the search dialog has no name, the accent's contrast),
    which the site repairs; only its timings are budget anchors."""
    site = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
        Loader=_SiteConfigLoader,
    )
    theme = {
        key: site["theme"][key]
        for key in ("name", "language", "font", "features", "palette")
        if key in site["theme"]
    }
    project = {
        "site_name": "Bare Material",
        "site_description": "The anchor of make bench.",
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": [{"toc": {"permalink": True}}],
    }
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(
        yaml.safe_dump(project, allow_unicode=True), encoding="utf-8"
    )
    sections = [
        f"## Section {k}\n\n" + "\n\n".join([PROSE] * 3) for k in range(1, 5)
    ]
    page = "# Bare Material\n\n" + PROSE + "\n\n" + "\n\n".join(sections) + "\n"
    (folder / "docs" / "index.md").write_text(page, encoding="utf-8")
    return folder


def serve_folder(site: Path, folder: Path) -> Path:
    """A copy of the built site with the anchor built into it at ANCHOR."""
    served = folder / "served"
    shutil.copytree(site, served)
    project = anchor_project(folder / "anchor")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-d",
            str(served / ANCHOR.strip("/")),
        ],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"the anchor did not build:\n{result.stderr[-3000:]}")
    return served


def site_pages(site: Path) -> list[str]:
    """Every page of the built site in both languages, as lighthouserc.cjs lists them."""
    names = sorted(
        path.name[: -len(".zh.md")] for path in (ROOT / "docs").glob("*.zh.md")
    )
    pages = [
        f"{prefix}{'' if name == 'index' else name + '/'}"
        for prefix in ("/", "/en/")
        for name in names
    ]
    missing = [
        page
        for page in pages
        if not (site / page.lstrip("/") / "index.html").is_file()
    ]
    if missing:
        sys.exit(f"{site} lacks {', '.join(missing)}: run `make build` first")
    return pages


# -- Lighthouse ---------------------------------------------------------------------------------


def lhci_collect(served: Path, args: list[str], env: dict) -> None:
    result = subprocess.run(
        [
            str(LHCI),
            "collect",
            "--config=lighthouserc.cjs",
            f"--staticDistDir={served}",
            *args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(
            f"lhci collect failed:\n{(result.stdout + result.stderr)[-3000:]}"
        )


def saved_reports() -> list[dict]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(RESULTS.glob("lhr-*.json"))
    ]


def calibrate(served: Path, runs: int) -> list[float]:
    """The host's benchmark index, as Lighthouse measures it at the start of a run, `runs` times."""
    lhci_collect(
        served,
        ["--url=http://localhost/404.html", f"--numberOfRuns={runs}", *QUICK],
        ENV,
    )
    return [
        report["environment"]["benchmarkIndex"] for report in saved_reports()
    ]


def lighthouse_rounds(
    served: Path, pages: list[str], rounds: int, index: float
) -> list[dict]:
    """Lighthouse reports: `rounds` times the anchor and every page, one run each per round."""
    env = dict(ENV, LIGHTHOUSE_BENCHMARK_INDEX=str(index))
    urls = [f"--url=http://localhost{page}" for page in [ANCHOR, *pages]]
    for round_ in range(rounds):
        lhci_collect(
            served,
            [*urls, "--numberOfRuns=1", *(["--additive"] if round_ else [])],
            env,
        )
        print(
            f"  Lighthouse round {round_ + 1} of {rounds} done", file=sys.stderr
        )
    return saved_reports()


def medians(reports: list[dict], axe_audits: list[str]) -> dict[str, dict]:
    """Per page: the median of each category's score (0-100) and of each metric over its runs, and
    every run's performance score with the benchmark index Lighthouse measured in that run."""
    by_page: dict[str, list[dict]] = {}
    for report in reports:
        by_page.setdefault(
            "/" + report["requestedUrl"].split("/", 3)[3], []
        ).append(report)
    audits = {
        "FCP": "first-contentful-paint",
        "LCP": "largest-contentful-paint",
        "TBT": "total-blocking-time",
        "CLS": "cumulative-layout-shift",
        "bytes": "total-byte-weight",
    }
    summary = {}
    for page, runs in by_page.items():
        row = {
            c: statistics.median(
                100 * run["categories"][c]["score"] for run in runs
            )
            for c in CATEGORIES
        }
        row |= {
            name: statistics.median(
                run["audits"][audit]["numericValue"] for run in runs
            )
            for name, audit in audits.items()
        }
        # an audit that does not apply (no table) has no score
        row["audits"] = {
            audit: min(
                run["audits"][audit]["score"]
                for run in runs
                if run["audits"][audit]["score"] is not None
            )
            if any(run["audits"][audit]["score"] is not None for run in runs)
            else 1
            for audit in axe_audits
        }
        row["runs"] = [
            (
                round(100 * run["categories"]["performance"]["score"]),
                run["environment"]["benchmarkIndex"],
            )
            for run in runs
        ]
        summary[page] = row
    return summary


# -- layout shift with the math font held back ----------------------------------------------------

SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push([entry.startTime, entry.value]);
  }
}).observe({type: "layout-shift", buffered: true});
"""


def largest_session_window(shifts: list[tuple[float, float]]) -> float:
    """CLS as Lighthouse and Chrome count it: shifts less than 1 s apart form a session window of at
    most 5 s; the score is the largest window's sum."""
    largest, total, first, previous = 0.0, 0.0, None, None
    for start, value in sorted(shifts):
        if first is None or start - previous > 1000 or start - first > 5000:
            total, first = 0.0, start
        total += value
        previous = start
        largest = max(largest, total)
    return largest


def late_font_cls(
    served: Path, pages: list[str], delay_ms: float
) -> dict[str, float]:
    """Each page's CLS in Chromium with the math font answered `delay_ms` late, on Lighthouse's
    phone screen (412 x 823 CSS px at 1.75 device pixels per px)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox"]
            )
            for page_path in [ANCHOR, *pages]:
                results[page_path], _ = late_font_shifts(
                    browser, base + page_path, delay_ms
                )
            browser.close()
    finally:
        server.shutdown()
    return results


def late_font_shifts(browser, url: str, delay_ms: float):
    """(CLS, the font families that loaded) of one page opened in a new context of ``browser``
    (Playwright) on Lighthouse's phone screen, with every font answered ``delay_ms`` late; CLS over
    the load and 1.5 s after the fonts are ready. make bench and tests/test_long_pages.py measure
    with it."""
    context = browser.new_context(
        viewport={"width": 412, "height": 823},
        device_scale_factor=1.75,
        is_mobile=True,
        has_touch=True,
    )

    def hold_back(route):
        time.sleep(delay_ms / 1000)
        route.continue_()

    try:
        page = context.new_page()
        page.add_init_script(SHIFTS)
        page.route("**/assets/fonts/*.woff2", hold_back)
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(1500)
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded')"
            ".map(f => f.family)"
        )
        return largest_session_window(page.evaluate("window.__shifts")), loaded
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# -- the table ------------------------------------------------------------------------------------


def misses(row: dict, anchor: dict, budgets: dict) -> list[str]:
    """The budgets a page's row misses."""
    failed = []
    if row["TBT"] > anchor["TBT"] + budgets["tbtOverAnchorMs"]:
        failed.append(f"TBT > anchor + {budgets['tbtOverAnchorMs']} ms")
    if row["LCP"] > anchor["LCP"] + budgets["lcpOverAnchorMs"]:
        failed.append(f"LCP > anchor + {budgets['lcpOverAnchorMs'] / 1000:g} s")
    if row["CLS"] > budgets["cls"]:
        failed.append(f"CLS > {budgets['cls']}")
    if row["late"] > budgets["clsLateFont"]:
        failed.append(f"CLS with a late font > {budgets['clsLateFont']}")
    for category, minimum in budgets["minScore"].items():
        if row[category] < minimum:
            failed.append(f"{category} < {minimum}")
    failed += [
        f"{audit} fails"
        for audit in budgets["audits"]
        if row["audits"][audit] < 1
    ]
    return failed


def print_table(
    summary: dict,
    anchor: dict,
    budgets: dict,
    multiplier: float,
    indexes: list[float],
) -> bool:
    print(
        f"\nhost benchmark index (calibration): {', '.join(f'{i:.0f}' for i in indexes)}; "
        f"median {statistics.median(indexes):.0f} -> CPU slowdown x{multiplier:.2f} (mid-tier phone)"
    )
    print(
        f"medians of {len(anchor['runs'])} Lighthouse runs, mobile; 'late font': CLS in Chromium with "
        f"the math font {budgets['lateFontDelayMs'] / 1000:g} s late. Budgets (lighthouserc.cjs): "
        f"TBT <= anchor + {budgets['tbtOverAnchorMs']} ms, LCP <= anchor + "
        f"{budgets['lcpOverAnchorMs'] / 1000:g} s, CLS <= {budgets['cls']}, late font <= "
        f"{budgets['clsLateFont']}, scores >= "
        + ", ".join(f"{c} {m}" for c, m in budgets["minScore"].items())
        + "\n"
    )
    header = (
        "page",
        "perf",
        "a11y",
        "bp",
        "seo",
        "TBT ms",
        "LCP s",
        "CLS",
        "late font",
        "KB",
        "perf runs@index",
        "budget",
    )
    rows = [header]
    failed_any = False
    for page, row in [(ANCHOR + " (anchor)", anchor), *summary.items()]:
        failed = [] if row is anchor else misses(row, anchor, budgets)
        failed_any = failed_any or bool(failed)
        runs = " ".join(f"{score}@{index:.0f}" for score, index in row["runs"])
        rows.append(
            (
                page,
                f"{row['performance']:.0f}",
                f"{row['accessibility']:.0f}",
                f"{row['best-practices']:.0f}",
                f"{row['seo']:.0f}",
                f"{row['TBT']:.0f}",
                f"{row['LCP'] / 1000:.2f}",
                f"{row['CLS']:.3f}",
                f"{row['late']:.3f}",
                f"{row['bytes'] / 1000:.0f}",
                runs,
                "-" if row is anchor else ("; ".join(failed) or "holds"),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for k, r in enumerate(rows):
        print(
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
            + " |"
        )
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return not failed_any


# -- the poem writer (--poem) ---------------------------------------------------------------------

POEM_MODEL = "assets/poem/poem-model.bin"
POEM_BUDGETS = {"compressed bytes": 400_000, "first poem ms": 300}
# A page that holds only the widget, for a site whose pages do not show it yet.
POEM_SCRATCH = (
    '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
    '<link rel="stylesheet" href="../assets/stylesheets/poem-writer.css">'
    '<script src="../assets/javascripts/poem-writer.js" defer></script></head>'
    '<body><div class="poem-writer" id="poem-writer"></div></body></html>'
)


def brotli_size(data: bytes) -> int:
    """Bytes after brotli at quality 11, by node's zlib (no Python package needed)."""
    script = (
        "const z = require('zlib'); const b = require('fs').readFileSync(0);"
        "console.log(z.brotliCompressSync(b, {params: {[z.constants.BROTLI_PARAM_QUALITY]: 11,"
        "[z.constants.BROTLI_PARAM_SIZE_HINT]: b.length}}).length)"
    )
    result = subprocess.run(
        ["node", "-e", script], input=data, capture_output=True, check=True
    )
    return int(result.stdout)


def poem_page(served: Path) -> str:
    """The path of a page that shows the poem writer, or of a scratch page made for it."""
    for path in sorted(served.rglob("index.html")):
        if 'class="poem-writer"' in path.read_text(encoding="utf-8"):
            return "/" + str(path.parent.relative_to(served)) + "/"
    (served / "poem-writer-bench").mkdir()
    (served / "poem-writer-bench" / "index.html").write_text(
        POEM_SCRATCH, encoding="utf-8"
    )
    return "/poem-writer-bench/"


def first_poem_ms(served: Path, page_path: str, multiplier: float, runs: int):
    """The time from the model's arrival (its bytes read) to the poem written, in ms, once per run: a
    fresh page each time, Lighthouse's phone viewport, the CPU slowed by `multiplier` through the
    DevTools protocol (Emulation.setCPUThrottlingRate, as Lighthouse slows it), reduced motion so the
    poem is shown whole as soon as it is written; seven characters a line, the longer form. The widget marks both moments (performance.mark)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox"]
            )
            for _ in range(runs):
                context = browser.new_context(
                    viewport={"width": 412, "height": 823},
                    is_mobile=True,
                    has_touch=True,
                    reduced_motion="reduce",
                )
                page = context.new_page()
                page.goto(
                    f"http://127.0.0.1:{server.server_address[1]}{page_path}",
                    wait_until="load",
                )
                page.wait_for_selector("#poem-writer .pw-write")
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": multiplier})
                page.check("#poem-writer input[name=pw-length][value='7']")
                page.click("#poem-writer .pw-write")
                page.wait_for_function(
                    "document.getElementById('poem-writer').dataset.state === 'done'",
                    timeout=120_000,
                )
                times.append(
                    page.evaluate(
                        "performance.measure('first poem', 'poem-writer:weights', "
                        "'poem-writer:poem').duration"
                    )
                )
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return times


def print_poem(
    served: Path, multiplier: float, indexes: list[float], runs: int
) -> bool:
    data = (served / POEM_MODEL).read_bytes()
    compressed = len(gzip.compress(data, compresslevel=9, mtime=0))
    page_path = poem_page(served)
    times = first_poem_ms(served, page_path, multiplier, runs)
    first = statistics.median(times)
    print(
        f"host benchmark index (calibration): {', '.join(f'{i:.0f}' for i in indexes)}; "
        f"median {statistics.median(indexes):.0f} -> CPU slowdown x{multiplier:.2f} (mid-tier phone)"
    )
    print(
        f"poem model ({POEM_MODEL}): {len(data)} bytes, gzip -9 {compressed}, "
        f"brotli 11 {brotli_size(data)} (budget {POEM_BUDGETS['compressed bytes']} compressed)"
    )
    print(
        f"first poem (7 characters a line) after the model arrives, on {page_path} at x{multiplier:.2f}: median "
        f"{first:.0f} ms of {', '.join(f'{t:.0f}' for t in times)} "
        f"(budget {POEM_BUDGETS['first poem ms']} ms)"
    )
    return (
        compressed <= POEM_BUDGETS["compressed bytes"]
        and first <= POEM_BUDGETS["first poem ms"]
    )


# -- build figures (--builds) ---------------------------------------------------------------------

COPIED = ("docs", "snippets", "scripts", "overrides", "mkdocs.yml")


def build_figures(tmp: Path) -> list[tuple[str, str, str, bool]]:
    """Cold build, rebuild, a prose edit under `mkdocs serve`, math JavaScript and the largest figure,
    measured on a copy of the project with a cache of its own."""
    project, cache = tmp / "project", tmp / "cache"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                project / name,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        else:
            shutil.copy2(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    env = dict(ENV, RNN_NOTES_CACHE=str(cache), PYTHONUNBUFFERED="1")

    def timed_build() -> float:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(f"build failed:\n{result.stderr[-3000:]}")
        return time.perf_counter() - start

    cold = timed_build()
    warm = timed_build()
    edit = serve_rebuild_seconds(project, env)
    site = project / "site"
    math_js = sum(
        script.stat().st_size
        for script in site.rglob("*.js")
        if re.search(r"katex|mathjax", script.name, re.I)
        or b"renderToString" in script.read_bytes()
    )
    sizes = {
        svg.name: len(gzip.compress(svg.read_bytes(), mtime=0))
        for svg in (site / "figures").glob("*.svg")
    }
    largest = max(sizes, key=sizes.get)
    return [
        (
            "cold build, empty cache, both languages",
            f"{cold:.1f} s",
            "≤ 150 s",
            cold <= 150,
        ),
        (
            "rebuild with nothing changed",
            f"{warm:.1f} s ({warm / cold:.0%} of cold)",
            "≤ 10 % of cold or ≤ 3 s",
            warm <= 0.10 * cold or warm <= 3,
        ),
        (
            "rebuild after editing one prose line (serve)",
            f"{edit:.1f} s",
            "≤ 3 s",
            edit <= 3,
        ),
        ("JavaScript for math", f"{math_js} bytes", "0 bytes", math_js == 0),
        (
            "largest figure, gzip",
            f"{sizes[largest] / 1000:.1f} KB ({largest})",
            "≤ 30 KB",
            sizes[largest] <= 30_000,
        ),
    ]


def serve_rebuild_seconds(project: Path, env: dict) -> float:
    """Start `mkdocs serve`, edit one prose line, time until the rebuilt site is being served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--strict",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for(process, "Serving on")
        page = project / "docs" / "rnn.en.md"
        text = page.read_text(encoding="utf-8")
        start = time.perf_counter()
        page.write_text(
            text.replace(
                "# Recurrent neural networks", "# Recurrent neural networks!", 1
            ),
            encoding="utf-8",
        )
        _wait_for(process, "Reloading browsers")
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(
    process: subprocess.Popen, marker: str, timeout: float = 300
) -> None:
    deadline = time.time() + timeout
    for line in process.stdout:
        if marker in line:
            return
        if time.time() > deadline:
            break
    sys.exit(f"mkdocs serve never printed {marker!r}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--site",
        type=Path,
        default=ROOT / "site",
        help="the built site (default: site/, which `make bench` builds)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        metavar="N",
        help="Lighthouse runs of each page and of the anchor (default 5)",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="PATH",
        help="only these pages (/gru/, /en/lstm/, /); default every page",
    )
    parser.add_argument(
        "--calibration-runs",
        type=int,
        default=5,
        metavar="N",
        help="short runs whose median benchmark index sets the multiplier",
    )
    parser.add_argument(
        "--builds",
        action="store_true",
        help="also time a cold build, a rebuild and a prose edit on a copy",
    )
    parser.add_argument(
        "--poem",
        action="store_true",
        help="measure only the poem writer: its model's size and the first poem's time",
    )
    args = parser.parse_args()
    if args.poem:
        with tempfile.TemporaryDirectory(prefix="rnn-notes-bench-") as tmp:
            served = serve_folder(args.site, Path(tmp))
            indexes = calibrate(served, args.calibration_runs)
            multiplier = slowdown_for(statistics.median(indexes))
            holds = print_poem(served, multiplier, indexes, args.runs)
        print("\nwithin its budgets" if holds else "\nFAIL: a budget is missed")
        return 0 if holds else 1

    every = site_pages(args.site)
    pages = every if not args.pages else args.pages
    unknown = sorted(set(pages) - set(every))
    if unknown:
        sys.exit(
            f"--pages: {', '.join(unknown)} not among the site's pages ({', '.join(every)})"
        )
    settings = config()
    budgets = settings["budgets"]
    holds = True
    with tempfile.TemporaryDirectory(prefix="rnn-notes-bench-") as tmp:
        if args.builds:
            rows = build_figures(Path(tmp))
            for figure, value, budget, ok in rows:
                print(
                    f"{figure}: {value} (budget {budget}){'' if ok else '  FAILS'}"
                )
            holds = all(row[3] for row in rows)
        served = serve_folder(args.site, Path(tmp))
        indexes = calibrate(served, args.calibration_runs)
        index = statistics.median(indexes)
        summary = medians(
            lighthouse_rounds(served, pages, args.runs, index),
            budgets["audits"],
        )
        late = late_font_cls(served, pages, budgets["lateFontDelayMs"])
    for page, row in summary.items():
        row["late"] = late[page]
    anchor = summary.pop(ANCHOR)
    ordered = {page: summary[page] for page in pages}
    holds = (
        print_table(ordered, anchor, budgets, slowdown_for(index), indexes)
        and holds
    )
    print(
        "\nevery page within its budget"
        if holds
        else "\nFAIL: a budget is missed (see above)"
    )
    return 0 if holds else 1


if __name__ == "__main__":
    sys.exit(main())
