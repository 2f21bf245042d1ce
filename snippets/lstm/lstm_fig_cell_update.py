from lstm_diagram import lstm_cell_figure


def lstm_fig_cell_update():
    return lstm_cell_figure(highlight={"cell"})


if __name__ == "__main__":
    lstm_fig_cell_update().savefig("lstm_fig_cell_update.svg")
    print("wrote lstm_fig_cell_update.svg")
