import keras
from stacked_params import stack_rows

model = keras.Sequential(
    [
        keras.Input(shape=(128,)),
        keras.layers.Embedding(500, 16),
        keras.layers.LSTM(32, return_sequences=True),
        keras.layers.LSTM(32, return_sequences=True),
        keras.layers.LSTM(16),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)


def tex(number):
    return f"{number:,}".replace(",", "{,}")


print(
    "| `model.layers` | `output.shape` | $x$ | $h$ | $P$ | `count_params()` |"
)
print("|---|---|--:|--:|--:|--:|")
rows = stack_rows(model)
for row in rows:
    x, h = ("" if v is None else v for v in (row["x"], row["h"]))
    formula = f"${row['formula']} = {tex(row['count'])}$"
    print(
        f"| `{row['label']}` | {row['output_shape']} | {x} | {h} "
        f"| {formula} | {row['keras']:,} |"
    )
total = sum(row["count"] for row in rows)
print(f"| $\\sum$ | | | | {total:,} | {model.count_params():,} |")
