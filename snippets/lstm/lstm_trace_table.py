import keras
import numpy as np
from labels import label
from lstm_trace import (
    READ,
    STORE,
    VALUE,
    memory_cell_weights,
    memory_sequence,
    trace,
)

x = memory_sequence()
s = trace(x, *memory_cell_weights())
print(
    f"| $t$ | {label('marker', '标记')} "
    "| $v_t$ | $i_t$ | $f_t$ | $o_t$ | $c_t$ | $h_t$ |"
)
print("|---:|---|---:|---:|---:|---:|---:|---:|")
for t in np.flatnonzero(x[:, STORE] + x[:, READ]):
    marker = "$s_t = 1$" if x[t, STORE] else "$r_t = 1$"
    gates = " | ".join(f"{s[gate][t]:.3f}" for gate in "ifo")
    c_t, h_t = (
        round(float(s[k][t]), 3) + 0.0 for k in "ch"
    )  # + 0.0: no "-0.000"
    print(
        f"| {t + 1} | {marker} | {x[t, VALUE]:+.3f} | {gates} "
        f"| {c_t:+.3f} | {h_t:+.3f} |"
    )
no_store, no_read = x[:, STORE] == 0, x[:, READ] == 0
f_low = f"{s['f'][no_store].min():.5f}"
h_high = f"{np.abs(s['h'][no_read]).max():.5f}"
print(
    "\n"
    + label(
        f"On every step without a store marker $f_t \\ge {f_low}$; "
        "on every step without a read "
        f"marker $\\lvert h_t \\rvert \\le {h_high}$.",
        f"没有写入标记的每一步上 $f_t \\ge {f_low}$；没有读出标记的每一步上 "
        f"$\\lvert h_t \\rvert \\le {h_high}$。",
    )
)

layer = keras.layers.LSTM(1, return_sequences=True)
layer.build((None, None, 3))
layer.set_weights(memory_cell_weights())
h_keras = keras.ops.convert_to_numpy(layer(x[None].astype("float32")))
same = bool(np.abs(h_keras[0, :, 0] - s["h"]).max() < 1e-5)
print(
    "\n"
    + label(
        "Same $h_t$ from `keras.layers.LSTM` with these weights: ",
        "用同样的权重时，`keras.layers.LSTM` 的 $h_t$ 是否一致：",
    )
    + f"`{same}`"
)
