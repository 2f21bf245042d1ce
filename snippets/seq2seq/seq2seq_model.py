import keras
import numpy as np
from seq2seq_data import DIGITS, START


# --8<-- [start:model]
def build_seq2seq(length, units=64):
    """An LSTM encoder whose final (h, c) is the initial state of an LSTM
    decoder.

    Returns the training model (teacher forcing) and two models for decoding
    that share its layers: the encoder alone, and one decoder step from a token
    and a state."""
    encoder_input = keras.Input((length, DIGITS))
    _, h, c = keras.layers.LSTM(units, return_state=True)(encoder_input)

    decoder_input = keras.Input((None, DIGITS + 1))
    decoder = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    readout = keras.layers.Dense(DIGITS, activation="softmax")
    sequence, _, _ = decoder(decoder_input, initial_state=[h, c])
    model = keras.Model([encoder_input, decoder_input], readout(sequence))

    encoder = keras.Model(encoder_input, [h, c])
    state = [keras.Input((units,)), keras.Input((units,))]
    step, h_next, c_next = decoder(decoder_input, initial_state=state)
    decoder_step = keras.Model(
        [decoder_input, *state], [readout(step), h_next, c_next]
    )
    return model, encoder, decoder_step


# --8<-- [end:model]


# --8<-- [start:greedy]
def greedy_decode(encoder, decoder_step, encoder_input, length):
    """Decode without the target: each step's input is the previous step's most
    likely digit."""
    h, c = encoder.predict(encoder_input, verbose=0)
    token = np.full(len(encoder_input), START)
    digits = []
    for _ in range(length):
        one_hot = np.eye(DIGITS + 1, dtype="float32")[token][:, None]
        probabilities, h, c = decoder_step.predict([one_hot, h, c], verbose=0)
        token = probabilities[:, 0].argmax(axis=-1)
        digits.append(token)
    return np.stack(digits, axis=1)


# --8<-- [end:greedy]


if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    model, encoder, decoder_step = build_seq2seq(length=5)
    print(
        "trained:",
        [tuple(t.shape) for t in model.inputs],
        "->",
        tuple(model.output.shape),
    )
    print(
        "encoder:",
        tuple(encoder.inputs[0].shape),
        "->",
        [tuple(t.shape) for t in encoder.outputs],
    )
    print(
        "one step:",
        [tuple(t.shape) for t in decoder_step.inputs],
        "->",
        [tuple(t.shape) for t in decoder_step.outputs],
    )
