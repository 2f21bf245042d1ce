"""Every chapter as a Jupyter notebook: made from the page, the same code in both languages, and it runs.

The built site's notebooks are checked against the pages: the code cells are the page's fences, in the
page's order, interleaved with its figures. The zh and en notebooks of a chapter have the same code
cells (but for the language of the labels the snippets print) and the same numbers, so one of them (the default language's) is executed per chapter, in a fresh kernel, in a folder
of its own (so nothing but the notebook itself provides the snippets/ modules), all chapters at once. Every cell
must run, print what the build printed, and every figure cell must show its figure once. The folder is
empty and the kernel is offline (a connection to any host but this one raises), as for a reader who
downloaded only the .ipynb: the notebook carries its modules and its data file, and its links lead to
the published site or nowhere.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from conftest import DOCS, SNIPPETS
from rnnnotes import labels, notebooks
from rnnnotes.page_model import Fence, Figure, parse_file, parse_page
from rnnnotes.pages import LANGUAGES, page_pairs

DEFAULT = LANGUAGES[0]
PAIRS, _ = page_pairs(DOCS)


def _has_notebook(path) -> bool:
    return notebooks.has_notebook(parse_file(path, snippets_dir=SNIPPETS))


CHAPTERS = [
    name for name, files in PAIRS.items() if _has_notebook(files[DEFAULT])
]
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def notebook_path(site, name, lang):
    return site / notebooks.FOLDER / f"{name}.{lang}.ipynb"


def read(site, name, lang):
    return nbformat.read(notebook_path(site, name, lang), as_version=4)


def role(cell) -> tuple[str, str] | None:
    """("code", source) for a page fence, ("figure", module) for a figure cell, None otherwise."""
    meta = cell.metadata.get(notebooks.CELL_META, {})
    if "snippet" in meta:
        return "code", cell.source
    if "figure" in meta:
        return "figure", meta["figure"]
    return None


def page_sequence(path) -> list[tuple[str, str]]:
    """The page's run fences (includes expanded) and figures, in page order, from the page model."""
    found = []
    for block in parse_file(path, snippets_dir=SNIPPETS).blocks:
        if isinstance(block, Fence) and block.runs:
            found.append(("code", block.code))
        elif (
            isinstance(block, Figure) and block.kind == "figure" and block.alone
        ):
            found.append(
                ("figure", block.module)
            )  # an animation stays an image in the prose
    return found


def printed(outputs) -> str:
    """What a cell printed: stdout, and the text of rich displays (a Keras summary in a kernel is one)."""
    text = []
    for output in outputs:
        if output.output_type == "stream" and output.name == "stdout":
            text.append(output.text)
        elif output.output_type in ("display_data", "execute_result"):
            if not any(kind.startswith("image/") for kind in output.data):
                text.append(ANSI_RE.sub("", output.data.get("text/plain", "")))
    return "".join(text)


# -- the notebooks in the built site ---------------------------------------------------------------


def test_chapters_are_found():
    assert {"rnn", "lstm", "gru"} <= set(CHAPTERS)
    assert "index" not in CHAPTERS and "glossary" not in CHAPTERS


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(PAIRS))
def test_each_chapter_has_a_download_button_for_its_notebook(
    built_site, name, lang
):
    prefix = "" if lang == DEFAULT else f"{lang}/"
    page = (
        built_site / prefix / ("" if name == "index" else name) / "index.html"
    )
    buttons = re.findall(
        r'<a class="rn-notebook" href="([^"]+)" download="([^"]+)"[^>]*>(.*?)</a>',
        page.read_text(encoding="utf-8"),
        re.DOTALL,
    )
    if name not in CHAPTERS:
        assert (
            buttons == [] and not notebook_path(built_site, name, lang).exists()
        )
        return
    assert len(buttons) == 1, buttons
    href, filename, inner = buttons[0]
    assert filename == f"{name}.{lang}.ipynb"
    assert (page.parent / href).resolve() == notebook_path(
        built_site, name, lang
    ).resolve()
    assert f"<span>{notebooks.LABEL[lang]}</span>" in inner


def test_the_notebook_folder_holds_exactly_the_chapters(built_site):
    expected = {
        f"{name}.{lang}.ipynb" for name in CHAPTERS for lang in LANGUAGES
    }
    assert {
        p.name for p in (built_site / notebooks.FOLDER).iterdir()
    } == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", CHAPTERS)
