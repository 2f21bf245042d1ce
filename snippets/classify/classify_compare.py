from classify_model import KINDS
from classify_train import majority_accuracy, trained

NAMES = {"bag_of_characters": "bag of characters + logistic regression",
         "simple_rnn": "`SimpleRNN(32)`", "gru": "`GRU(32)`", "lstm": "`LSTM(32)`",
         "bidirectional_lstm": "`Bidirectional(LSTM(32))`"}

if __name__ == "__main__":
    print("| model | parameters | epochs | best epoch | test accuracy | training CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| majority class | 0 | | | {majority_accuracy():.3f} | |")
    for kind in ("bag_of_characters", *KINDS):
        r = trained(kind)
        print(f"| {NAMES[kind]} | {r['parameters']:,} | {r['epochs']} | "
              f"{r['best_epoch']} | {r['test_accuracy']:.3f} | {r['cpu_seconds']:.1f} |")
