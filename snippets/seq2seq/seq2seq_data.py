import numpy as np

DIGITS, START = 10, 10  # tokens 0-9 are digits; 10 starts the decoder


# --8<-- [start:data]
def reversal_data(strings, reverse=True):
    """Encoder input, decoder input and target for reversing digit strings (n,
    length) of ints 0-9 (with reverse=False, for copying them).

    The decoder input is the target shifted right by one step behind a START
    token: at step t the decoder sees the true previous digit (teacher
    forcing)."""
    strings = np.asarray(strings)
    if (
        strings.ndim != 2
        or strings.size == 0
        or strings.min() < 0
        or strings.max() >= DIGITS
    ):
        raise ValueError(
            "strings: expected shape (n, length) of digits 0-9, "
            f"got {strings.shape}"
        )
    target = strings[:, ::-1] if reverse else strings
    shifted = np.concatenate(
        [np.full((len(strings), 1), START), target[:, :-1]], axis=1
    )
    encoder_input = np.eye(DIGITS, dtype="float32")[strings]
    decoder_input = np.eye(DIGITS + 1, dtype="float32")[shifted]
    return encoder_input, decoder_input, target


def train_test_strings(n_train, n_test, length, seed=0):
    """Distinct random digit strings, none of the test strings seen in
    training."""
    rng = np.random.default_rng(seed)
    numbers = rng.choice(DIGITS**length, size=n_train + n_test, replace=False)
    strings = (numbers[:, None] // DIGITS ** np.arange(length)[::-1]) % DIGITS
    return strings[:n_train], strings[n_train:]


# --8<-- [end:data]


if __name__ == "__main__":
    train, test = train_test_strings(3, 2, length=5)
    encoder_input, decoder_input, target = reversal_data(train)
    print("strings:", train.tolist())
    print("target: ", target.tolist())
    print("decoder input tokens:", decoder_input.argmax(-1).tolist())
    print("shapes:", encoder_input.shape, decoder_input.shape, target.shape)
