from labels import label
from poem_data import read, tokens_and_splits
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
print(
    label(
        f"The vocabulary's {header['vocabulary']} characters cover "
        f"{covered / total:.1%} of the characters of all "
        f"{header['quatrains_found']} quatrains found; the "
        f"{sum(header['counts'].values())} written wholly in them are kept, "
        f"and use {V - 3} of them.",
        f"词表的 {header['vocabulary']} 个汉字覆盖了找到的全部 "
        f"{header['quatrains_found']} 首绝句中 {covered / total:.1%} 的字；"
        f"只用这些字写成的 {sum(header['counts'].values())} 首留下，"
        f"其中用到了 {V - 3} 个。",
    )
)
