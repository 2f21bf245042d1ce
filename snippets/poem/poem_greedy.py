from labels import label
from poem_decode import generate
from poem_export import load, site_model

weights = load(site_model())  # the weights the page's writer downloads

# --8<-- [start:greedy]
text = generate(weights, 64, temperature=0, seed=0)  # greedy: no draws
# --8<-- [end:greedy]
for line in range(0, len(text), 24):  # as many tokens as a short poem
    print(text[line : line + 24])


def first_repeat(text, shortest=4):
    """Where the text starts copying itself: the first (start, period) such
    that text[start:] repeats with that period to the end, with at least
    `shortest` characters repeated."""
    for start in range(len(text)):
        for period in range(1, (len(text) - start) // 2 + 1):
            rest = text[start:]
            if len(rest) - period >= shortest and all(
                rest[i] == rest[i + period] for i in range(len(rest) - period)
            ):
                return start, period
    return None


loop = first_repeat(text)
if loop is None:
    print(label("No loop within these tokens.", "这些词元里还没有出现循环。"))
else:
    start, period = loop
    print(
        label(
            f"From token {start + 1} on, the same {period} tokens repeat: "
            f"“{text[start : start + period]}”.",
            f"从第 {start + 1} 个词元起，同样的 {period} 个词元反复出现："
            f"“{text[start : start + period]}”。",
        )
    )
