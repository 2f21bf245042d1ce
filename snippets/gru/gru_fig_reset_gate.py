from gru_diagram import gru_cell_figure


def gru_fig_reset_gate():
    return gru_cell_figure("reset")


if __name__ == "__main__":
    gru_fig_reset_gate().savefig("gru_fig_reset_gate.svg")
    print("wrote gru_fig_reset_gate.svg")
