import keras
import numpy as np
from labels import label
from poem_data import tokens_and_splits
from poem_decode import step
from poem_model import trained_weights

weights = trained_weights()
tokens, splits = tokens_and_splits()
poem = np.array([splits["test"][0]], dtype="int32")  # (1, T): <s> + poem


def stepping_model(weights):
    """The trained layers, taking the LSTM's state in and giving it out."""
    vocab, width = np.shape(weights["embedding"])
    units = np.shape(weights["recurrent_kernel"])[0]
    x = keras.Input(shape=(None,), dtype="int32")
    h0, c0 = keras.Input(shape=(units,)), keras.Input(shape=(units,))
    e = keras.layers.Embedding(vocab, width)(x)
    lstm = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    y, h, c = lstm(e, initial_state=[h0, c0])
    logits = keras.layers.Dense(vocab)(y)
    model = keras.Model([x, h0, c0], [logits, h, c])
    names = ("embedding", "kernel", "recurrent_kernel", "bias")
    model.set_weights(
        [np.asarray(weights[n], "float32") for n in names]
        + [
            np.asarray(weights[n], "float32")
            for n in ("dense_kernel", "dense_bias")
        ]
    )
    return model


model = stepping_model(weights)
zero = np.zeros((1, model.inputs[1].shape[1]), "float32")
whole, _, _ = model.predict([poem, zero, zero], verbose=0)
half = poem.shape[1] // 2
_, h, c = model.predict([poem[:, :half], zero, zero], verbose=0)
rest, _, _ = model.predict([poem[:, half:], h, c], verbose=0)
print("".join(tokens[i] for i in poem[0, 1:]))
print(
    label(
        "largest logit difference, whole poem vs two halves with the state "
        "carried:",
        "整首一次读完与分两半、中间传递状态，logits 的最大差：",
    ),
    f"{np.abs(whole[:, half:] - rest).max():.2g}",
)

state, logits = None, []
for index in poem[0]:
    z, state = step(weights, int(index), state)  # state = (h, c)
    logits.append(z)
print(
    label(
        "largest logit difference, Keras vs poem_decode.step token by token:",
        "Keras 与逐个词元调用 poem_decode.step，logits 的最大差：",
    ),
    f"{np.abs(whole[0] - np.array(logits)).max():.2g}",
)
