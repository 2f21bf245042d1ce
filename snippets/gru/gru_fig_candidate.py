from gru_diagram import gru_cell_figure


def fig_gru_candidate():
    return gru_cell_figure("candidate")


if __name__ == "__main__":
    fig_gru_candidate().savefig("fig_gru_candidate.svg")
    print("wrote fig_gru_candidate.svg")
