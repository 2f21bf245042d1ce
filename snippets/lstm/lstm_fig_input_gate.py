from lstm_diagram import lstm_cell_figure


def lstm_fig_input_gate():
    return lstm_cell_figure(highlight={"input"})


if __name__ == "__main__":
    lstm_fig_input_gate().savefig("lstm_fig_input_gate.svg")
    print("wrote lstm_fig_input_gate.svg")
