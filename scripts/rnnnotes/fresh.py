"""How every snippet starts: as if it were the first thing run in a new interpreter.

:func:`fresh_start` is the one definition. The build's worker (:mod:`rnnnotes.worker`) calls it before
each fence, figure and animation; the fence tests call it before each fence (``tests/conftest.py``); and
each notebook's first code cell is this module's own source (:func:`notebook_cell`), so a reader who runs
the notebook gets the outputs the build saved. A snippet's printed output then never depends on what ran
before it: its ``snippets/`` modules are imported afresh, NumPy's global seed is 0, NumPy prints with its
default options (a fence that sets ``precision=2`` does not reach the next one), Keras' layer names start
from ``dense``/``lstm`` again, and no matplotlib figure is left open.

The code below the docstring runs as it is in a notebook cell, so it imports only what a notebook has
and uses no name from the build.
"""

import os
import sys
from pathlib import Path

import numpy

# NumPy's own print options, recorded before any snippet could change them. Calling set_printoptions
# with no arguments would change nothing, so the reset names every option.
NUMPY_PRINT_DEFAULTS = numpy.get_printoptions()


def fresh_start(snippets_dir):
    """Start the next snippet fresh: forget the modules under ``snippets_dir``, seed NumPy with 0, set
    NumPy's print options back to its defaults, reset Keras' names and close matplotlib's figures."""
    folder = os.path.join(
        Path(snippets_dir).resolve(), ""
    )  # modules' files start with it, as on sys.path
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(folder):
            del sys.modules[name]
    numpy.random.seed(0)
    numpy.set_printoptions(**NUMPY_PRINT_DEFAULTS)
    if "keras" in sys.modules:
        sys.modules["keras"].backend.clear_session(
            free_memory=False
        )  # names reset; no slow collection
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def notebook_cell() -> str:
    """This module's code from its first statement to the end of :func:`fresh_start`, as the source of a
    notebook cell (generated, so the notebook cannot drift from the build)."""
    import ast
    import inspect

    source = inspect.getsource(sys.modules[__name__])
    tree = ast.parse(source)
    end = next(
        node
        for node in tree.body
        if getattr(node, "name", None) == "fresh_start"
    ).end_lineno
    return "\n".join(source.splitlines()[tree.body[1].lineno - 1 : end])
