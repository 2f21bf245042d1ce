"""mkdocs hooks for RNN Notes: each event forwards to the tested code in scripts/rnnnotes/."""

from __future__ import annotations

import atexit
import json
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from jinja2 import FileSystemBytecodeCache  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from rnnnotes import a11y, animations, downloads, fences, figures, layout, notebooks, search_math, search_sections  # noqa: E402
from rnnnotes.cache import Cache, cached_highlighter, install_search_cache, write_atomically  # noqa: E402
from rnnnotes.pages import LANGUAGES, compare_models, page_pairs, parse_docs  # noqa: E402
from rnnnotes import languages, page_extension  # noqa: E402
from rnnnotes.page_model import PageError, parse_page  # noqa: E402
from rnnnotes.katex import KatexRenderer, TexError, render_page_math, subset_math_font  # noqa: E402
from rnnnotes.runner import SnippetError, SnippetRunner  # noqa: E402

CACHE_ROOT = Path(os.environ.get("RNN_NOTES_CACHE", ROOT / ".cache"))  # git-ignored
GENERATED = CACHE_ROOT / "generated"  # figures land here; mkdocs copies them into the site
MATH_FONT_URI = "assets/fonts/math.woff2"  # extra.css declares it
DEFAULT_LANGUAGE = LANGUAGES[0]

log = logging.getLogger("mkdocs.hooks.rnnnotes")
_runner: SnippetRunner | None = None
_katex: KatexRenderer | None = None
_cache = Cache(CACHE_ROOT)  # snippet runs, figures, math, highlighted code, search entries, notebooks
_build: page_extension.Build | None = None  # what every page's build shares (runner, highlighter, sizes)
_models: dict = {}  # every page's model (rnnnotes.page_model.Page), by its path in docs/, read in on_config
_search_terms: list = []  # the Chinese tags: jieba's extra words, kept whole in the search index (search_sections)
_models_read_from: list = []  # the files they were read from: (path, mtime, size) of every page and snippet


def _close() -> None:
    for tool in (_runner, _katex):
        if tool is not None:
            tool.close()
    _cache.end_build()  # a build that stopped early still records what it used


atexit.register(_close)


def _snippets_dir(config) -> Path:
    """The folder pymdownx.snippets includes from: the one source of truth for where snippets live."""
    base = Path(config.mdx_configs["pymdownx.snippets"]["base_path"][0])
    return (base if base.is_absolute() else Path(config.config_file_path).parent / base).resolve()


def on_config(config, **kwargs):
    global _runner, _katex, _build, _models
    _cache.begin_build()
    snippets = _snippets_dir(config)
    problems = layout.Layout(snippets).problems()
    if problems:
        raise PluginError("snippets/ breaks its layout (scripts/rnnnotes/layout.py):\n" + "\n".join(problems))
    sources = [(path, path.stat().st_mtime_ns, path.stat().st_size)
               for path in sorted(Path(config.docs_dir).rglob("*.md")) + layout.Layout(snippets).files()]
    if sources != _models_read_from:  # each language's build, and a rebuild after an edit elsewhere, reuse them
        try:
            _models = parse_docs(Path(config.docs_dir), snippets)
        except PageError as error:
            raise PluginError(str(error)) from None
        _models_read_from[:] = sources
    problems = compare_models(Path(config.docs_dir), _models)
    if problems:
        raise PluginError("the two languages of a page differ:\n" + "\n".join(problems))
    if _runner is None or _runner.snippets_dir != snippets:
        _runner = SnippetRunner(snippets, _cache)
    _katex = _katex or KatexRenderer(ROOT, _cache)
    highlight_settings = json.dumps(config.mdx_configs.get("pymdownx.highlight", {}), sort_keys=True, default=str)
    _build = page_extension.Build(
        runner=_runner, snippets_dir=snippets,
        highlight=cached_highlighter(fences.pygments_html, _cache, salt=highlight_settings),
    )
    _search_terms[:] = search_sections.chinese_terms([tag for model in _models.values() for tag in model.tags])
    install_search_cache(_cache, _search_terms, before_indexing=lambda: search_sections.add_words(_search_terms))
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    custom = superfences.setdefault("custom_fences", [])
    if not any(entry.get("name") == "python" for entry in custom):
        custom.append(fences.superfences_entry())
    if page_extension.NAME not in config.markdown_extensions:
        config.markdown_extensions.append(page_extension.NAME)
    config.mdx_configs[page_extension.NAME] = {}
    return config


