from labels import label
from poem_data import read, tokens_and_splits
from poem_export import BUDGET, gzip_size, site_model
from poem_model import UNITS, WIDTH, build_model

header, _ = read()
covered, total = header["characters_covered"]
V, E, U = len(tokens_and_splits()[0]), WIDTH, UNITS
model = build_model(V)
# --8<-- [start:count]
by_hand = V * E + 4 * U * (E + U + 1) + (U + 1) * V
# --8<-- [end:count]
print(f"V = {V}, E = {E}, U = {U}")
print(label("parameters, Keras:", "参数数量，Keras："), model.count_params())
print(label("parameters, by hand:", "参数数量，手算："), by_hand)
distinct = header["quatrains_found"] - header["near_duplicates"]
kept = sum(header["counts"].values())
print(
    label(
        f"The {header['vocabulary']} most frequent characters cover "
        f"{covered / total:.1%} of the characters\nof the {distinct} "
        f"distinct quatrains, yet only {kept} of those quatrains "
        f"({kept / distinct:.1%})\nare written wholly in them; these are "
        f"kept, and use only {V - 3} of them:\nwith <s> and the two line "
        f"ends, the model's {V} tokens.",
        f"出现最多的 {header['vocabulary']} 个字覆盖了 {distinct} 首不重复的"
        f"绝句中 {covered / total:.1%} 的字，\n但完全用这些字写成的只有 "
        f"{kept} 首（{kept / distinct:.1%}）；\n留下的就是这些诗，"
        f"其中只用到了 {V - 3} 个字，\n加上 <s> 和两个行尾标点，"
        f"就是模型的 {V} 个词元。",
    )
)
data = site_model()  # the file the page's poem writer downloads
print(
    label(
        "exported model, gzip-compressed bytes:",
        "导出的模型，gzip 压缩后字节数：",
    ),
    f"{gzip_size(data)} / {BUDGET}",
)
