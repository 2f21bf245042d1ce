import keras
import numpy as np

from seq2seq_data import reversal_data, train_test_strings
from seq2seq_model import build_seq2seq, greedy_decode

LENGTH, N_TRAIN, N_TEST, UNITS, EPOCHS = 5, 3000, 1000, 64, 10

train, test = train_test_strings(N_TRAIN, N_TEST, LENGTH)
x_train, teacher_train, y_train = reversal_data(train)
x_test, teacher_test, y_test = reversal_data(test)

keras.utils.set_random_seed(0)
model, encoder, decoder_step = build_seq2seq(LENGTH, UNITS)
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
model.fit([x_train, teacher_train], y_train, batch_size=64, epochs=EPOCHS, verbose=0)

forced = model.predict([x_test, teacher_test], verbose=0).argmax(axis=-1)
greedy = greedy_decode(encoder, decoder_step, x_test, LENGTH)
print(f"{N_TRAIN} training strings, {N_TEST} unseen test strings of {LENGTH} digits")
for name, decoded in (("teacher forcing", forced), ("greedy decoding", greedy)):
    per_digit = np.mean(decoded == y_test)
    whole = np.mean(np.all(decoded == y_test, axis=1))
    print(f"{name}: per digit {per_digit:.3f}, whole string {whole:.3f}")
print("greedy, per output position:", np.round(np.mean(greedy == y_test, axis=0), 3))
print("input  -> greedy output (target)")
for string, decoded, target in zip(test[:5], greedy, y_test):
    mark = "" if np.array_equal(decoded, target) else "  wrong"
    print("".join(map(str, string)), "->", "".join(map(str, decoded)),
          f"({''.join(map(str, target))}){mark}")
wrong = np.flatnonzero(np.any(greedy != y_test, axis=1))
print(f"wrong strings: {len(wrong)}; the first:", "".join(map(str, test[wrong[0]])), "->",
      "".join(map(str, greedy[wrong[0]])), f"({''.join(map(str, y_test[wrong[0]]))})")
