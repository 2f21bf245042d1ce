import keras
import trained
from seq2seq_data import reversal_data, train_test_strings
from seq2seq_model import build_seq2seq, greedy_decode

LENGTH, N_TRAIN, N_TEST, UNITS, EPOCHS = 5, 3000, 1000, 64, 10


# --8<-- [start:train]
def train_seq2seq(reverse=True, seed=0):
    """Train the encoder-decoder to reverse (or copy) digit strings; score it on
    unseen strings, decoding with the true previous digits (teacher forcing) and
    greedily."""
    train, test = train_test_strings(N_TRAIN, N_TEST, LENGTH)
    x_train, teacher_train, y_train = reversal_data(train, reverse)
    x_test, teacher_test, y_test = reversal_data(test, reverse)

    keras.utils.set_random_seed(seed)
    model, encoder, decoder_step = build_seq2seq(LENGTH, UNITS)
    model.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss="sparse_categorical_crossentropy",
    )
    model.fit(
        [x_train, teacher_train],
        y_train,
        batch_size=64,
        epochs=EPOCHS,
        verbose=0,
    )

    forced = model.predict([x_test, teacher_test], verbose=0).argmax(axis=-1)
    greedy = greedy_decode(encoder, decoder_step, x_test, LENGTH)
    scores = {}
    for name, decoded in (("forced", forced), ("greedy", greedy)):
        right = decoded == y_test
        scores[name] = {
            "digit": float(right.mean()),
            "string": float(right.all(axis=1).mean()),
            "position": right.mean(axis=0).tolist(),
        }
    return {"test": test.tolist(), "decoded": greedy.tolist(), **scores}


# --8<-- [end:train]


def trained_seq2seq(reverse=True, seed=0):
    """train_seq2seq(reverse, seed), trained once and then read back
    (trained.py): the page, its notebook and the tests share the training."""
    sources = [train_test_strings, build_seq2seq, trained.kept, train_seq2seq]
    return trained.kept(
        f"seq2seq-{'reverse' if reverse else 'copy'}-{seed}",
        sources,
        lambda: train_seq2seq(reverse, seed),
    )


if __name__ == "__main__":
    from seq2seq_tables import scores_tables

    runs = {
        "reverse": trained_seq2seq(reverse=True),
        "copy": trained_seq2seq(reverse=False),
    }
    print(scores_tables(runs, N_TRAIN, N_TEST))
