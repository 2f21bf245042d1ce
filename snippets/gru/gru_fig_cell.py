from gru_diagram import gru_cell_figure


def fig_gru_cell():
    return gru_cell_figure()


if __name__ == "__main__":
    fig_gru_cell().savefig("fig_gru_cell.svg")
    print("wrote fig_gru_cell.svg")
