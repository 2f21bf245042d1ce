import hashlib
import json
from pathlib import Path

import numpy as np

DATA = "classify_data.jsonl"
SHA256 = "5b819981dcc88755acd3af819cb9508b5621328c26e96651346c0c0167937436"
SIZE = 534692
CLASSES = ("ci", "qu")  # label 0: Song ci, label 1: Yuan qu
SPLITS = {"train": 1400, "validation": 300, "test": 300}


def data_path():
    """The data file beside this module, or in the current folder (a
    notebook's)."""
    for folder in (Path(__file__).resolve().parent, Path.cwd()):
        if (folder / DATA).is_file():
            return folder / DATA
    raise FileNotFoundError(
        f"{DATA} not found beside {Path(__file__).name} "
        "or in the current folder: download it from the page"
    )


# --8<-- [start:load]
def load_poems():
    """Every poem of the subset as (label, author, title, text)."""
    raw = data_path().read_bytes()
    if hashlib.sha256(raw).hexdigest() != SHA256:
        raise ValueError(f"{DATA} is not the file this code was written for")
    header, *lines = raw.decode("utf-8").splitlines()
    return [tuple(json.loads(line)) for line in lines]


def split_poems(poems, seed=0):
    """Shuffle once with a fixed seed, then cut train / validation / test."""
    order = np.random.default_rng(seed).permutation(len(poems))
    splits, start = {}, 0
    for name, size in SPLITS.items():
        splits[name] = [poems[i] for i in order[start : start + size]]
        start += size
    return splits


# --8<-- [end:load]


if __name__ == "__main__":
    header = json.loads(
        data_path().read_text(encoding="utf-8").split("\n", 1)[0]
    )
    print(header["source"])
    print(
        len(header["files"]),
        "files, from",
        header["files"][0],
        "to",
        header["files"][-1],
    )
    print(header["counts"], "|", header["license"].split("\n")[0])
