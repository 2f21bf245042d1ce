import keras
import numpy as np

from lstm_trace import READ, STORE, VALUE, memory_cell_weights
from lstm_trace import memory_sequence, trace

x = memory_sequence()
s = trace(x, *memory_cell_weights())
print(" t  marker    v_t    i_t    f_t    o_t     c_t     h_t")
for t in np.flatnonzero(x[:, STORE] + x[:, READ]):
    marker = "s_t=1" if x[t, STORE] else "r_t=1"
    gates = "".join(f"{s[gate][t]:7.3f}" for gate in "ifo")
    print(f"{t + 1:2}  {marker}  {x[t, VALUE]:+.3f}{gates}"
          f"  {s['c'][t]:+.3f}  {s['h'][t]:+.3f}")
no_store, no_read = x[:, STORE] == 0, x[:, READ] == 0
print(f"f_t on all steps without a store marker: >= "
      f"{s['f'][no_store].min():.5f}")
print(f"|h_t| on all steps without a read marker: <= "
      f"{np.abs(s['h'][no_read]).max():.5f}")

layer = keras.layers.LSTM(1, return_sequences=True)
layer.build((None, None, 3))
layer.set_weights(memory_cell_weights())
h_keras = keras.ops.convert_to_numpy(layer(x[None].astype("float32")))
print("keras.layers.LSTM, same weights, same h_t:",
      bool(np.abs(h_keras[0, :, 0] - s["h"]).max() < 1e-5))
