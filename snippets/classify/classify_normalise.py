import re
import unicodedata

BREAK = "/"
VARIANTS = {"著": "着"}  # the same particle, written 著 in one collection


def is_hanzi(ch):
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPAT"))


# --8<-- [start:normalise]
def normalise(text):
    """What the edition chose, not the genre: every mark between characters
    becomes one break mark (a run of them one break), 著 becomes 着."""
    text = "".join(
        VARIANTS.get(ch, ch) if is_hanzi(ch) else BREAK for ch in text
    )
    return re.sub(f"{re.escape(BREAK)}+", BREAK, text).strip(BREAK)


# --8<-- [end:normalise]


if __name__ == "__main__":
    print(normalise("落花人独立，微雨燕双飞。"))
    print(normalise("他著甚么来？！俺、你"))
