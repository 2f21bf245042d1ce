"""Derive the text classification chapter's corpus from the npm package chinese-poetry, byte for byte.

    npm pack chinese-poetry@2.0.1 && tar xzf chinese-poetry-2.0.1.tgz    # in a scratch folder, e.g. /tmp
    .venv/bin/python scripts/poetry_subset.py /tmp/package               # rewrites the committed subset

The package (MIT, about 85 MB unpacked) is never installed by the build: this script, run by hand, picks
1,000 Song ci (宋词, ``dist/songci/ci.song.*.json``) and 1,000 Yuan qu (元曲, ``dist/yuanqu/yuanqu.json``)
and writes them, with the package's version, the files read and its licence text, to
``snippets/classify/classify_data.jsonl``. Both collections are in simplified characters in this package
(its Tang and Song shi are in traditional ones, which a model would tell apart by the script alone).

The choice is a pure function of the package's files: a poem is its paragraphs joined; poems shorter than
16 or longer than 200 characters, or holding brackets or a missing-character box (stage directions and
editorial notes, mostly in the qu), are left out, and so is every text that occurs twice; of the rest, each
collection's 1,000 with the smallest SHA-256 of their text are kept, in that order. No random generator,
so no library version can change the choice. ``tests/test_classify.py`` runs this script again when the
unpacked package is at ``$CHINESE_POETRY`` (or /tmp/package) and compares the bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

PACKAGE, VERSION = "chinese-poetry", "2.0.1"
PER_CLASS = 1000
SHORTEST, LONGEST = 16, 200
EXCLUDED = set("()（）[]［］【】□")
OUT = (
    Path(__file__).resolve().parent.parent
    / "snippets"
    / "classify"
    / "classify_data.jsonl"
)
CLASSES = ("ci", "qu")  # label 0 and label 1


def _poems(files: list[Path], title_key: str) -> list[dict]:
    poems = []
    for file in files:
        for item in json.loads(file.read_text(encoding="utf-8")):
            text = "".join(item["paragraphs"]).strip()
            poems.append(
                {
                    "author": item["author"],
                    "title": item[title_key],
                    "text": text,
                }
            )
    return poems


def _chosen(poems: list[dict]) -> list[dict]:
    counts: dict[str, int] = {}
    for poem in poems:
        counts[poem["text"]] = counts.get(poem["text"], 0) + 1
    kept = [
        p
        for p in poems
        if counts[p["text"]] == 1
        and SHORTEST <= len(p["text"]) <= LONGEST
        and not EXCLUDED & set(p["text"])
    ]
    kept.sort(
        key=lambda p: hashlib.sha256(p["text"].encode("utf-8")).hexdigest()
    )
    if len(kept) < PER_CLASS:
        raise ValueError(f"only {len(kept)} poems qualify, {PER_CLASS} needed")
    return kept[:PER_CLASS]


def check_package(package: Path) -> None:
    """Refuse any folder but the unpacked chinese-poetry of the pinned version."""
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if (meta["name"], meta["version"]) != (PACKAGE, VERSION):
        raise ValueError(
            f"expected {PACKAGE}@{VERSION}, got {meta['name']}@{meta['version']} at {package}"
        )


def subset(package: Path) -> bytes:
    """The subset file's bytes, from the unpacked package at ``package`` (the folder with package.json)."""
    check_package(package)
    ci_files = sorted(
        (package / "dist" / "songci").glob("ci.song.*.json"),
        key=lambda p: p.name,
    )
    qu_files = [package / "dist" / "yuanqu" / "yuanqu.json"]
    ci, qu = (
        _chosen(_poems(ci_files, "rhythmic")),
        _chosen(_poems(qu_files, "title")),
    )
    header = {
        "source": f"npm package {PACKAGE}@{VERSION}, https://github.com/chinese-poetry/chinese-poetry",
        "files": [
            p.relative_to(package).as_posix() for p in ci_files + qu_files
        ],
        "selection": "scripts/poetry_subset.py",
        "classes": list(CLASSES),
        "counts": {"ci": len(ci), "qu": len(qu)},
        "license": (package / "LICENSE").read_text(encoding="utf-8").strip(),
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    for label, poems in enumerate((ci, qu)):
        lines += [
            json.dumps(
                [label, p["author"], p["title"], p["text"]], ensure_ascii=False
            )
            for p in poems
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def main(argv=None, make=None, out=OUT, doc=__doc__) -> int:
    """The command line of a subset script: the unpacked package in, the
    subset that ``make(package)`` returns written to ``--out``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "package",
        type=Path,
        help=f"the unpacked {PACKAGE}@{VERSION} (its package/ folder)",
    )
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args(argv)
    data = (make or subset)(args.package)
    args.out.write_bytes(data)
    print(
        f"{args.out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
