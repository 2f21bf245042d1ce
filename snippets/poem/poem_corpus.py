import textwrap

from labels import label
from poem_data import encode, read, split_poems, tokens_and_splits

header, poems = read()
tokens, splits = tokens_and_splits()
print(textwrap.fill(header["source"], 78))
print(textwrap.fill(header["conversion"], 78))
print(header["license"].split("\n")[0])
found, dropped = header["quatrains_found"], header["near_duplicates"]
print(
    label(
        f"near-duplicates dropped from {found} quatrains: {dropped}",
        f"{found} 首绝句中去掉近似重复： {dropped} 首",
    )
)
print(
    label("five- and seven-character quatrains:", "五言、七言绝句："),
    header["counts"]["five"],
    header["counts"]["seven"],
)
print(
    label("train / validation / test:", "训练集 / 验证集 / 测试集："),
    *(len(part) for part in split_poems([p[2] for p in poems]).values()),
)
print(label("tokens:", "词元："), len(tokens), tokens[:10])
author, title, text = poems[0]
print(f"{author}《{title}》{text}")
print(encode(text, {t: i for i, t in enumerate(tokens)})[:9])
