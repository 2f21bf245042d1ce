"""Shared fixtures: the snippet import path, the fences the fence tests run, one strict build, a server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# The build, the standalone runs, the notebooks and the fence tests share the models that snippets train
# (snippets/common/trained.py): each trains once per content, in whichever asks first.
os.environ.setdefault(
    "RNN_NOTES_TRAINED",
    str(Path(os.environ.get("RNN_NOTES_CACHE", ROOT / ".cache")) / "trained"),
)

from rnnnotes import layout  # noqa: E402
from rnnnotes.fresh import fresh_start  # noqa: E402  (records NumPy's print options before any test)
from rnnnotes.page_model import parse_file, parse_page  # noqa: E402

SNIPPETS = layout.ROOT
# Every snippet folder on the import path, as the build's worker has them: tests import snippets by name.
sys.path[:0] = [str(folder) for folder in layout.Layout(SNIPPETS).folders()]

CHROMIUM = os.environ.get(
    "CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium"
)


# -- pytest-markdown-docs: fences are tested as the reader sees them, from the page model ----------


class _PageModelParser:
    """What pytest-markdown-docs reads a page with: one fence token per fence the page model says runs
    (rnnnotes.page_model decides, for the build and the notebooks too), holding the code the page shows,
    expanded from the include's origin, at the fence's line in the file."""

    def parse(self, text, env=None):
        from markdown_it.token import Token

        page = parse_page(text, name="the page", snippets_dir=SNIPPETS)
        return [
            Token(
                "fence",
                "code",
                0,
                info="python",
                content=fence.code + "\n",
                map=[fence.line - 1, fence.end - 1],
            )
            for fence in page.run_fences
        ]


@pytest.hookimpl
def pytest_markdown_docs_markdown_it():
    return _PageModelParser()


@pytest.hookimpl
def pytest_markdown_docs_globals():
    """A fence runs as the build runs it: as a script, so `if __name__ == "__main__":` blocks run too."""
    return {"__name__": "__main__"}


@pytest.hookimpl(trylast=True)  # after -k and -m: only what will run counts
def pytest_collection_modifyitems(config, items):
    """A fence runs once per distinct code. The two languages of a page include the same snippets in the
        same order (test_page_pairs.py), so the second copy of a fence would run the very same code again with
        the same fresh globals: it is deselected, and the report counts it. So is a fence that is one whole
        snippet file while test_snippets_standalone.py is in the run: that test runs the same file as
        ``__main__`` in a process and a folder of its own, which is the stricter check (and the stateful
        chapter's models, for one, would otherwise train twice). Fences of a file's section still run here.

    Then the files are ordered (LONGEST_FIRST) and, when a test needs the built site, the strict build
    starts in a thread of its own."""
    standalone = any(
        item.path.name == "test_snippets_standalone.py" for item in items
    )
    whole_files = (
        {
            p.read_text(encoding="utf-8").strip("\n")
            for p in layout.Layout(SNIPPETS).files()
        }
        if standalone
        else set()
    )
    seen, kept, repeated = set(), [], []
    for item in items:
        code = getattr(item, "code", None)
        if code is not None and item.path.suffix == ".md":
            code = code.lstrip(
                "\n"
            )  # the fence's code is padded with blank lines up to its line number
            if code in seen or code.strip("\n") in whole_files:
                repeated.append(item)
                continue
            seen.add(code)
        kept.append(item)
    if repeated:
        config.hook.pytest_deselected(items=repeated)
        items[:] = kept
    builds = any(
        "built_site" in getattr(item, "fixturenames", ()) for item in items
    )
    for item in items:
        if (
            item.path.suffix == ".md"
            and getattr(item, "code", None) is not None
        ):
            item.runtest = functools.partial(
                _run_fence, item, item.runtest, builds
            )
    needs_site = {  # the fence tests wait for the build too (_run_fence)
        item.path
        for item in items
        if "built_site" in getattr(item, "fixturenames", ())
        or (builds and item.path.suffix == ".md")
    }
    items.sort(
        key=lambda item: (
            item.path in needs_site,
            LONGEST_FIRST.get(item.path.name, len(LONGEST_FIRST)),
        )
    )
    if builds and not config.option.collectonly:
        # the build starts now, and the files that need no site run meanwhile
        threading.Thread(
            target=_site_built, args=(config,), daemon=True
        ).start()


CACHE = Path(
    os.environ.get("RNN_NOTES_CACHE", ROOT / ".cache")
)  # the build's cache (rnnnotes.cache)


@functools.cache
def _builds_runner():
    from rnnnotes.runner import SnippetRunner

    return SnippetRunner(
        SNIPPETS, CACHE
    )  # reads the cache only: it starts no worker here


def _run_fence(item, run_fence, builds: bool) -> None:
    """A fence test. It starts as the build's worker starts a fence (rnnnotes.fresh.fresh_start) and
    leaves nothing behind for the test after it. (Done here rather than in a fixture: this file's
    fixtures reach only tests under tests/, and the fences are collected from docs/.)

    When the run builds the site too (a test uses ``built_site``), the fence may take the build's word:
    once that strict build has passed, every fence of every page ran in it without error, through
    rnnnotes.runner, whose cache holds a result only for a run that did not raise, keyed by the fence's
    code, its origin, the library versions and the worker's code, and kept only while the snippet
    files the run imported are unchanged. A fence whose identical code has such a result passes
    without running TensorFlow a second time. If the build failed, or the fence has no such result,
    the fence runs here, and a fence that raises fails this test, which names its page."""
    if builds and _site_built(item.config):
        code = item.code.strip("\n")
        origins = {
            str(fence.origin)
            for fence in parse_file(item.path, snippets_dir=SNIPPETS).run_fences
            if fence.code.strip("\n") == code
        }
        if any(
            _builds_runner().ran_cleanly(code, origin) for origin in origins
        ):
            return
    fresh_start(SNIPPETS)
    try:
        run_fence()
    finally:
        fresh_start(SNIPPETS)


# The order the xdist workers take files in (pytest.ini: --no-loadscope-reorder). The site's build
# starts in the background as the run starts (pytest_collection_modifyitems), so the files that need
# no built site go first: on a fresh clone, whose build trains every model, they fill the workers
# meanwhile. Among each group the files that take longest go first, so that they overlap with the rest
# instead of running alone at the end.
LONGEST_FIRST = {
    name: rank
    for rank, name in enumerate(
        [
            "test_snippets_standalone.py",  # every snippet in a folder of its own
            "test_notebooks.py",  # every chapter's notebook in a kernel
            "test_browser.py",  # every page in Chromium
            "test_reader.py",  # every page at two widths
        ]
    )
}


def render_page(
    text: str,
    snippets: Path,
    *,
    figure_sizes=None,
    animation_sizes=None,
    language="en",
    url="en/page/",
) -> str:
    """``text`` converted as the build converts a page (its model and its Markdown extension), without
    mkdocs: links stay as written, and python fences are not run."""
    import markdown

    from rnnnotes.page_extension import Build, PageBuild, PageExtension

    model = parse_page(text, name="docs/page.md", snippets_dir=snippets)
    build = Build(
        runner=None,
        snippets_dir=snippets,
        figure_sizes=figure_sizes or {},
        animation_sizes=animation_sizes or {},
    )
    page = PageBuild(
        build=build, model=model, url=url, language=language, first_line=1
    )
    return markdown.markdown(
        text, extensions=["attr_list", "md_in_html", PageExtension(page=page)]
    )


def made_by_two_cold_runners(snippets, tmp_path, make) -> list:
    """``make(runner)`` twice, each time with a new SnippetRunner on an empty cache of its own
    (``tmp_path/cache0``, ``tmp_path/cache1``): a reproducible build needs the two results equal."""
    from rnnnotes.runner import SnippetRunner

    results = []
    for attempt in range(2):
        runner = SnippetRunner(snippets, tmp_path / f"cache{attempt}")
        results.append(make(runner))
        runner.close()
    return results


def assert_shape_error(function, arguments, name, expected, actual):
    """``function(**arguments)`` raises ValueError naming the argument, the expected and the actual shape."""
    with pytest.raises(ValueError) as error:
        function(**arguments)
    message = str(error.value)
    assert message.startswith(f"{name}:"), message
    assert f"expected shape {expected}" in message, message
    assert f"got {actual}" in message, message


def assert_page_cites_keras_lines(page, path, first, last, text):
    """Both languages of docs/<page> cite lines ``first``–``last`` of ``path`` under the installed
    Keras' keras/src ("lines 850–868", "第 850–868 行"; one line: "line 692"), and line ``first``
    there reads ``text``: a Keras release that moves the cited code fails here, naming the span."""
    import keras

    source = Path(keras.__file__).parent / "src" / path
    lines = source.read_text(encoding="utf-8").splitlines()
    assert last <= len(lines), f"{path} has {len(lines)} lines"
    assert lines[first - 1].strip() == text, (path, first)
    span = f"{first}–{last}" if last > first else f"{first}"
    english = re.sub(
        r"\s+", " ", (DOCS / f"{page}.en.md").read_text(encoding="utf-8")
    )
    assert re.search(rf"\blines? (\S+ and )?{span}\b", english), span
    chinese = (DOCS / f"{page}.zh.md").read_text(encoding="utf-8")
    assert f"第 {span} 行" in chinese, span


# -- a strict build of the real site, shared by the build and browser tests ----------------------


def build_site(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TF_CPP_MIN_LOG_LEVEL="3")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _strict_build(site: Path) -> None:
    result = build_site(ROOT / "mkdocs.yml", site)
    log = result.stdout + result.stderr
    assert result.returncode == 0, (
        f"mkdocs build --strict failed:\n{log[-6000:]}"
    )
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert not warnings, "\n".join(warnings)


_SITE: dict = {}  # this process's answer: the built site's folder, or the build's failure
_SITE_LOCK = (
    threading.Lock()
)  # the build starts in a thread of its own (pytest_collection_modifyitems)


def _shared_site(config) -> Path:
    """The site, built once per run. The suite runs on pytest-xdist workers (pytest.ini): the first
    to need the site builds it, the others wait for that build and read the same folder."""
    with _SITE_LOCK:
        return _build_once(config)


def _build_once(config) -> Path:
    if "site" in _SITE:
        return _SITE["site"]
    if "error" in _SITE:
        raise _SITE["error"]
    factory = config._tmp_path_factory
    try:
        if not hasattr(config, "workerinput"):  # run with -n 0
            site = factory.mktemp("site")
            _strict_build(site)
        else:
            from filelock import FileLock

            shared = factory.getbasetemp().parent
            site, done = shared / "site", shared / "site.built"
            with FileLock(str(shared / "site.lock")):
                if not done.is_file():
                    shutil.rmtree(site, ignore_errors=True)
                    _strict_build(site)
                    done.touch()
    except Exception as error:  # a failed or timed-out build: every later ask gets the same answer
        _SITE["error"] = error
        raise
    _SITE["site"] = site
    return site


def _site_built(config) -> bool:
    """Whether this run's strict build passed (building it now if no test has yet)."""
    try:
        _shared_site(config)
    except Exception:  # the build failed: the tests that use the site report it
        return False
    return True


@pytest.fixture(scope="session")
def built_site(pytestconfig) -> Path:
    """The site, built once per run by a strict build (see _shared_site)."""
    return _shared_site(pytestconfig)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium package"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# -- Material's colour schemes ------------------------------------------------------------------


def scheme_context(browser, scheme: str, **options):
    """A browser context whose pages open in Material's ``scheme`` ("default" or "slate"): on a reader's
    first visit Material's palette follows the system's preference, which the context emulates."""
    return browser.new_context(
        color_scheme={"default": "light", "slate": "dark"}[scheme], **options
    )


def assert_script_remakes(script, package, committed, tmp_path):
    """scripts/``script``, run on the unpacked package, writes the committed
    data file byte for byte."""
    out = tmp_path / "subset.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), str(package)]
        + ["--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == committed.read_bytes()


def outputs_from_the_store_and_from_scratch(chapter, script, tmp_path, **env):
    """``snippets/<chapter>/<script>`` run twice in fresh processes: reading the
    shared trained results, then training again with an empty folder
    (``tmp_path/trained``). Both runs must succeed; returns their outputs."""
    env = dict(
        os.environ,
        TF_CPP_MIN_LOG_LEVEL="3",
        PYTHONPATH=os.pathsep.join(
            [str(SNIPPETS / chapter), str(SNIPPETS / "common")]
        ),
        **env,
    )
    runs = []
    for folder in (os.environ["RNN_NOTES_TRAINED"], str(tmp_path / "trained")):
        done = subprocess.run(
            [sys.executable, str(SNIPPETS / chapter / script)],
            cwd=tmp_path,
            env=dict(env, RNN_NOTES_TRAINED=folder),
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        runs.append(done.stdout)
    return runs
