"""Build machinery for RNN Notes.

The mkdocs hook in ``scripts/mkdocs_hooks.py`` only forwards events here:

* :mod:`rnnnotes.layout` knows where snippets live (``snippets/<chapter>/``, ``snippets/common/``) and how figures are named;
* :mod:`rnnnotes.page_model` parses a page once into blocks (headings, prose, fences with the snippet
  file and section they include, expanded as pymdownx.snippets does, figures, widgets), which everything
  below reads;
* :mod:`rnnnotes.page_extension` hands each page's model to the Markdown instance converting it, tags
  each running fence with its origin, and draws figures, animations and scrolling tables in the tree;
* :mod:`rnnnotes.cache` is the build's one content-addressed cache and its pruning rule;
* :mod:`rnnnotes.runner` executes fences and figure functions in a worker process, cached by content;
* :mod:`rnnnotes.worker` is that process: it runs one request at a time after a fresh start;
* :mod:`rnnnotes.fresh` is the one fresh start of a snippet (worker, notebook setup cell, fence tests);
* :mod:`rnnnotes.fences` turns an executed fence into highlighted code plus its printed output;
* :mod:`rnnnotes.downloads` publishes the snippets pages include and links them under each fence;
* :mod:`rnnnotes.dark` makes the dark variant of a figure from its SVG;
* :mod:`rnnnotes.figures` measures figures and names their dark variants;
* :mod:`rnnnotes.animations` names an animation's still frame and its dark variants;
* :mod:`rnnnotes.a11y` makes code blocks focusable and names the search dialog for screen readers;
* :mod:`rnnnotes.notebooks` writes each chapter's Jupyter notebook from its model;
* :mod:`rnnnotes.katex` renders TeX to MathML with the pinned KaTeX (``katex_render.js``) and cuts the math font down;
* :mod:`rnnnotes.search_math` rewrites the equations in the search index as readable text;
* :mod:`rnnnotes.languages` points each language's pages at its root and splits the search index and sitemaps;
* :mod:`rnnnotes.pages` compares the two language versions of every page, block by block.
"""
