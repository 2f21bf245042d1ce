"""The process that runs snippets for the build (started by :mod:`rnnnotes.runner`).

Requests arrive one JSON object per line on stdin, answers leave one per line on a private copy of
the original stdout; anything printed by C libraries goes to stderr instead. Each request runs in a fresh
namespace after :func:`rnnnotes.fresh.fresh_start` (snippet modules re-imported, NumPy seeded and its print
options reset, Keras' names reset), so a snippet prints the same thing whether it runs first, last or alone.

    {"kind": "code", "code": "...", "name": "rnn/rnn_params.py:count"}->  {"stdout": "...", "deps": [...]}
    {"kind": "figure", "module": "rnn_fig_unrolled"}                 ->  {"svg": "...", "deps": [...]}
    {"kind": "animation", "module": "lstm_anim_step"}                ->  {"svg": "...", "still": "...", "deps": [...]}
    failure                                                          ->  {"error": "traceback"}
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(
    0, os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
)  # run as a script: find rnnnotes
from rnnnotes import layout  # noqa: E402
from rnnnotes.fresh import fresh_start  # noqa: E402
from rnnnotes.layout import Layout  # noqa: E402

SVG_RC = {
    "svg.hashsalt": "rnn-notes",  # fixed ids inside the SVG: same bytes on every build
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
}


def _snippet_modules(snippets_dir: Path) -> dict[str, Path]:
    """The loaded modules that are snippets: those loaded from a folder of the layout (on sys.path as
    :meth:`Layout.folders` gives them, so a module's path starts with one)."""
    folders = {str(folder) for folder in Layout(snippets_dir).folders()}
    found = {}
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and os.path.dirname(path) in folders:
            found[name] = Path(path)
    return found


def _deps(snippets_dir: Path) -> list[str]:
    """The snippet files this run imported, as paths under the root (``common/count_params.py``)."""
    layout = Layout(snippets_dir)
    return sorted(
        layout.relative(p) for p in _snippet_modules(snippets_dir).values()
    )


def run_code(code: str, name: str, snippets_dir: Path) -> dict:
    fresh_start(snippets_dir)
    out = io.StringIO()
    namespace = {
        "__name__": "__main__",
        "__file__": str(snippets_dir / name.split(":")[0]),
    }
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"<snippet {name}>", "exec"), namespace)
    return {"stdout": out.getvalue(), "deps": _deps(snippets_dir)}


def _svg(fig) -> str:
    """The one way the build saves a figure: SVG text without a date, on white."""
    buffer = io.StringIO()
    fig.savefig(
        buffer, format="svg", metadata={"Date": None}, facecolor="white"
    )
    return buffer.getvalue()


def _snippet_function(module_name: str, snippets_dir: Path):
    fresh_start(snippets_dir)
    import matplotlib

    matplotlib.use("Agg")
    module = importlib.import_module(module_name)
    function = getattr(module, module_name, None)
    if function is None:
        raise AttributeError(
            f"{layout.NAME}/{Layout(snippets_dir).file_of(module_name)} must define {module_name}()"
        )
    return function


def make_figure(module_name: str, snippets_dir: Path) -> dict:
    function = _snippet_function(module_name, snippets_dir)
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    with plt.rc_context(SVG_RC):
        fig = function()
        if not isinstance(fig, Figure):
            raise TypeError(
                f"{module_name}() must return a matplotlib Figure, not {type(fig).__name__}"
            )
        svg = _svg(fig)
    plt.close(fig)
    return {"svg": svg, "deps": _deps(snippets_dir)}


def make_animation(module_name: str, snippets_dir: Path) -> dict:
    """An animated SVG and its still (see snippets/common/svg_animation.py), saved like a figure."""
    function = _snippet_function(module_name, snippets_dir)
    import matplotlib.pyplot as plt

    with plt.rc_context(SVG_RC):
        animation = function()
        if not callable(getattr(animation, "render", None)):
            raise TypeError(
                f"{module_name}() must return a StagedFigure (snippets/common/svg_animation.py), "
                f"not {type(animation).__name__}"
            )
        svg, still = animation.render(_svg)
    plt.close(animation.figure)
    return {"svg": svg, "still": still, "deps": _deps(snippets_dir)}


MAKERS = {"figure": make_figure, "animation": make_animation}


def main() -> None:
    snippets_dir = Path(sys.argv[1]).resolve()
    sys.path[:0] = [str(folder) for folder in Layout(snippets_dir).folders()]
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    # Native libraries' chatter (TensorFlow's oneDNN notice on every start) must neither corrupt the answer
    # channel nor reach the build's log, where --strict tests count warnings: it goes to a file, whose
    # end a failure's answer carries.
    chatter = tempfile.TemporaryFile()
    os.dup2(chatter.fileno(), 1)
    os.dup2(chatter.fileno(), 2)
    for line in sys.stdin:
        request = json.loads(line)
        chatter.seek(0)
        chatter.truncate()
        try:
            if request["kind"] == "code":
                answer = run_code(
                    request["code"], request["name"], snippets_dir
                )
            else:
                answer = MAKERS[request["kind"]](
                    request["module"], snippets_dir
                )
            # the trained results this run read or wrote (snippets/common/trained.py), which the build
            # records as used so that the cache's pruning rule keeps them
            answer["trained"] = sorted(
                getattr(sys.modules.get("trained"), "USED", ())
            )
        except BaseException:  # noqa: BLE001 - every failure goes back to the build
            chatter.seek(0)
            said = chatter.read().decode("utf-8", "replace")[-3000:].strip()
            answer = {
                "error": traceback.format_exc(limit=-8)
                + (f"\nstderr:\n{said}" if said else "")
            }
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