def _prefetch(index: layout.Layout) -> None:
    """Run every uncached fence and figure of every page, in parallel, before pages are rendered."""
    jobs = [_runner.figure_request(module) for module in index.figure_modules()]
    jobs += [_runner.animation_request(module) for module in index.animation_modules()]
    for model in _models.values():
        jobs += [_runner.code_request(fence.code, str(fence.origin)) for fence in model.run_fences]
    _runner.prefetch(list({json.dumps(job, sort_keys=True): job for job in jobs}.values()))


def on_files(files, config, **kwargs):
    index = layout.Layout(_build.snippets_dir)
    _prefetch(index)
    for module in index.figure_modules():
        try:
            svg, dark = _runner.make_figure(module), _runner.make_dark_figure(module)
        except SnippetError as error:
            raise PluginError(f"figure {module}: {error}") from None
        _build.figure_sizes[module] = figures.svg_size(svg)
        if width := figures.readable_width(svg):
            _build.figure_min_widths[module] = width
        files.append(_generated(config, f"figures/{module}.svg", svg))
        files.append(_generated(config, f"figures/{figures.dark_name(module)}", dark))
    for module in index.animation_modules():
        try:
            svg, still = _runner.make_animation(module)
            svg_dark, still_dark = _runner.make_dark_animation(module)
        except SnippetError as error:
            raise PluginError(f"animation {module}: {error}") from None
        files.append(_generated(config, f"figures/{module}.svg", svg))
        files.append(_generated(config, animations.still_uri(module), still))
        files.append(_generated(config, f"figures/{figures.dark_name(module)}", svg_dark))
        files.append(_generated(config, animations.still_uri(module, dark=True), still_dark))
        _build.animation_sizes[module] = figures.svg_size(svg)
    drawn = {index.file_of(module) for module in index.figure_modules() + index.animation_modules()}
    shown = {file for model in _models.values() for file in model.files_shown(index)}
    for name in downloads.published_snippets(sorted(shown | drawn), _build.snippets_dir):
        files.append(File.generated(config, layout.site_uri(name), abs_src_path=str(index.path(name))))
    for name in sorted(shown | drawn):
        imports = downloads.imported_snippets(name, _build.snippets_dir)
        if imports:
            files.append(_generated(config, layout.site_uri(downloads.bundle_name(name)),
                                    downloads.bundle_bytes(name, imports, _build.snippets_dir)))
    return files


def _generated(config, uri: str, data: str | bytes) -> File:
    """A file made by the build, written under .cache/ (never into docs/), then served at ``uri``."""
    path = GENERATED / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    content = data.encode("utf-8") if isinstance(data, str) else data
    if not path.is_file() or path.read_bytes() != content:
        write_atomically(path, content)
    return File.generated(config, uri, abs_src_path=str(path))


def on_env(env, config, files, **kwargs):
    """Compiled theme templates are kept between builds: a rebuild then skips compiling Material's."""
    folder = CACHE_ROOT / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def _model(page, markdown):
    """The page's model from on_config, or, if the file changed since, the page parsed again."""
    model = _models.get(page.file.src_uri)
    if model is None or model.text != page.file.content_string:
        front_line = notebooks.first_line(page.file.content_string, markdown)
        try:
            model = parse_page(markdown, name=f"docs/{page.file.src_uri}", snippets_dir=_build.snippets_dir,
                               front=page.meta, first_line=front_line)
        except PageError as error:
            raise PluginError(str(error)) from None
        model.text = page.file.content_string
    return model


