"""The colours of the LSTM and GRU cell drawings: one palette for both chapters.

A still figure draws the parts it is about in HIGHLIGHT (boxes filled with
HIGHLIGHT_FILL) and the rest in MUTED; the LSTM's cell state runs in STATE. An
animation draws the stage it is computing in ACCENT (boxes in ACCENT_FILL), the
only place orange appears.
"""

HIGHLIGHT = "#3949ab"
HIGHLIGHT_FILL = "#e8eaf6"
STATE = "#00897b"
MUTED = "#c4c7d4"
ACCENT = "#d84315"
ACCENT_FILL = "#fbe9e7"

if __name__ == "__main__":
    for name in (
        "HIGHLIGHT",
        "HIGHLIGHT_FILL",
        "STATE",
        "MUTED",
        "ACCENT",
        "ACCENT_FILL",
    ):
        print(f"{name:<15}{globals()[name]}")
