import keras

vocabulary, embedding_dim, units, steps = 500, 16, 32, 128
embedding = keras.layers.Embedding(vocabulary, embedding_dim)
lstm = keras.layers.LSTM(units)
keras.Sequential([keras.Input(shape=(steps,)), embedding, lstm])

V, d, h, x = vocabulary, embedding_dim, units, embedding_dim
embedding_params = V * d
lstm_params = 4 * (h * (h + x) + h)
total = embedding_params + lstm_params
rows = [
    ("Embedding", f"V*d = {V}*{d}", embedding_params, embedding.count_params()),
    ("LSTM", f"4(h(h+x)+h) = 4*({h}*({h}+{x})+{h})", lstm_params,
     lstm.count_params()),
    ("total", "", total, embedding.count_params() + lstm.count_params()),
]
print(f"{'layer':<10}{'formula':<36}{'ours':>7}{'Keras':>8}")
for name, formula, ours, theirs in rows:
    print(f"{name:<10}{formula:<36}{ours:>7,}{theirs:>8,}")
print(f"float32: {total:,} * 4 bytes = {total * 4:,} B = {total * 4 / 1024} KB")
