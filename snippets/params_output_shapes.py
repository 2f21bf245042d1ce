import keras
import numpy as np

B, T, x, h = 4, 10, 8, 16
LAYERS = ("SimpleRNN", "LSTM", "GRU")


def symbols(name, return_sequences, return_state, bidirectional):
    """What each returned tensor holds, in the order Keras returns them."""
    states = ["h", "c"] if name == "LSTM" else ["h"]
    if bidirectional:
        forward, backward = r"\overrightarrow{%s}_T", r"\overleftarrow{%s}_1"
        output = (r"[\overrightarrow{h};\overleftarrow{h}]_{1:T}" if return_sequences
                  else r"[\overrightarrow{h}_T;\overleftarrow{h}_1]")
        finals = [forward % s for s in states] + [backward % s for s in states]
    else:
        output = "h_{1:T}" if return_sequences else "h_T"
        finals = [f"{s}_T" for s in states]
    return [output] + (finals if return_state else [])


def table_cell(name, return_sequences, return_state, bidirectional, inputs):
    layer = getattr(keras.layers, name)(h, return_sequences=return_sequences, return_state=return_state)
    if bidirectional:
        layer = keras.layers.Bidirectional(layer)
    returned = layer(inputs)
    if not isinstance(returned, (list, tuple)):
        returned = [returned]
    names = symbols(name, return_sequences, return_state, bidirectional)
    if len(names) != len(returned):
        raise ValueError(f"{name}: expected {len(names)} tensors, got {len(returned)}")
    return "<br>".join(f"${s}$ `{tuple(t.shape)}`" for s, t in zip(names, returned))


def print_shape_table(bidirectional=False):
    inputs = np.zeros((B, T, x), dtype="float32")
    print(f"$B = {B},\\ T = {T},\\ x = {x},\\ h = {h}$\n")
    print("| `return_sequences` | `return_state` | " + " | ".join(f"`{n}`" for n in LAYERS) + " |")
    print("|---|---|---|---|---|")
    for return_sequences in (False, True):
        for return_state in (False, True):
            cells = [table_cell(n, return_sequences, return_state, bidirectional, inputs) for n in LAYERS]
            print(f"| `{return_sequences}` | `{return_state}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    print_shape_table()
