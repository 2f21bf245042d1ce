"""Trained results, kept so that a model trains once for the pages, the
notebooks and the tests.

    kept(name, sources, compute) -> compute()'s result (anything JSON holds)

When the environment variable RNN_NOTES_TRAINED names a folder (the site's
build and the tests set it to <cache>/trained), the result is kept there as
<name>-<key>.json, where key hashes name, the code of every source (the
modules that define the data, the model and the training: their syntax tree,
so comments, section markers and formatting do not count) and the library
versions: editing what any of them does trains again. A source is a file, or
a function, which stands for the file or notebook cell that defines it: a
page may show a training whole, and its notebook then runs it as a cell with
no file, under the same key as the build and the tests (None adds nothing).
A lock makes a second process wait for the first one's training instead of
training again. Every entry read or written is named in USED, which the build
records so that the cache's pruning rule covers trained results too. Without
the variable, kept() simply calls compute(): a reader's own run trains as
before."""

import ast
import hashlib
import json
import linecache
import os
from pathlib import Path

ENV = "RNN_NOTES_TRAINED"
USED = set()  # entry names read or written by this process


def key(name, sources):
    import keras
    import numpy as np
    import tensorflow as tf

    digest = hashlib.sha256(name.encode())
    for source in filter(None, sources):
        digest.update(_code(source))
    for version in (np.__version__, tf.__version__, keras.__version__):
        digest.update(version.encode())
    return digest.hexdigest()[:20]


def _code(source):
    """What a source does: a .py file's (or function's) syntax tree, else a
    file's bytes."""
    if callable(source):
        defined_in = source.__globals__.get("__file__")
        if defined_in is None:  # a notebook cell: IPython keeps its text here
            cell = source.__code__.co_filename
            text = "".join(linecache.getlines(cell))
            if not text:
                raise ValueError(
                    f"sources: expected a function whose code can be read, "
                    f"got {source.__name__} from {cell}"
                )
            return ast.dump(ast.parse(text)).encode()
        source = defined_in
    text = Path(source).read_bytes()
    if str(source).endswith(".py"):  # what the code does, not its layout
        text = ast.dump(ast.parse(text)).encode()
    return text


def kept(name, sources, compute):
    folder = os.environ.get(ENV)
    if not folder:
        return compute()
    import fcntl  # POSIX only, and only needed when results are kept

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    entry = f"{name}-{key(name, sources)}"
    path = folder / f"{entry}.json"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.is_file():
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(compute()), encoding="utf-8")
            temporary.replace(path)
        USED.add(entry)
        return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    where = os.environ.get(ENV) or f"nowhere ({ENV} is not set)"
    print("trained results kept in:", where)
