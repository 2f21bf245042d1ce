import keras
from labels import label

vocabulary, embedding_dim, units, steps = 500, 16, 32, 128
embedding = keras.layers.Embedding(vocabulary, embedding_dim)
lstm = keras.layers.LSTM(units)
keras.Sequential([keras.Input(shape=(steps,)), embedding, lstm])

V, d, h, x = vocabulary, embedding_dim, units, embedding_dim
embedding_params = V * d
lstm_params = 4 * (h * (h + x) + h)
total = embedding_params + lstm_params
rows = [
    (
        "`Embedding`",
        rf"$V d = {V} \cdot {d}$",
        embedding_params,
        embedding.count_params(),
    ),
    (
        "`LSTM`",
        rf"$4(h(h+x)+h) = 4({h}({h}+{x})+{h})$",
        lstm_params,
        lstm.count_params(),
    ),
    (
        label("total", "合计"),
        "",
        total,
        embedding.count_params() + lstm.count_params(),
    ),
]
print(
    f"| {label('layer', '层')} | {label('formula', '公式')} "
    "| $P$ | `count_params()` |"
)
print("|---|---|---:|---:|")
for name, formula, ours, theirs in rows:
    print(f"| {name} | {formula} | {ours:,} | {theirs:,} |")
print(f"\n`float32`: {total:,} × 4 B = {total * 4:,} B = {total * 4 / 1024} KB")
