"""Lighthouse (pinned in package.json), mobile profile, served with gzip: accessibility, best practices and
SEO score 100 on every page, in both languages, and the axe-core run behind the accessibility score finds
no serious or critical violation at a phone's width (Lighthouse weighs some rules at 0, td-has-header among
them, so a score of 100 alone would not show one).

Performance is a timing, so it belongs to `make bench` (scripts/bench.py), which runs Lighthouse with the
performance category on every page; this test leaves it out, which also lets each run skip the seconds
Lighthouse otherwise waits for the page to settle."""

import json
import os
import subprocess

import pytest

from conftest import CHROMIUM, DOCS, ROOT

from rnnnotes import serve

PAGES = sorted(p.name.split(".")[0] for p in DOCS.glob("*.zh.md"))
PATHS = [
    ("/" if lang == "zh" else "/en/") + ("" if name == "index" else f"{name}/")
    for name in PAGES
    for lang in ("zh", "en")
]
REQUIRED = {"accessibility": 100, "best-practices": 100, "seo": 100}


@pytest.fixture(scope="module")
def lighthouse_report(built_site):
    server, url = serve.start(built_site)
    try:
        result = subprocess.run(
            [
                "node",
                str(ROOT / "scripts" / "lighthouse_audit.mjs"),
                "--categories=" + ",".join(REQUIRED),
                *(url + path for path in PATHS),
            ],
            cwd=ROOT,
            env=dict(os.environ, CHROMIUM=CHROMIUM),
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    return {path: report[url + path] for path in PATHS}


@pytest.mark.parametrize("path", PATHS)
def test_lighthouse_scores(lighthouse_report, path):
    entry = lighthouse_report[path]
    assert entry["runtimeError"] is None, entry["runtimeError"]
    print(f"\n{path}: {entry['scores']}")
    low = {k: v for k, v in entry["scores"].items() if v < REQUIRED[k]}
    assert not low, f"{path}: {low}; failing audits: {entry['failing']}"
    serious = [v for v in entry["axe"] if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{path}: axe at 412 px: {serious}"
