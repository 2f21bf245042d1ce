from lstm_diagram import lstm_cell_figure


def fig_lstm_output_gate():
    return lstm_cell_figure(highlight={"output"})


if __name__ == "__main__":
    fig_lstm_output_gate().savefig("fig_lstm_output_gate.svg")
    print("wrote fig_lstm_output_gate.svg")
