import re

from classify_data import load_poems
from labels import label

MODES = (
    "仙吕",
    "中吕",
    "南吕",
    "正宫",
    "双调",
    "越调",
    "商调",
    "大石调",
    "般涉调",
    "黄钟",
    "小石调",
    "商角调",
    "高平调",
    "歇指调",
    "道宫",
)
FRAGMENT = re.compile(r"(幺|么|尾|[一二三四五六七八九十]*煞|前腔)")


def from_a_play(title):
    """'play・tune' (a play's name, then the tune of one of its arias), or
    a play named in 《》; not 'mode・tune' or 'tune・first line'."""
    play, _, tune = title.partition("・")
    return "《" in title or (
        len(play) >= 5
        and not play.startswith(MODES)
        and 0 < len(tune.split("/")[-1]) <= 6
    )


def fragment(title):
    """A suite's coda (尾, 煞) or a repeat of the previous tune (幺, 前腔)."""
    play, _, tune = title.partition("・")
    return bool(FRAGMENT.match(tune.split("/")[-1]) or FRAGMENT.match(play))


if __name__ == "__main__":
    poems = load_poems()
    by_class = [[p for p in poems if p[0] == tag] for tag in (0, 1)]
    print(
        label(
            "share of poems with the mark: ci, qu",
            "含有该标点的作品所占比例：词，曲",
        )
    )
    for mark in "？！；、":
        shares = [sum(mark in p[3] for p in ps) / len(ps) for ps in by_class]
        print(f"  {mark}  {shares[0]:6.1%}  {shares[1]:6.1%}")
    print(
        label("occurrences of the character: ci, qu", "该字出现的次数：词，曲")
    )
    for ch in "著着於于":
        counts = [sum(p[3].count(ch) for p in ps) for ps in by_class]
        print(f"  {ch}  {counts[0]:6}  {counts[1]:6}")
    qu = by_class[1]
    print(
        label(
            "qu titles naming a play and a tune: ", "曲的标题中含剧名和曲牌的："
        )
        + f"{sum(from_a_play(p[2]) for p in qu)} / {len(qu)}"
    )
    print(
        label(
            "qu titles of a suite fragment (幺, 尾, 煞, 前腔): ",
            "曲的标题为套曲片段（幺、尾、煞、前腔）的：",
        )
        + f"{sum(fragment(p[2]) for p in qu)}"
    )
    examples = [p[2] for p in qu if from_a_play(p[2])][:2]
    print(label("e.g. ", "例如：") + " | ".join(examples))
