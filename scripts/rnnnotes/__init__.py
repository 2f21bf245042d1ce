"""Build machinery for RNN Notes.

The mkdocs hook in ``scripts/mkdocs_hooks.py`` only forwards events here:

* :mod:`rnnnotes.layout` knows where snippets live (``snippets/<chapter>/``, ``snippets/common/``) and how figures are named;
* :mod:`rnnnotes.snippet_index` knows which snippet file and section a code fence shows;
* :mod:`rnnnotes.runner` executes fences and figure functions in a worker process, cached by content;
* :mod:`rnnnotes.fences` turns an executed fence into highlighted code plus its printed output;
* :mod:`rnnnotes.downloads` publishes the snippets pages include and links them under each fence;
* :mod:`rnnnotes.dark` makes the dark variant of a figure from its SVG;
* :mod:`rnnnotes.figures` shows each figure as a light/dark pair of lazy images;
* :mod:`rnnnotes.katex` renders TeX to MathML with the pinned KaTeX and cuts the math font down;
* :mod:`rnnnotes.pages` compares the two language versions of every page.
"""