def test_code_cells_are_the_pages_fences_and_figures_in_order(
    built_site, name, lang
):
    notebook = read(built_site, name, lang)
    nbformat.validate(notebook)
    cells = [r for r in map(role, notebook.cells) if r]
    assert cells == page_sequence(PAIRS[name][lang])
    assert notebook.metadata[notebooks.CELL_META]["language"] == lang
    assert len({cell.id for cell in notebook.cells}) == len(notebook.cells)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            assert (
                "{ #" not in cell.source
                and "--8<--" not in cell.source
                and "!!! " not in cell.source
            )


NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*(?:e[-+]?\d+)?")


@pytest.mark.parametrize("name", CHAPTERS)
def test_both_languages_have_the_same_code_and_outputs(built_site, name):
    """The same code (the setup cell differs only in the language the snippets' labels print in:
    rnnnotes.labels), and outputs that differ at most in their words, never in a number."""

    def code(notebook, lang):
        setting = f'os.environ["{labels.LANGUAGE_ENV}"] = "{lang}"\n'
        cells = [c for c in notebook.cells if c.cell_type == "code"]
        assert setting in cells[0].source
        return [
            (
                c.source.replace(setting, ""),
                sorted(NUMBER_RE.findall(printed(c.outputs))),
            )
            for c in cells
        ]

    zh, en = (read(built_site, name, lang) for lang in LANGUAGES)
    assert code(zh, "zh") == code(en, "en")
    assert [c.cell_type for c in zh.cells].count("markdown") == [
        c.cell_type for c in en.cells
    ].count("markdown")


# -- every chapter runs top to bottom in a fresh kernel --------------------------------------------


@dataclass
class Run:
    stored: nbformat.NotebookNode
    executed: nbformat.NotebookNode
    size: int  # bytes of the .ipynb
    seconds: float  # wall time, kernel start to shutdown, while the other chapters run too
    cpu: float  # CPU seconds of the kernel process: what the chapter costs on its own
    error: str | None


async def _execute(path, cwd, env) -> Run:
    import psutil
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    stored = nbformat.read(path, as_version=4)
    executed = nbformat.read(path, as_version=4)
    assert not any(cwd.iterdir()), f"{cwd} is not empty"
    client = NotebookClient(
        executed,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        extra_arguments=["--HistoryManager.enabled=False"],
    )
    cpu = [0.0]

    def kernel_cpu(**_):
        times = psutil.Process(client.km.provisioner.process.pid).cpu_times()
        cpu[0] = times.user + times.system

    client.on_cell_complete = kernel_cpu
    start = time.perf_counter()
    error = None
    try:
        await client.async_execute(env=env)
    except CellExecutionError as failure:
        error = str(failure)
    return Run(
        stored,
        executed,
        path.stat().st_size,
        time.perf_counter() - start,
        cpu[0],
        error,
    )


# The kernel's Python starts with this (sitecustomize): it may talk to this machine (the kernel's own
# channels are ZeroMQ sockets, outside Python's socket module), to no other host.
OFFLINE = """
import socket

_connect = socket.socket.connect


def _local_only(self, address):
    host = address[0] if isinstance(address, tuple) else ""
    if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
        raise OSError(f"offline: a notebook connected to {address}")
    return _connect(self, address)


socket.socket.connect = _local_only
"""


