"""How the chapter's tables are written: Markdown with TeX, from the values its
code asks Keras for.

The page shows the code that builds layers and reads their weights, counts and
shapes; this module only turns those answers into table cells (code spans,
shapes in math, the count formula with the sizes put in, the symbol of each
returned tensor), so the page is not about Markdown. The page never shows it;
its snippets import it, and every table is still made while the site is built.
"""

from count_params import GATES

SHAPE_COLUMNS = {
    "`SimpleRNN`, `GRU`": ("SimpleRNN", "GRU"),
    "`LSTM`": ("LSTM",),
}


def _code(text):
    """Inline code in a cell, broken after commas and after Bidirectional( so
    the column stays narrow."""
    return (
        "`"
        + text.replace(", ", ",`<br>`").replace(
            "Bidirectional(", "Bidirectional(`<br>`"
        )
        + "`"
    )


def _sizes(**sizes):
    return (
        "$"
        + r",\ ".join(f"{name} = {value}" for name, value in sizes.items())
        + "$\n\n"
    )


def _table(header, align, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += [
        "| " + " | ".join(str(cell) for cell in row) + " |" for row in rows
    ]
    return "\n".join(lines)


def weights_table(rows, **sizes):
    """rows: (layer call, kernel shape, recurrent_kernel shape, bias shape,
    count_params())."""
    header = [
        "`keras.layers`",
        "`kernel`",
        "`recurrent_kernel`",
        "`bias`",
        "`count_params()`",
    ]
    cells = [
        [_code(call), *(f"${shape}$" for shape in shapes), f"{count:,}"]
        for call, *shapes, count in rows
    ]
    return _sizes(**sizes) + _table(header, ["---"] * 4 + ["---:"], cells)


def call_text(layer, units, bidirectional=False, **options):
    """The layer call as Python: GRU(32, reset_after=False),
    Bidirectional(LSTM(32))."""
    arguments = "".join(f", {name}={value}" for name, value in options.items())
    text = f"{layer}({units}{arguments})"
    return f"Bidirectional({text})" if bidirectional else text


def formula_tex(
    layer,
    input_dim,
    units,
    use_bias=True,
    reset_after=True,
    bidirectional=False,
):
    """P = d * g * (h (h + x) + n_b h) as TeX, with the numbers substituted."""
    gates = GATES[layer]
    weights = f"{units}({units}+{input_dim})"
    factors = ([r"2"] if bidirectional else []) + (
        [str(gates)] if gates > 1 else []
    )
    factor = r"\cdot".join(factors)
    if not use_bias:
        return rf"{factor}\cdot{weights}" if factor else weights
    bias = rf"2\cdot{units}" if layer == "GRU" and reset_after else str(units)
    return f"{factor}({weights}+{bias})" if factor else f"{weights}+{bias}"


def parameter_table(rows):
    """rows: ((layer, x, h, options), count_params(...), the built Keras layer's
    count_params())."""
    header = ["`keras.layers`", "$x$", "$P$", "`count_params` = Keras"]
    cells = []
    for (layer, x, h, options), ours, theirs in rows:
        relation = "=" if ours == theirs else "≠"
        cells.append(
            [
                _code(call_text(layer, h, **options)),
                x,
                f"${{{formula_tex(layer, x, h, **options)}}}$",
                f"{ours:,} {relation} {theirs:,}",
            ]
        )
    return _table(header, ["---", "---:", "---", "---:"], cells)


def symbols(name, return_sequences, return_state, bidirectional):
    """What each returned tensor holds, in TeX, in the order Keras returns
    them."""
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


def _shape_cell(returned_shapes, name, sequences, state, bidirectional):
    shapes = returned_shapes(name, sequences, state, bidirectional)
    names = symbols(name, sequences, state, bidirectional)
    if len(names) != len(shapes):
        raise ValueError(
            f"{name}: expected {len(names)} tensors, got {len(shapes)}"
        )
    return "<br>".join(
        f"${symbol}$ `{shape}`" for symbol, shape in zip(names, shapes)
    )


def shape_table(returned_shapes, sizes, bidirectional=False):
    """Every return_sequences / return_state setting: what
    ``returned_shapes(name, return_sequences, return_state, bidirectional)``
    gives, with each tensor's symbol; SimpleRNN and GRU share a column, so they
    must return the same."""
    rows = []
    for sequences in (False, True):
        for state in (False, True):
            row = [f"`{sequences}`<br>`{state}`"]
            for names in SHAPE_COLUMNS.values():
                found = {
                    _shape_cell(
                        returned_shapes, name, sequences, state, bidirectional
                    )
                    for name in names
                }
                if len(found) != 1:
                    raise ValueError(
                        f"{names}: expected the same tensors, got {found}"
                    )
                row.append(found.pop())
            rows.append(row)
    header = ["`return_sequences`<br>`return_state`", *SHAPE_COLUMNS]
    return _sizes(**sizes) + _table(header, ["---"] * 3, rows)


if __name__ == "__main__":
    print(
        weights_table(
            [("GRU(32, reset_after=False)", (16, 96), (32, 96), (96,), 4704)],
            x=16,
            h=32,
        )
    )
    print(
        parameter_table(
            [(("LSTM", 16, 32, {"bidirectional": True}), 12544, 12544)]
        )
    )
