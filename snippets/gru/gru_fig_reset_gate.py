from gru_diagram import gru_cell_figure


def fig_gru_reset_gate():
    return gru_cell_figure("reset")


if __name__ == "__main__":
    fig_gru_reset_gate().savefig("fig_gru_reset_gate.svg")
    print("wrote fig_gru_reset_gate.svg")
