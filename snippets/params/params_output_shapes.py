import keras
import numpy as np

B, T, x, h = 4, 10, 8, 16
COLUMNS = {"`SimpleRNN`, `GRU`": ("SimpleRNN", "GRU"), "`LSTM`": ("LSTM",)}


def symbols(name, return_sequences, return_state, bidirectional):
    """What each returned tensor holds, in the order Keras returns them."""
    states = ["h", "c"] if name == "LSTM" else ["h"]
    if bidirectional:
        forward, backward = r"\overrightarrow{%s}", r"\overleftarrow{%s}"
        if return_sequences:
            output = f"[{forward % 'h'};{backward % 'h'}]_{{1:T}}"
        else:
            output = f"[{forward % 'h'}_T;{backward % 'h'}_1]"
        finals = [forward % s + "_T" for s in states]
        finals += [backward % s + "_1" for s in states]
    else:
        output = "h_{1:T}" if return_sequences else "h_T"
        finals = [f"{s}_T" for s in states]
    return [output] + (finals if return_state else [])


def table_cell(name, return_sequences, return_state, bidirectional, inputs):
    layer = getattr(keras.layers, name)(
        h, return_sequences=return_sequences, return_state=return_state
    )
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
    print("| `return_sequences`<br>`return_state` | " + " | ".join(COLUMNS) + " |")
    print("|---|---|---|")
    for sequences in (False, True):
        for state in (False, True):
            cells = []
            for names in COLUMNS.values():
                found = {table_cell(name, sequences, state, bidirectional, inputs)
                         for name in names}
                if len(found) != 1:
                    raise ValueError(f"{names}: expected the same tensors, got {found}")
                cells.append(found.pop())
            print(f"| `{sequences}`<br>`{state}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    print_shape_table()
