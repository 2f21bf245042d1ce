import keras
import numpy as np
from stateful_data import split_streams, to_stateful_batches
from stateful_reset import ResetStatefulLayers, reset_stateful_layers


def build_stateful_model(
    batch_size, chunk_len, features, units=16, stateful=True
):
    model = keras.Sequential(
        [
            keras.Input(batch_shape=(batch_size, chunk_len, features)),
            keras.layers.LSTM(units, stateful=stateful, return_sequences=True),
            keras.layers.Dense(1),
        ]
    )
    optimizer = keras.optimizers.Adam(learning_rate=0.02, clipnorm=1.0)
    model.compile(optimizer=optimizer, loss="mse")
    return model


def fit_in_order(model, x, y, batch_size, epochs):
    return model.fit(
        x,
        y,
        batch_size=batch_size,
        epochs=epochs,
        shuffle=False,
        callbacks=[ResetStatefulLayers()],
        verbose=0,
    )


def predict_in_order(model, x, batch_size):
    reset_stateful_layers(model)
    return model.predict(x, batch_size=batch_size, verbose=0)


if __name__ == "__main__":
    B, T = 4, 20
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    t = np.arange(801, dtype="float32")[:, None]
    wave = np.sin(0.07 * t) + 0.1 * rng.normal(size=t.shape)
    wave = wave.astype("float32")
    x = to_stateful_batches(split_streams(wave[:-1], B), T)
    y = to_stateful_batches(split_streams(wave[1:], B), T)

    model = build_stateful_model(B, T, features=1)
    print("x:", x.shape, " y:", y.shape, " batches per epoch:", len(x) // B)
    model.summary(line_length=72)

    history = fit_in_order(model, x, y, batch_size=B, epochs=3)
    prediction = predict_in_order(model, x, batch_size=B)
    losses = [round(loss, 3) for loss in history.history["loss"]]
    print("loss per epoch:", losses)
    print("prediction:", prediction.shape)
