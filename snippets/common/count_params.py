"""The parameter count of a Keras SimpleRNN, LSTM or GRU layer, from the shapes
of its weights.

Run it: ``python snippets/common/count_params.py`` prints the counts for
input_dim=16, units=32.
"""

import operator

# --8<-- [start:count_params]
GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}


def count_params(
    layer,
    input_dim,
    units,
    *,
    use_bias=True,
    reset_after=True,
    bidirectional=False,
):
    """What Keras' count_params() reports for `layer`: "SimpleRNN", "LSTM" or
    "GRU".

    Every gate block has a kernel (input_dim, units), a recurrent kernel (units,
    units) and a bias (units,); a GRU with reset_after=True has a second bias
    per block. Bidirectional holds two such layers.
    """
    if layer not in GATES:
        allowed = ", ".join(repr(name) for name in GATES)
        raise ValueError(f"layer: expected one of {allowed}, got {layer!r}")
    x = _size("input_dim", input_dim)
    h = _size("units", units)
    bias = 0
    if use_bias:
        bias = 2 * h if layer == "GRU" and reset_after else h
    one_direction = GATES[layer] * (h * (h + x) + bias)
    return 2 * one_direction if bidirectional else one_direction


# --8<-- [end:count_params]


def _size(name, value):
    """``value`` as a size: an integer >= 1 (a bool is not one), else ValueError
    naming ``name``."""
    try:
        size = operator.index(value)
    except TypeError:
        size = None
    if size is None or isinstance(value, bool) or size < 1:
        raise ValueError(f"{name}: expected an integer >= 1, got {value!r}")
    return size


if __name__ == "__main__":
    for layer in GATES:
        print(f"{layer:<10} {count_params(layer, 16, 32):>6,}")
    print(
        f"{'GRU':<10} {count_params('GRU', 16, 32, reset_after=False):>6,}"
        "  (reset_after=False)"
    )
