from lstm_diagram import lstm_cell_figure


def fig_lstm_forget_gate():
    return lstm_cell_figure(highlight={"forget"})


if __name__ == "__main__":
    fig_lstm_forget_gate().savefig("fig_lstm_forget_gate.svg")
    print("wrote fig_lstm_forget_gate.svg")
