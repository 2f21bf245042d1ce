import keras
from classify_padding import MAXLEN
from classify_tokens import VOCAB_SIZE

KINDS = ("simple_rnn", "gru", "lstm", "bidirectional_lstm")


def recurrent_layer(kind, units=32):
    layers = {
        "simple_rnn": keras.layers.SimpleRNN,
        "gru": keras.layers.GRU,
        "lstm": keras.layers.LSTM,
    }
    if kind == "bidirectional_lstm":
        return keras.layers.Bidirectional(keras.layers.LSTM(units))
    return layers[kind](units)


def build_model(kind="lstm"):
    """The study note's model: Embedding(500, 16) + LSTM(32) + a sigmoid
    Dense, on poems padded to 128 characters, padding masked."""
    return keras.Sequential(
        [
            keras.Input(shape=(MAXLEN,)),
            keras.layers.Embedding(VOCAB_SIZE, 16, mask_zero=True),
            recurrent_layer(kind),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


if __name__ == "__main__":
    for kind in KINDS:
        model = build_model(kind)
        print(
            f"{kind:<20}",
            [layer.count_params() for layer in model.layers],
            "total",
            model.count_params(),
        )
