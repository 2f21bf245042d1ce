from lstm_diagram import lstm_cell_figure


def fig_lstm_cell():
    return lstm_cell_figure()


if __name__ == "__main__":
    fig_lstm_cell().savefig("fig_lstm_cell.svg")
    print("wrote fig_lstm_cell.svg")
