from lstm_diagram import lstm_cell_figure


def lstm_fig_cell():
    return lstm_cell_figure()


if __name__ == "__main__":
    lstm_fig_cell().savefig("lstm_fig_cell.svg")
    print("wrote lstm_fig_cell.svg")
