from lstm_diagram import lstm_cell_figure


def fig_lstm_cell_update():
    return lstm_cell_figure(highlight={"cell"})


if __name__ == "__main__":
    fig_lstm_cell_update().savefig("fig_lstm_cell_update.svg")
    print("wrote fig_lstm_cell_update.svg")
