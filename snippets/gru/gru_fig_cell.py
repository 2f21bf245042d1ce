from gru_diagram import gru_cell_figure


def gru_fig_cell():
    return gru_cell_figure()


if __name__ == "__main__":
    gru_fig_cell().savefig("gru_fig_cell.svg")
    print("wrote gru_fig_cell.svg")
