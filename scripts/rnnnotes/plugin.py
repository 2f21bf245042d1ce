"""The MkDocs plugin of RNN Notes: it holds the build's state and only adapts
mkdocs' events to the package.

Installed from the repository by ``pyproject.toml`` (entry point
``mkdocs.plugins: rnnnotes``) and listed last in ``mkdocs.yml``'s plugins,
after ``search`` and ``i18n``. Everything a build keeps between events is an
attribute of the one :class:`RnnNotesPlugin` (mkdocs keeps it across the
rebuilds of ``mkdocs serve``, and mkdocs-static-i18n's nested build of the
other language uses it too): the cache, the snippet runner, the KaTeX renderer,
the page models, the :class:`~rnnnotes.page_extension.Build` every page shares,
and the page extension whose ``page`` is set before mkdocs converts each page.
The work is done by Python-Markdown extensions and formatters (a page's fences,
figures, tables, math) and by plain functions (running snippets ahead, figures,
downloads, notebooks, per-language search indexes and sitemaps) that another
builder can call.
"""

from __future__ import annotations

import atexit
import base64
import json
import logging
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from . import (
    a11y,
    animations,
    downloads,
    fences,
    figures,
    languages,
    layout,
    notebooks,
    page_extension,
    search_sections,
)
from .cache import (
    Cache,
    cached_highlighter,
    install_search_cache,
    write_atomically,
)
from .katex import KatexRenderer, subset_math_font
from .page_model import PageError, parse_page
from .pages import LANGUAGES, compare_models, page_pairs, parse_docs
from .runner import SnippetError, SnippetRunner

ROOT = (
    Path(__file__).resolve().parents[2]
)  # the repository (installed in editable mode): node_modules, .cache
MATH_FONT_URI = "assets/fonts/math.woff2"  # extra.css declares it
DEFAULT_LANGUAGE = LANGUAGES[0]
# Files the site serves that a snippet makes, a widget's data: uri -> (module, function returning bytes).
# Run in the snippet worker and cached like a fence's output (so a trained model costs nothing on a warm
# build); skipped when snippets/ has no such module (a test project's own snippets).
SNIPPET_ASSETS = {
    "assets/poem/poem-model.bin": (
        "poem_export",
        "site_model",
    ),  # poem-writer.js
}

log = logging.getLogger("mkdocs.plugins.rnnnotes")


def snippets_dir(config) -> Path:
    """The folder pymdownx.snippets includes from: the one source of truth for where snippets live."""
    base = Path(config.mdx_configs["pymdownx.snippets"]["base_path"][0])
    return (
        base
        if base.is_absolute()
        else Path(config.config_file_path).parent / base
    ).resolve()


class RnnNotesPlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        # snippet runs, figures, math, highlighted code, search entries, notebooks
        self.cache: Cache | None = None
        self.runner: SnippetRunner | None = None
        self.katex: KatexRenderer | None = None
        # what every page's conversion shares
        self.build: page_extension.Build | None = None
        # its ``page`` is the page being converted
        self.extension: page_extension.PageExtension | None = None
        # every page's model (rnnnotes.page_model.Page), by its path in docs/,
        # and the (path, mtime, size) of every page and snippet read for them
        self.models: dict = {}
        self.models_read_from: list = []

    @property
    def generated(self) -> Path:
        """Figures made by the build land here (git-ignored); mkdocs copies them into the site."""
        return self.cache.root / "generated"

    def on_config(self, config, **kwargs):
        if self.cache is None:
            self.cache = Cache(
                Path(os.environ.get("RNN_NOTES_CACHE", ROOT / ".cache"))
            )
            atexit.register(
                self.on_shutdown
            )  # node and the workers stop even if mkdocs stops on an error
        self.cache.begin_build()
        snippets = snippets_dir(config)
        problems = layout.Layout(snippets).problems()
        if problems:
            raise PluginError(
                "snippets/ breaks its layout (scripts/rnnnotes/layout.py):\n"
                + "\n".join(problems)
            )
        sources = [
            (path, path.stat().st_mtime_ns, path.stat().st_size)
            for path in sorted(Path(config.docs_dir).rglob("*.md"))
            + layout.Layout(snippets).files()
        ]
        # each language's build, and a rebuild after an edit elsewhere, reuse them
        if sources != self.models_read_from:
            try:
                self.models = parse_docs(Path(config.docs_dir), snippets)
            except PageError as error:
                raise PluginError(str(error)) from None
            self.models_read_from = sources
        problems = compare_models(Path(config.docs_dir), self.models)
        if problems:
            raise PluginError(
                "the two languages of a page differ:\n" + "\n".join(problems)
            )
        if self.runner is None or self.runner.snippets_dir != snippets:
            self.runner = SnippetRunner(snippets, self.cache)
        self.katex = self.katex or KatexRenderer(ROOT, self.cache)
        highlight_settings = json.dumps(
            config.mdx_configs.get("pymdownx.highlight", {}),
            sort_keys=True,
            default=str,
        )
        self.build = page_extension.Build(
            runner=self.runner,
            snippets_dir=snippets,
            katex=self.katex,
            highlight=cached_highlighter(
                fences.pygments_html, self.cache, salt=highlight_settings
            ),
        )
        install_search_cache(
            self.cache, config.plugins["material/search"].config
        )
        custom = config.mdx_configs.get("pymdownx.superfences", {}).get(
            "custom_fences", []
        )
        if not any(
            entry.get("format") is fences.format_fence for entry in custom
        ):
            raise PluginError(
                "mkdocs.yml: pymdownx.superfences needs the python fence of rnnnotes.fences"
            )
        config.markdown_extensions = [
            name
            for name in config.markdown_extensions
            if not isinstance(name, page_extension.PageExtension)
        ]
        self.extension = page_extension.PageExtension()
        config.markdown_extensions.append(self.extension)
        return config

    def _prefetch(self, index: layout.Layout) -> None:
        """Run every uncached fence and figure of every page, in parallel, before pages are rendered."""
        runner = self.runner
        jobs = [
            runner.figure_request(module) for module in index.figure_modules()
        ]
        jobs += [
            runner.animation_request(module)
            for module in index.animation_modules()
        ]
        for model in self.models.values():
            jobs += [
                runner.code_request(fence.code, str(fence.origin))
                for fence in model.run_fences
            ]
        jobs += [
            runner.code_request(*self._asset_code(index, module, function))
            for module, function in SNIPPET_ASSETS.values()
            if index.file_of(module)
        ]
        runner.prefetch(
            list(
                {json.dumps(job, sort_keys=True): job for job in jobs}.values()
            )
        )

    @staticmethod
    def _asset_code(index, module, function) -> tuple[str, str]:
        """The code whose output is the asset, base64 (a run's output is text), and the name errors use."""
        code = f"import base64\nfrom {module} import {function}\nprint(base64.b64encode({function}()).decode())"
        return code, f"{index.file_of(module)}:{function}"

    def on_files(self, files, config, **kwargs):
        build, runner = self.build, self.runner
        index = layout.Layout(build.snippets_dir)
        self._prefetch(index)
        for uri, (module, function) in SNIPPET_ASSETS.items():
            if not index.file_of(module):
                continue
            try:
                text = runner.run_code(
                    *self._asset_code(index, module, function)
                )
            except SnippetError as error:
                raise PluginError(f"{uri}: {error}") from None
            files.append(self._generated(config, uri, base64.b64decode(text)))
        for module in index.figure_modules():
            try:
                svg, dark = (
                    runner.make_figure(module),
                    runner.make_dark_figure(module),
                )
            except SnippetError as error:
                raise PluginError(f"figure {module}: {error}") from None
            build.figure_sizes[module] = figures.svg_size(svg)
            if width := figures.readable_width(svg):
                build.figure_min_widths[module] = width
            files.append(self._generated(config, f"figures/{module}.svg", svg))
            files.append(
                self._generated(
                    config, f"figures/{figures.dark_name(module)}", dark
                )
            )
        for module in index.animation_modules():
            try:
                svg, still = runner.make_animation(module)
                svg_dark, still_dark = runner.make_dark_animation(module)
            except SnippetError as error:
                raise PluginError(f"animation {module}: {error}") from None
            files.append(self._generated(config, f"figures/{module}.svg", svg))
            files.append(
                self._generated(config, animations.still_uri(module), still)
            )
            files.append(
                self._generated(
                    config, f"figures/{figures.dark_name(module)}", svg_dark
                )
            )
            files.append(
                self._generated(
                    config, animations.still_uri(module, dark=True), still_dark
                )
            )
            build.animation_sizes[module] = figures.svg_size(svg)
        drawn = {
            index.file_of(module)
            for module in index.figure_modules() + index.animation_modules()
        }
        shown = {
            file
            for model in self.models.values()
            for file in model.files_shown(index)
        }
        for name in downloads.published_snippets(
            sorted(shown | drawn), build.snippets_dir
        ):
            files.append(
                File.generated(
                    config,
                    layout.site_uri(name),
                    abs_src_path=str(index.path(name)),
                )
            )
        for name in sorted(shown | drawn):
            imports = downloads.imported_snippets(name, build.snippets_dir)
            if imports:
                files.append(
                    self._generated(
                        config,
                        layout.site_uri(downloads.bundle_name(name)),
                        downloads.bundle_bytes(
                            name, imports, build.snippets_dir
                        ),
                    )
                )
        return files

    def _generated(self, config, uri: str, data: str | bytes) -> File:
        """A file made by the build, written under .cache/ (never into docs/), then served at ``uri``."""
        path = self.generated / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        content = data.encode("utf-8") if isinstance(data, str) else data
        if not path.is_file() or path.read_bytes() != content:
            write_atomically(path, content)
        return File.generated(config, uri, abs_src_path=str(path))

    def on_env(self, env, config, files, **kwargs):
        """Compiled theme templates are kept between builds: a rebuild then skips compiling Material's."""
        folder = self.cache.root / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def _model(self, page, markdown):
        """The page's model from on_config, or, if the file changed since, the page parsed again."""
        model = self.models.get(page.file.src_uri)
        if model is None or model.text != page.file.content_string:
            front_line = notebooks.first_line(
                page.file.content_string, markdown
            )
            try:
                model = parse_page(
                    markdown,
                    name=f"docs/{page.file.src_uri}",
                    snippets_dir=self.build.snippets_dir,
                    front=page.meta,
                    first_line=front_line,
                )
            except PageError as error:
                raise PluginError(str(error)) from None
            model.text = page.file.content_string
        return model

    def on_page_markdown(self, markdown, page, config, **kwargs):
        """The page's model goes to the page extension, which mkdocs' Markdown for this page runs."""
        model = self._model(page, markdown)
        language = languages.language_of(page.file.src_uri, DEFAULT_LANGUAGE)
        self.extension.page = page_extension.PageBuild(
            build=self.build,
            model=model,
            url=page.url,
            language=language,
            first_line=notebooks.first_line(model.text, markdown),
        )
        page.meta[notebooks.META_KEY] = notebooks.download_for(
            page.file.src_uri, model, LANGUAGES
        )
        return markdown

    def on_page_content(self, html, page, config, **kwargs):
        """The page's notebook, from its Markdown and the outputs its fences just produced (all cached)."""
        self.extension.page = None  # the next page gets its own
        link = page.meta.get(notebooks.META_KEY)
        if link:
            try:
                text = notebooks.page_notebook(
                    page.markdown,
                    self._model(page, page.markdown),
                    page=link["page"],
                    lang=link["lang"],
                    default=DEFAULT_LANGUAGE,
                    title=page.title,
                    site_url=notebooks.link_base(config.site_url),
                    sources=notebooks.Sources(
                        self.runner, self.build.snippets_dir
                    ),
                    kept=self.cache,
                )
            except (notebooks.NotebookError, SnippetError) as error:
                raise PluginError(
                    f"docs/{page.file.src_uri}: notebook: {error}"
                ) from None
            notebooks.write(Path(config.site_dir), link["href"], text)
        return html

    def on_post_page(self, output, page, config, **kwargs):
        lang = languages.language_of(page.file.src_uri, DEFAULT_LANGUAGE)
        output = a11y.focusable_code(a11y.label_search_dialog(output, lang))
        return languages.point_base_at_language_root(
            output, lang, DEFAULT_LANGUAGE
        )

    def on_template_context(self, context, template_name, config, **kwargs):
        """The 404 page's language switcher leads to the two home pages. mkdocs-static-i18n keeps the
        switcher's entries per page as an attribute of ``config.extra`` (which the template reads first)."""
        if template_name == "404.html":
            alternates = getattr(
                config.extra, "alternate", None
            ) or config.extra.get("alternate")
            if alternates:
                config.extra.alternate = languages.home_alternates(
                    alternates, config.site_url, DEFAULT_LANGUAGE
                )
        return context

    def on_post_template(self, output, template_name, config, **kwargs):
        if template_name == "404.html":
            return a11y.label_search_dialog(output, DEFAULT_LANGUAGE)
        return output

    # after mkdocs-static-i18n has built every language and merged the indexes
    @event_priority(-200)
    def on_post_build(self, config, **kwargs):
        site = Path(config.site_dir)
        # the nested build of one language: the root build finishes the site
        if not (site / "assets").is_dir():
            return
        font = subset_math_font(
            self.katex.math_font(), self.katex.characters, self.cache
        )
        (site / MATH_FONT_URI).parent.mkdir(parents=True, exist_ok=True)
        (site / MATH_FONT_URI).write_bytes(font)
        languages.split_search_index(site, list(LANGUAGES), DEFAULT_LANGUAGE)
        terms = search_sections.chinese_terms(
            [tag for model in self.models.values() for tag in model.tags]
        )
        for lang in LANGUAGES:
            index = (
                site
                / languages.language_prefix(lang, DEFAULT_LANGUAGE)
                / "search"
                / "search_index.json"
            )
            search_sections.tune_index(index, terms)
        pairs, _ = page_pairs(Path(config.docs_dir))
        languages.write_sitemaps(
            site,
            config.site_url or "/",
            languages.page_urls(pairs, DEFAULT_LANGUAGE),
            DEFAULT_LANGUAGE,
        )
        stats = self.cache.end_build()
        if stats:
            log.info(
                f"rnnnotes: {self.runner.executed} snippet runs so far in this process; cache: {stats}"
            )

    def on_build_error(self, error, **kwargs):
        self.cache.end_build()  # a build that stopped early still records what it used

    def on_shutdown(self, **kwargs):
        for tool in (self.runner, self.katex):
            if tool is not None:
                tool.close()
        if self.cache is not None:
            self.cache.end_build()
