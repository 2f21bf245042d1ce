from gru_diagram import gru_cell_figure


def gru_fig_new_state():
    return gru_cell_figure("new_state")


if __name__ == "__main__":
    gru_fig_new_state().savefig("gru_fig_new_state.svg")
    print("wrote gru_fig_new_state.svg")
