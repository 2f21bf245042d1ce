from lstm_diagram import lstm_cell_figure


def lstm_fig_forget_gate():
    return lstm_cell_figure(highlight={"forget"})


if __name__ == "__main__":
    lstm_fig_forget_gate().savefig("lstm_fig_forget_gate.svg")
    print("wrote lstm_fig_forget_gate.svg")
