from gru_diagram import gru_cell_figure


def fig_gru_new_state():
    return gru_cell_figure("new_state")


if __name__ == "__main__":
    fig_gru_new_state().savefig("fig_gru_new_state.svg")
    print("wrote fig_gru_new_state.svg")
