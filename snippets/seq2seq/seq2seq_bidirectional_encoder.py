import keras
from seq2seq_data import DIGITS

units, length = 32, 5
encoder_input = keras.Input((length, DIGITS))
encoder = keras.layers.Bidirectional(
    keras.layers.LSTM(units, return_state=True)
)
output, h_forward, c_forward, h_backward, c_backward = encoder(encoder_input)
h = keras.layers.Concatenate()([h_forward, h_backward])  # [h_fwd; h_bwd]
c = keras.layers.Concatenate()([c_forward, c_backward])

decoder_input = keras.Input((None, DIGITS + 1))
decoder = keras.layers.LSTM(2 * units, return_sequences=True)  # twice the units
sequence = decoder(decoder_input, initial_state=[h, c])

print(
    "encoder returns:",
    [
        tuple(t.shape)
        for t in (output, h_forward, c_forward, h_backward, c_backward)
    ],
)
print("decoder initial_state:", [tuple(t.shape) for t in (h, c)])
print("decoder output:", tuple(sequence.shape))
