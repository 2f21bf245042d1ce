from lstm_diagram import lstm_cell_figure


def fig_lstm_input_gate():
    return lstm_cell_figure(highlight={"input"})


if __name__ == "__main__":
    fig_lstm_input_gate().savefig("fig_lstm_input_gate.svg")
    print("wrote fig_lstm_input_gate.svg")