@pytest.fixture(scope="module")
def runs(built_site, tmp_path_factory) -> dict[str, Run]:
    """Each chapter's default-language notebook, executed, every chapter in its own kernel and folder.

    All kernels start at once and share the cores: no chapter waits for a slow one to finish."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MPLBACKEND", "PYTHONPATH")
    }
    env["IPYTHONDIR"] = str(
        tmp_path_factory.mktemp("ipython")
    )  # the inline backend is the kernel's default
    offline = tmp_path_factory.mktemp(
        "offline"
    )  # holds only sitecustomize.py: nothing to import from
    (offline / "sitecustomize.py").write_text(OFFLINE)
    env["PYTHONPATH"] = str(offline)
    # The project's install (pyproject.toml) lets any kernel import snippets/common/'s modules; a downloaded
    # notebook has only what it writes, so these kernels start without that finder.
    startup = Path(env["IPYTHONDIR"]) / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-without-the-project.py").write_text(
        "import sys\nsys.meta_path[:] = [f for f in sys.meta_path"
        " if not getattr(f, '__module__', '').startswith('__editable__')]\n"
    )

    async def run_all():
        jobs = [
            _execute(
                notebook_path(built_site, name, DEFAULT),
                tmp_path_factory.mktemp(name),
                env,
            )
            for name in CHAPTERS
        ]
        return dict(zip(CHAPTERS, await asyncio.gather(*jobs), strict=True))

    # A thread of its own: Playwright's sync API (the browser fixture) may already run a loop in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(lambda: asyncio.run(run_all())).result()


@pytest.mark.parametrize("name", CHAPTERS)
def test_notebook_runs_in_a_fresh_kernel_and_prints_what_the_page_shows(
    runs, name
):
    run = runs[name]
    assert run.error is None, run.error[-4000:]
    for stored, executed in zip(
        run.stored.cells, run.executed.cells, strict=True
    ):
        kind = role(stored)
        if kind and kind[0] == "code":
            assert printed(executed.outputs) == printed(stored.outputs), (
                stored.source[:200]
            )
        elif kind and kind[0] == "figure":
            images = [
                o
                for o in executed.outputs
                if any(k.startswith("image/") for k in o.get("data", {}))
            ]
            assert len(images) == 1, f"{kind[1]}: {len(images)} images"


def test_the_offline_guard_refuses_another_host(tmp_path):
    """The guard the kernels start with does refuse a connection to another host (a closed port on this
    machine is refused by the machine instead, not by the guard)."""
    import subprocess
    import sys

    (tmp_path / "sitecustomize.py").write_text(OFFLINE)
    probe = (
        "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=5)\n"
        "except OSError as error:\n    print(error)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=dict(os.environ, PYTHONPATH=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        "offline: a notebook connected to ('192.0.2.1', 80)" in done.stdout
    ), done


LINK_RE = re.compile(r"\]\(([^)\s]+)")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", CHAPTERS)
def test_a_downloaded_notebook_needs_nothing_from_the_site(
    built_site, name, lang
):
    """Away from the site: every link is an anchor of the notebook or leads to the published site (none
    when the build has no published address), the data files are carried by cells, the modules it
    writes hold no section markers, and the note says how to install the versions right before the
    ``pip`` line."""
    from mkdocs.config import load_config

    site = notebooks.link_base(
        load_config(str(DOCS.parent / "mkdocs.yml")).site_url
    )
    notebook = read(built_site, name, lang)
    for cell in notebook.cells:
        assert "--8<--" not in cell.source, cell.source[:200]
        if cell.cell_type == "markdown":
            for target in LINK_RE.findall(cell.source):
                assert (
                    target.startswith("#")
                    or (site and target.startswith(site))
                    or (
                        target.startswith("https://")
                        and "127.0.0.1" not in target
                    )
                ), (name, lang, target)
    head = notebook.cells[0].source
    before_pip = head.split("```bash")[0].rstrip()
    assert before_pip.endswith(("：", ":")), before_pip[-200:]
    carried = {
        c.metadata[notebooks.CELL_META]["setup"]
        for c in notebook.cells
        if "setup" in c.metadata.get(notebooks.CELL_META, {})
    }
    for data in notebook.metadata[notebooks.CELL_META].get("data", []):
        assert data in carried, data
        assert Path(data).name in head.split("```bash")[1], head


def test_without_a_published_site_links_keep_only_their_text(small):
    notebook = small(site_url="")
    intro = notebook.cells[4].source
    assert "a [local](#sec) one" in intro and "Intro with a link, a" in intro
    assert "A link whose text is code: `reset_after`, and math: $z_t$." in intro
    assert "An image logo inline." in intro
    assert notebook.cells[0].source.startswith("# Title")
    assert "](" not in notebook.cells[0].source.split("```bash")[0]


def test_a_data_file_is_carried_by_a_cell_without_section_markers(
    small, tmp_path
):
    """A module that reads a data file gets it written by a setup cell, byte for byte."""
    import base64
    import lzma

    folder = tmp_path / "snippets"
    (folder / "demo" / "demo_data.py").write_text(
        "# --8<-- [start:load]\nDATA = 1\n# --8<-- [end:load]\n"
    )
    (folder / "demo" / "demo_data.jsonl").write_bytes("诗\n".encode() * 1000)
    page = '# T\n\n```python\n--8<-- "demo/demo_data.py:load"\n```\n'
    model = parse_page(page, name="docs/this.md", snippets_dir=folder)
    parts = notebooks.page_parts(
        page, model, page="this", lang="en", default="zh", site_url=""
    )

    class Sources(FakeSources):
        def code_imports(self, part):
            return ["demo/demo_data.py"]

    cells = notebooks.make_notebook(
        parts, title="T", lang="en", url="/en/this/", sources=Sources(folder)
    ).cells
    setup = {
        c.metadata[notebooks.CELL_META].get("setup"): c.source
        for c in cells
        if c.cell_type == "code"
    }
    assert (
        setup["demo/demo_data.py"]
        == "%%writefile rnn_notes_snippets/demo_data.py\nDATA = 1"
    )
    packed = setup["demo/demo_data.jsonl"].split('"""')[1]
    assert lzma.decompress(base64.b64decode(packed)) == "诗\n".encode() * 1000
    assert "`demo_data.jsonl`" in cells[0].source.split("```bash")[1]


