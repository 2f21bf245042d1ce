"""Build machinery for RNN Notes.

MkDocs reaches it through one plugin; the work is done by Python-Markdown extensions and formatters
(per page) and plain functions (site-wide) that another builder can call as they are:

* :mod:`rnnnotes.plugin` is the MkDocs plugin (``pyproject.toml``'s entry point): it holds the build's
  state and only adapts mkdocs' events to the modules below;
* :mod:`rnnnotes.layout` knows where snippets live (``snippets/<chapter>/``, ``snippets/common/``) and how
  figures are named;
* :mod:`rnnnotes.page_model` parses a page once into blocks (headings, prose, fences with the snippet
  file and section they include, expanded as pymdownx.snippets does, figures, widgets), which everything
  below reads;
* :mod:`rnnnotes.pages` compares the two language versions of every page, block by block;
* :mod:`rnnnotes.page_extension` is the Markdown extension of a page's conversion: it tags each running
  fence with its origin, draws figures, animations and scrolling tables, renders the math to MathML and
  marks what search leaves out;
* :mod:`rnnnotes.fences` is the superfences formatter of a python fence: highlighted code and its output;
* :mod:`rnnnotes.cache` is the build's one content-addressed cache and its pruning rule;
* :mod:`rnnnotes.runner` executes fences and figure functions in worker processes, cached by content;
* :mod:`rnnnotes.worker` is that process: it runs one request at a time after a fresh start;
* :mod:`rnnnotes.fresh` is the one fresh start of a snippet (worker, notebook setup cell, fence tests);
* :mod:`rnnnotes.downloads` publishes the snippets pages include and links them under each fence;
* :mod:`rnnnotes.figures` measures figures and names their dark variants;
* :mod:`rnnnotes.dark` makes the dark variant of a figure from its SVG;
* :mod:`rnnnotes.animations` names an animation's still frame and its dark variants;
* :mod:`rnnnotes.katex` renders TeX to MathML with the pinned KaTeX (``katex_render.js``) and cuts the
  math font down;
* :mod:`rnnnotes.a11y` makes code blocks focusable and names the search dialog for screen readers;
* :mod:`rnnnotes.notebooks` writes each chapter's Jupyter notebook from its model;
* :mod:`rnnnotes.languages` points each language's pages at its root and splits the search index and
  sitemaps;
* :mod:`rnnnotes.search_sections` moves page tags onto their sections and keeps Chinese terms whole in
  each language's search index.
"""
