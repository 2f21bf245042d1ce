from gru_diagram import gru_cell_figure


def gru_fig_candidate():
    return gru_cell_figure("candidate")


if __name__ == "__main__":
    gru_fig_candidate().savefig("gru_fig_candidate.svg")
    print("wrote gru_fig_candidate.svg")
