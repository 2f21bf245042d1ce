"""How the parameter table writes a layer call and its formula with the sizes put in."""

from count_params import GATES


def call_text(layer, units, bidirectional=False, **options):
    arguments = "".join(f", {name}={value}" for name, value in options.items())
    text = f"{layer}({units}{arguments})"
    return f"Bidirectional({text})" if bidirectional else text


def call_cell(call):
    """A layer call as a table cell: code, broken after commas and after Bidirectional(."""
    cell = call.replace(", ", ",`<br>`").replace("Bidirectional(", "Bidirectional(`<br>`")
    return f"`{cell}`"


def formula_tex(layer, input_dim, units, use_bias=True, reset_after=True,
                bidirectional=False):
    """P = d * g * (h (h + x) + n_b h) as TeX, with the numbers substituted."""
    gates = GATES[layer]
    weights = f"{units}({units}+{input_dim})"
    factors = ([r"2"] if bidirectional else []) + ([str(gates)] if gates > 1 else [])
    factor = r"\cdot".join(factors)
    if not use_bias:
        return rf"{factor}\cdot{weights}" if factor else weights
    bias = rf"2\cdot{units}" if layer == "GRU" and reset_after else str(units)
    return f"{factor}({weights}+{bias})" if factor else f"{weights}+{bias}"


if __name__ == "__main__":
    for layer, options in [("GRU", {"reset_after": False}), ("LSTM", {"bidirectional": True})]:
        call = call_text(layer, 32, **options)
        print(call_cell(call), "->", formula_tex(layer, 16, 32, **options))