def test_report_notebook_sizes_and_run_times(runs):
    print(
        f"\n{'chapter':<10}{'bytes':>9}{'wall (s)':>10}{'kernel CPU (s)':>16}   "
        f"({DEFAULT}; {len(runs)} kernels at once on {os.cpu_count()} cores)"
    )
    for name, run in runs.items():
        print(f"{name:<10}{run.size:>9}{run.seconds:>10.1f}{run.cpu:>16.1f}")
    assert all(run.cpu > 0 for run in runs.values())


# -- the conversion, on a small page ---------------------------------------------------------------

PAGE = """# Title { #top }

Intro with a [link](other.md#x), a [local](#sec) one, $a_{t}$ and `code {: .x }`.
A link whose text is code: [`reset_after`](other.md#y), and math: [$z_t$](other.md#z).
An image ![logo](assets/logo.svg){ width="20" } inline.

!!! note "Careful"

    Body with $x$.

```python
--8<-- "common/helper.py"
```

![Alt text](figures/demo_fig_line.svg)

## Section { #sec }

```{.python notest}
broken()
```

```{.python output="markdown"}
--8<-- "demo/demo_table.py"
```
"""


class FakeSources:
    def __init__(self, folder):
        self.snippets_dir = folder

    def stdout(self, part):
        return "| a |\n|---|\n| 1 |\n" if "table" in part.origin else "42\n"

    def code_imports(self, part):
        return ["common/helper.py"]

    def svg(self, module):
        return "<svg/>"

    def figure_imports(self, module):
        return [f"demo/{module}.py", "common/helper.py"]


@pytest.fixture
def small(tmp_path):
    folder = tmp_path / "snippets"
    (folder / "common").mkdir(parents=True)
    (folder / "demo").mkdir()
    (folder / "common" / "helper.py").write_text("print(42)\n")
    (folder / "demo" / "demo_table.py").write_text("print('| a |')  # table\n")
    (folder / "demo" / "demo_fig_line.py").write_text(
        "def demo_fig_line():\n    pass\n"
    )

    def make(markdown=PAGE, lang="en", site_url="https://x.org/site/"):
        model = parse_page(markdown, name="docs/this.md", snippets_dir=folder)
        parts = notebooks.page_parts(
            markdown,
            model,
            page="this",
            lang=lang,
            default="zh",
            site_url=site_url,
        )
        url = notebooks.page_url("this", lang, "zh", site_url)
        return notebooks.make_notebook(
            parts,
            title="Title",
            lang=lang,
            url=url,
            sources=FakeSources(folder),
            site_url=site_url,
        )

    return make


