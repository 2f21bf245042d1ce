import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np

DATA = "poem_data.jsonl"
SHA256 = "93a7ce181386de7663c8eb7e9a803481f18dca09bbcd4fc744dc9c200e812265"
SIZE = 779182
START = "<s>"  # token 0: every poem begins with it
MARKS = ("，", "。")  # tokens 1 and 2: the line ends
SHARES = {"train": 0.8, "validation": 0.1, "test": 0.1}


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


def read():
    """The header (provenance, licence, counts) and the poems as
    (author, title, text)."""
    raw = data_path().read_bytes()
    if hashlib.sha256(raw).hexdigest() != SHA256:
        raise ValueError(f"{DATA} is not the file this code was written for")
    header, *lines = raw.decode("utf-8").splitlines()
    return json.loads(header), [tuple(json.loads(line)) for line in lines]


# --8<-- [start:load]
def load_poems():
    """Every quatrain of the subset, as its text with "，" and "。"."""
    return [text for author, title, text in read()[1]]


def split_poems(poems, seed=0):
    """Shuffle once with a fixed seed, then cut train / validation / test."""
    order = np.random.default_rng(seed).permutation(len(poems))
    sizes = [round(share * len(poems)) for share in SHARES.values()]
    sizes[0] = len(poems) - sum(sizes[1:])
    splits, start = {}, 0
    for name, size in zip(SHARES, sizes):
        splits[name] = [poems[i] for i in order[start : start + size]]
        start += size
    return splits


def build_tokens(poems):
    """index -> token: the start token, the two line ends, then every
    character in order of decreasing frequency (ties by code point)."""
    counts = Counter(c for poem in poems for c in poem if c not in MARKS)
    return [START, *MARKS, *sorted(counts, key=lambda c: (-counts[c], c))]


def encode(poem, index):
    """A poem as token indices: the start token, then its characters."""
    return [0] + [index[c] for c in poem]


# --8<-- [end:load]


def tokens_and_splits(seed=0):
    """The tokens of the whole corpus (all splits: a character seen only in
    the test poems still has a token) and {split: [encoded poems]}."""
    poems = load_poems()
    tokens = build_tokens(poems)
    index = {t: i for i, t in enumerate(tokens)}
    return tokens, {
        name: [encode(p, index) for p in part]
        for name, part in split_poems(poems, seed).items()
    }


if __name__ == "__main__":
    header, poems = read()
    covered, total = header["characters_covered"]
    print(header["source"], "|", header["conversion"])
    print(header["counts"], "|", header["license"].split("\n")[0])
    distinct = header["quatrains_found"] - header["near_duplicates"]
    print(
        f"{header['vocabulary']} characters cover {covered / total:.1%} "
        f"of the {distinct} distinct quatrains' characters; "
        f"{len(poems) / distinct:.1%} of those quatrains use no other"
    )
    print(poems[0])
