from gru_diagram import gru_cell_figure


def fig_gru_update_gate():
    return gru_cell_figure("update")


if __name__ == "__main__":
    fig_gru_update_gate().savefig("fig_gru_update_gate.svg")
    print("wrote fig_gru_update_gate.svg")
