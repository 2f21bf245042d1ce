import keras

from stacked_params import stack_rows

model = keras.Sequential([
    keras.Input(shape=(128,)),
    keras.layers.Embedding(500, 16),
    keras.layers.LSTM(32, return_sequences=True),
    keras.layers.LSTM(32, return_sequences=True),
    keras.layers.LSTM(16),
    keras.layers.Dense(1, activation="sigmoid"),
])

rows = stack_rows(model)
print("| | `output.shape` | $x$ | $h$ | $P$ | `count_params()` |")
print("|---|---|--:|--:|---|--:|")
for row in rows:
    x, h = ("" if value is None else value for value in (row["x"], row["h"]))
    print(f"| `{row['label']}` | `{row['output_shape']}` | {x} | {h} | "
          f"{row['formula']} = {row['count']:,} | {row['keras']:,} |")
print(f"| $\\sum$ | | | | {sum(row['count'] for row in rows):,} | {model.count_params():,} |")
