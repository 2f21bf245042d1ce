from lstm_diagram import lstm_cell_figure


def lstm_fig_output_gate():
    return lstm_cell_figure(highlight={"output"})


if __name__ == "__main__":
    lstm_fig_output_gate().savefig("lstm_fig_output_gate.svg")
    print("wrote lstm_fig_output_gate.svg")
