from gru_diagram import gru_cell_figure


def gru_fig_update_gate():
    return gru_cell_figure("update")


if __name__ == "__main__":
    gru_fig_update_gate().savefig("gru_fig_update_gate.svg")
    print("wrote gru_fig_update_gate.svg")