def on_page_markdown(markdown, page, config, **kwargs):
    """The page's model goes to the Markdown instance mkdocs makes for this page (page_extension)."""
    model = _model(page, markdown)
    language = languages.language_of(page.file.src_uri, DEFAULT_LANGUAGE)
    config.mdx_configs[page_extension.NAME] = {"page": page_extension.PageBuild(
        build=_build, model=model, url=page.url, language=language,
        first_line=notebooks.first_line(model.text, markdown),
    )}
    page.meta[notebooks.META_KEY] = notebooks.download_for(page.file.src_uri, model, LANGUAGES)
    # The headings' permalink title in the page's language (toc's setting is one for the whole site).
    config.mdx_configs["toc"]["permalink_title"] = {"zh": "本节链接"}.get(language, "Permanent link")
    return markdown


def on_page_content(html, page, config, **kwargs):
    """The page's notebook, from its Markdown and the outputs its fences just produced (all cached)."""
    config.mdx_configs[page_extension.NAME] = {}  # the next page gets its own
    link = page.meta.get(notebooks.META_KEY)
    if link:
        try:
            text = notebooks.page_notebook(
                page.markdown, _model(page, page.markdown), page=link["page"], lang=link["lang"],
                default=DEFAULT_LANGUAGE, title=page.title, site_url=notebooks.link_base(config.site_url),
                sources=notebooks.Sources(_runner, _build.snippets_dir), kept=_cache,
            )
        except (notebooks.NotebookError, SnippetError) as error:
            raise PluginError(f"docs/{page.file.src_uri}: notebook: {error}") from None
        notebooks.write(Path(config.site_dir), link["href"], text)
    return html


def on_post_page(output, page, config, **kwargs):
    try:
        output = render_page_math(output, _katex)
    except TexError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    lang = languages.language_of(page.file.src_uri, DEFAULT_LANGUAGE)
    output = a11y.focusable_code(a11y.label_search_dialog(output, lang))
    return languages.point_base_at_language_root(output, lang, DEFAULT_LANGUAGE)


def on_template_context(context, template_name, config, **kwargs):
    """The 404 page's language switcher leads to the two home pages. mkdocs-static-i18n keeps the switcher's
    entries per page as an attribute of ``config.extra`` (which the template reads before the item)."""
    if template_name == "404.html":
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        if alternates:
            config.extra.alternate = languages.home_alternates(alternates, config.site_url, DEFAULT_LANGUAGE)
    return context


def on_post_template(output, template_name, config, **kwargs):
    if template_name == "404.html":
        return a11y.label_search_dialog(output, DEFAULT_LANGUAGE)
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the search index
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    if not (site / "assets").is_dir():  # the nested build of one language: the root build finishes the site
        return
    try:  # before the index is split by language, and while the renderer's cache is still to be saved
        search_math.render_index_math(site / "search" / "search_index.json", _katex.render)
    except TexError as error:
        raise PluginError(f"search index: {error}") from None
    font = subset_math_font(_katex.math_font(), _katex.characters, _cache)
    (site / MATH_FONT_URI).parent.mkdir(parents=True, exist_ok=True)
    (site / MATH_FONT_URI).write_bytes(font)
    languages.split_search_index(site, list(LANGUAGES), DEFAULT_LANGUAGE)
    for lang in LANGUAGES:
        index = site / languages.language_prefix(lang, DEFAULT_LANGUAGE) / "search" / "search_index.json"
        search_sections.tune_index(index, _search_terms)
    pairs, _ = page_pairs(Path(config.docs_dir))
    urls = languages.page_urls(pairs, DEFAULT_LANGUAGE)
    languages.write_sitemaps(site, config.site_url or "/", urls, DEFAULT_LANGUAGE)
    stats = _cache.end_build()
    if stats:
        log.info(f"rnnnotes: {_runner.executed} snippet runs so far in this process; cache: {stats}")


def on_shutdown(**kwargs):
    _close()