def test_a_page_becomes_cells_in_order(small):
    cells = small().cells
    kinds = [(c.cell_type, c.metadata.get(notebooks.CELL_META)) for c in cells]
    assert kinds == [
        ("markdown", None),
        ("code", {"setup": "fresh-start"}),
        ("code", {"setup": "demo/demo_fig_line.py"}),
        ("code", {"setup": "common/helper.py"}),
        ("markdown", None),
        ("code", {"snippet": "common/helper.py"}),
        ("code", {"figure": "demo_fig_line"}),
        ("markdown", None),
        ("code", {"snippet": "demo/demo_table.py"}),
    ]
    head, _, _, writefile, intro, code, figure, section, table = cells
    assert head.source.startswith(
        '# Title <a id="top"></a>\n\n**About this notebook.**'
    )
    assert (
        "[Title](https://x.org/site/en/this/)" in head.source
        and "pip install numpy==" in head.source
    )
    assert (
        writefile.source
        == "%%writefile rnn_notes_snippets/helper.py\nprint(42)"
    )
    assert (
        "[link](https://x.org/site/en/other/#x)" in intro.source
        and "[local](#sec)" in intro.source
    )
    assert (
        "$a_{t}$ and `code {: .x }`." in intro.source
    )  # math and code spans untouched
    assert (
        "[`reset_after`](https://x.org/site/en/other/#y)" in intro.source
    )  # a code span in a link's text
    assert "[$z_t$](https://x.org/site/en/other/#z)" in intro.source
    assert (
        "![logo](https://x.org/site/assets/logo.svg) inline" in intro.source
    )  # attribute list dropped
    assert "> **Careful**\n>\n> Body with $x$." in intro.source
    assert code.source == "print(42)" and code.outputs[0].text == "42\n"
    assert code.execution_count == 4
    assert (
        figure.source
        == "from demo_fig_line import demo_fig_line\n\nfig = demo_fig_line()"
    )
    assert figure.outputs[0].data == {
        "image/svg+xml": "<svg/>",
        "text/plain": "Alt text",
    }
    assert (
        section.source
        == '## Section <a id="sec"></a>\n\n```python\nbroken()\n```'
    )
    assert table.outputs[0].output_type == "display_data"
    assert table.outputs[0].data["text/markdown"].startswith("| a |")


def test_the_same_page_gives_the_same_bytes_and_the_default_language_has_no_prefix(
    small,
):
    assert notebooks.notebook_text(small()) == notebooks.notebook_text(small())
    zh = small(lang="zh")
    assert "[link](https://x.org/site/other/#x)" in zh.cells[4].source
    assert zh.cells[0].source.split("\n\n")[1].startswith("**关于本笔记本**")

    def code(
        notebook, lang
    ):  # the same code but the language the snippets' labels print in
        setting = f'os.environ["{labels.LANGUAGE_ENV}"] = "{lang}"\n'
        return [
            c.source.replace(setting, "")
            for c in notebook.cells
            if c.cell_type == "code"
        ]

    assert code(zh, "zh") == code(small(), "en")


def test_code_that_cannot_be_a_cell_is_refused_with_its_line(small):
    nested = 'Text.\n\n!!! note\n\n    ```python\n    --8<-- "common/helper.py"\n    ```\n'
    with pytest.raises(
        notebooks.NotebookError, match=r"line 5: a python fence"
    ):
        small(nested)


def test_line_numbers_count_the_front_matter():
    source = "---\ndescription: x\n---\n\n# T\n"
    assert notebooks.first_line(source, "\n# T\n") == 4
    assert notebooks.first_line("# T\n", "# T\n") == 1


def test_pages_without_code_or_with_notebook_false_get_no_button(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "demo_x.py").write_text("print(1)\n")

    def model(text):
        return parse_page(text, name="docs/page.md", snippets_dir=tmp_path)

    assert (
        notebooks.download_for(
            "glossary.en.md", model("# Glossary\n\nWords.\n"), LANGUAGES
        )
        is None
    )
    code = '```python\n--8<-- "demo/demo_x.py"\n```\n'
    assert (
        notebooks.download_for(
            "index.zh.md",
            model("---\nnotebook: false\n---\n" + code),
            LANGUAGES,
        )
        is None
    )
    assert notebooks.download_for("lstm.en.md", model(code), LANGUAGES) == {
        "page": "lstm",
        "lang": "en",
        "href": "notebooks/lstm.en.ipynb",
        "filename": "lstm.en.ipynb",
        "label": "Download as Jupyter notebook",
    }
