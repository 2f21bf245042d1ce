"""Lighthouse (pinned in package.json), mobile profile, served with gzip: accessibility, best practices and
SEO score 100 on the home page and on the longest chapter, in both languages.

A Lighthouse run takes about 15 s a page here, so the suite audits these four; axe-core
(test_accessibility.py) covers every page. `make bench` runs Lighthouse on every page, performance
included: a score that is a timing belongs to the benchmark, not to a test."""

import json
import os
import subprocess

import pytest

from conftest import CHROMIUM, DOCS, ROOT

from rnnnotes import serve

LONGEST = max(DOCS.glob("*.en.md"), key=lambda p: p.stat().st_size).name.split(".")[0]
PATHS = [
    ("/" if lang == "zh" else "/en/") + ("" if name == "index" else f"{name}/")
    for name in ("index", LONGEST)
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
