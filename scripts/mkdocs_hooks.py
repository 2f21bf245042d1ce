"""mkdocs hooks for RNN Notes: each event forwards to the tested code in scripts/rnnnotes/."""

from __future__ import annotations

import atexit
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from rnnnotes import fences  # noqa: E402
from rnnnotes.pages import compare_pages  # noqa: E402
from rnnnotes.katex import KatexRenderer, TexError, render_page_math  # noqa: E402
from rnnnotes.runner import SnippetError, SnippetRunner  # noqa: E402
from rnnnotes.snippet_index import SnippetIndex  # noqa: E402

CACHE = ROOT / ".cache" / "snippets"
GENERATED = ROOT / ".cache" / "generated"  # figures land here; mkdocs copies them into the site
KATEX_DIR = "assets/katex"

_runner: SnippetRunner | None = None
_katex: KatexRenderer | None = None


def _close() -> None:
    for tool in (_runner, _katex):
        if tool is not None:
            tool.close()


atexit.register(_close)


def _snippets_dir(config) -> Path:
    """The folder pymdownx.snippets includes from: the one source of truth for where snippets live."""
    base = Path(config.mdx_configs["pymdownx.snippets"]["base_path"][0])
    return (base if base.is_absolute() else Path(config.config_file_path).parent / base).resolve()


def on_config(config, **kwargs):
    global _runner, _katex
    problems = compare_pages(Path(config.docs_dir))
    if problems:
        raise PluginError("the two languages of a page differ:\n" + "\n".join(problems))
    snippets = _snippets_dir(config)
    if _runner is None or _runner.snippets_dir != snippets:
        _runner = SnippetRunner(snippets, CACHE)
    _katex = _katex or KatexRenderer(ROOT)
    fences.CONTEXT = fences.BuildContext(runner=_runner, index=SnippetIndex(snippets))
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    custom = superfences.setdefault("custom_fences", [])
    if not any(entry.get("name") == "python" for entry in custom):
        custom.append(fences.superfences_entry())
    return config


def on_files(files, config, **kwargs):
    ctx = fences.CONTEXT
    for module in ctx.index.figure_modules():
        try:
            svg = _runner.make_figure(module)
        except SnippetError as error:
            raise PluginError(f"figure {module}: {error}") from None
        files.append(_generated(config, f"figures/{module}.svg", svg))
    files.append(_generated(config, f"{KATEX_DIR}/katex.css", _katex.stylesheet()))
    for font in _katex.fonts():
        files.append(File.generated(config, f"{KATEX_DIR}/fonts/{font.name}", abs_src_path=str(font)))
    return files


def _generated(config, uri: str, text: str) -> File:
    """A file made by the build, written under .cache/ (never into docs/), then served at ``uri``."""
    path = GENERATED / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return File.generated(config, uri, abs_src_path=str(path))


def on_page_markdown(markdown, page, config, **kwargs):
    fences.CONTEXT.page = f"docs/{page.file.src_uri}"
    fences.CONTEXT.language = fences.language_of(page.file.src_uri, config.theme["language"])
    return markdown


def on_post_page(output, page, config, **kwargs):
    try:
        return render_page_math(output, _katex)
    except TexError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None


def on_shutdown(**kwargs):
    _close()
