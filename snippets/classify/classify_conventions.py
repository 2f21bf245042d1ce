import re

from classify_data import load_poems

MODES = ("仙吕", "中吕", "南吕", "正宫", "双调", "越调", "商调", "大石调",
         "般涉调", "黄钟", "小石调", "商角调", "高平调", "歇指调", "道宫")
FRAGMENT = re.compile(r"(幺|么|尾|[一二三四五六七八九十]*煞|前腔)")


def from_a_play(title):
    """'play・tune' (a play's name, then the tune of one of its arias), or
    a play named in 《》; not 'mode・tune' or 'tune・first line'."""
    play, _, tune = title.partition("・")
    return "《" in title or (len(play) >= 5 and not play.startswith(MODES)
                             and 0 < len(tune.split("/")[-1]) <= 6)


def fragment(title):
    """A suite's coda (尾, 煞) or a repeat of the previous tune (幺, 前腔)."""
    play, _, tune = title.partition("・")
    return bool(FRAGMENT.match(tune.split("/")[-1]) or FRAGMENT.match(play))


if __name__ == "__main__":
    poems = load_poems()
    by_class = [[p for p in poems if p[0] == label] for label in (0, 1)]
    print("            ci      qu")
    for mark in "？！；、":
        shares = [sum(mark in p[3] for p in ps) / len(ps) for ps in by_class]
        print(f"{mark} in    {shares[0]:>6.1%}  {shares[1]:>6.1%}")
    for ch in "著着":
        counts = [sum(p[3].count(ch) for p in ps) for ps in by_class]
        print(f"{ch} (count) {counts[0]:>5}  {counts[1]:>6}")
    qu = by_class[1]
    print(f"qu titles naming a play and a tune: "
          f"{sum(from_a_play(p[2]) for p in qu)} of {len(qu)}")
    print(f"qu titles of a suite fragment (幺, 尾, 煞, 前腔): "
          f"{sum(fragment(p[2]) for p in qu)}")
    examples = [p[2] for p in qu if from_a_play(p[2])][:2]
    print("e.g.", " | ".join(examples))
