"""Trained results kept by content, so that the pages, the notebook and the
tests share one training instead of repeating it.

When the environment variable RNN_NOTES_TRAINED names a folder (the site's
build sets it), cached(name, sources, compute) keeps compute()'s JSON result
there, under a key made of name, the bytes of every file in sources (without
the pages' section markers, which a notebook's copy of a module leaves out) and
the library versions; otherwise it simply calls compute(). A lock makes a second
process wait for the first one's training instead of training again."""

import hashlib
import json
import os
import re
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf


MARKER = re.compile(rb"^[ \t]*# -{2}8<-{2} \[(?:start|end):[^\]]*\][ \t]*\n", re.M)


def cache_key(name, sources):
    digest = hashlib.sha256(name.encode())
    for source in sources:
        digest.update(MARKER.sub(b"", Path(source).read_bytes()))
    for version in (np.__version__, tf.__version__, keras.__version__):
        digest.update(version.encode())
    return digest.hexdigest()[:20]


def cached(name, sources, compute):
    folder = os.environ.get("RNN_NOTES_TRAINED")
    if not folder:
        return compute()
    import fcntl  # POSIX only, and only needed when results are kept

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{cache_key(name, sources)}.json"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.is_file():
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps(compute()), encoding="utf-8")
            temporary.replace(path)
        return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    folder = os.environ.get("RNN_NOTES_TRAINED")
    print("trained results kept in:", folder or "nowhere (RNN_NOTES_TRAINED is not set)")
