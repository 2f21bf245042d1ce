import keras

MAXLEN = 128


def pad(sequences, maxlen=MAXLEN):
    """Right padding and truncation: keep each poem's beginning."""
    return keras.utils.pad_sequences(
        sequences, maxlen=maxlen, padding="post", truncating="post", value=0
    )


if __name__ == "__main__":
    sequences = [[5, 6, 7], [5, 6, 7, 8, 9, 10, 11]]
    for padding in ("pre", "post"):
        for truncating in ("pre", "post"):
            padded = keras.utils.pad_sequences(
                sequences, maxlen=5, padding=padding, truncating=truncating
            )
            print(
                f"padding={padding!r:<7} truncating={truncating!r:<7}",
                padded.tolist(),
            )
