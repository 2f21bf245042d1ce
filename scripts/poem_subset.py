"""Derive the poem chapter's corpus, Tang quatrains in simplified characters, from the npm package chinese-poetry.

    npm pack chinese-poetry@2.0.1 && tar xzf chinese-poetry-2.0.1.tgz    # in a scratch folder, e.g. /tmp
    .venv/bin/pip install opencc==1.4.2                                  # only for this script
    .venv/bin/python scripts/poem_subset.py /tmp/package                 # rewrites the committed subset

The package (MIT, about 85 MB unpacked) is never installed by the build. Its Tang shi
(``dist/quantangshi/poet.tang.*.json``, the 全唐诗) are in traditional characters; this script, run by hand,
converts them to simplified ones with OpenCC 1.4.2 from PyPI (configuration ``t2s``), pinned here and
nowhere else: the build and the chapter read only the committed file. (The package's one collection of
Tang shi already in simplified characters, ``shuimotangshi``, holds too few quatrains to train on.)

The selection depends only on the package's files and OpenCC's tables:

1. a quatrain (绝句) is a poem whose paragraphs join to four lines of exactly 5, or exactly 7, characters
   of the CJK Unified Ideographs block, each line ended by "，" (lines 1 and 3) or "。" (lines 2 and 4);
2. converted to simplified characters, then the variant forms (异体字) in VARIANTS, which ``t2s`` leaves
   alone, are replaced by their standard form, so that 鴈 and 雁 do not take two tokens;
3. every text that occurs twice is kept once; then, in the order of the SHA-256 of their text, a quatrain
   that shares two or more whole lines with one already kept is dropped (the 全唐诗 holds many poems
   twice, with a character or two changed, and such a pair must not straddle the training and test
   poems);
4. the VOCABULARY most frequent characters of those quatrains (ties by code point) make the vocabulary,
   and only the quatrains written wholly in it are kept, so that the model never meets a character it
   cannot name (the header records how many characters and quatrains the vocabulary covers);
5. the kept quatrains are written in the order of the SHA-256 of their text.

No random generator, so no library version but OpenCC's can change the choice. ``tests/test_poem.py``
runs this script again when the unpacked package is at ``$CHINESE_POETRY`` (or /tmp/package) and OpenCC
1.4.2 is installed, and compares the bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

# the same package, its check and its command line as the classify corpus
from poetry_subset import PACKAGE, VERSION, check_package, main

OPENCC = "1.4.2"
VOCABULARY = 1997  # characters at most; the model's tokens are those the kept poems use, "<s>", "，" and "。"
QUATRAIN = re.compile(
    r"(?:[\u4e00-\u9fff]{5}，[\u4e00-\u9fff]{5}。){2}"
    r"|(?:[\u4e00-\u9fff]{7}，[\u4e00-\u9fff]{7}。){2}"
)
# Variant forms left by t2s whose standard simplified form is also among the
# quatrains' frequent characters (GB 2312 has the standard form, not the
# variant). Not folded: 湲 (a character of its own, as in 潺湲) and 祇 (also
# qí, as in 神祇).
VARIANTS = str.maketrans(
    {
        "鴈": "雁", "疎": "疏", "猨": "猿", "劒": "剑", "簷": "檐", "堦": "阶",
        "蘂": "蕊", "褭": "袅", "鬬": "斗", "慙": "惭", "櫂": "棹", "嬾": "懒",
        "徧": "遍", "妬": "妒", "秪": "只", "秖": "只", "顦": "憔", "顇": "悴",
        "棃": "梨", "桮": "杯", "鏁": "锁", "廻": "回", "斾": "旆", "髪": "发",
        "巵": "卮", "暎": "映", "牋": "笺", "壻": "婿", "呌": "叫", "媿": "愧",
        "飜": "翻", "煖": "暖", "僊": "仙", "毬": "球", "竝": "并", "鼇": "鳌",
        "歛": "敛", "珮": "佩",
    }
)  # fmt: skip
OUT = (
    Path(__file__).resolve().parent.parent
    / "snippets"
    / "poem"
    / "poem_data.jsonl"
)


def _converter():
    import opencc

    if getattr(opencc, "__version__", OPENCC) != OPENCC:
        raise RuntimeError(
            f"expected OpenCC {OPENCC}, got {opencc.__version__}"
        )
    t2s = opencc.OpenCC("t2s")
    return lambda text: t2s.convert(text).translate(VARIANTS)


def _lines(text):
    return set(re.split("[，。]", text)) - {""}


def drop_near_duplicates(poems):
    """The poems, in the order of the SHA-256 of their text, without any
    that shares two or more whole lines with a poem kept before it."""
    ordered = sorted(
        poems, key=lambda p: hashlib.sha256(p["text"].encode()).hexdigest()
    )
    kept, where = [], {}  # where: line -> indices of kept poems holding it
    for poem in ordered:
        shared = Counter(
            i for line in _lines(poem["text"]) for i in where.get(line, ())
        )
        if shared and max(shared.values()) >= 2:
            continue
        for line in _lines(poem["text"]):
            where.setdefault(line, []).append(len(kept))
        kept.append(poem)
    return kept


def subset(package: Path) -> bytes:
    """The subset file's bytes, from the unpacked package at ``package`` (the folder with package.json)."""
    check_package(package)
    files = sorted(
        (package / "dist" / "quantangshi").glob("poet.tang.*.json"),
        key=lambda p: p.name,
    )
    convert = _converter()
    found, seen = [], set()
    for file in files:
        for item in json.loads(file.read_text(encoding="utf-8")):
            text = "".join(item["paragraphs"]).strip()
            if not QUATRAIN.fullmatch(text):
                continue
            text = convert(text)
            if not QUATRAIN.fullmatch(text) or text in seen:
                continue
            seen.add(text)
            found.append(
                {
                    "author": convert(item["author"]),
                    "title": convert(item["title"]),
                    "text": text,
                }
            )
    distinct = drop_near_duplicates(found)
    counts = Counter(c for p in distinct for c in p["text"] if c not in "，。")
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    vocabulary = set(ranked[:VOCABULARY])
    kept = [p for p in distinct if set(p["text"]) - set("，。") <= vocabulary]
    covered = sum(counts[c] for c in vocabulary)
    header = {
        "source": f"npm package {PACKAGE}@{VERSION}, https://github.com/chinese-poetry/chinese-poetry",
        "files": [p.relative_to(package).as_posix() for p in files],
        "conversion": f"OpenCC {OPENCC} (PyPI opencc), configuration t2s, "
        f"then {len(VARIANTS)} variant forms folded (scripts/poem_subset.py)",
        "selection": "scripts/poem_subset.py",
        "quatrains_found": len(found),
        "near_duplicates": len(found) - len(distinct),
        "characters_found": len(counts),
        "vocabulary": VOCABULARY,
        "characters_covered": [covered, sum(counts.values())],
        "counts": {
            "five": sum(len(p["text"]) == 24 for p in kept),
            "seven": sum(len(p["text"]) == 32 for p in kept),
        },
        "license": (package / "LICENSE").read_text(encoding="utf-8").strip(),
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [
        json.dumps([p["author"], p["title"], p["text"]], ensure_ascii=False)
        for p in kept
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


if __name__ == "__main__":
    sys.exit(main(make=subset, out=OUT, doc=__doc__))
