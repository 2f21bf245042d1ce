import keras
import numpy as np
from labels import label

keras.utils.set_random_seed(0)
steps, changed = 8, 6  # steps are numbered 1..8
x = np.random.default_rng(0).normal(size=(1, steps, 3)).astype("float32")
x_changed = x.copy()
x_changed[0, changed - 1] += 1.0  # only the input at step 6 differs

layers = {
    "GRU": keras.layers.GRU(4, return_sequences=True),
    "Bidirectional(GRU)": keras.layers.Bidirectional(
        keras.layers.GRU(4, return_sequences=True)
    ),
}
print(
    label(
        "Largest change of the output at each step $t$ "
        f"when $x_{changed}$ changes:",
        f"只改变 $x_{changed}$ 时，每一步 $t$ 的输出最多变了多少：",
    )
    + "\n"
)
print("| $t$ | " + " | ".join(str(t) for t in range(1, steps + 1)) + " |")
print("|---|" + "---:|" * steps)
for name, layer in layers.items():
    before, after = (
        keras.ops.convert_to_numpy(layer(v))[0] for v in (x, x_changed)
    )
    change = np.abs(after - before).max(axis=-1)
    print(f"| `{name}` | " + " | ".join(f"{c:.1e}" for c in change) + " |")
