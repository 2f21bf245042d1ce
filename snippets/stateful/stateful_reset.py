import keras
import numpy as np


def stateful_layers(model):
    """Every layer built with stateful=True, also inside nested models."""
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            found.extend(stateful_layers(layer))
        elif getattr(layer, "stateful", False):
            found.append(layer)
    return found


def reset_stateful_layers(model):
    """Keras 3's replacement for Keras 2's model.reset_states()."""
    for layer in stateful_layers(model):
        layer.reset_state()


class ResetStatefulLayers(keras.callbacks.Callback):
    """Start every epoch, and every evaluation, from zero state."""

    def on_epoch_begin(self, epoch, logs=None):
        reset_stateful_layers(self.model)

    def on_test_begin(self, logs=None):
        reset_stateful_layers(self.model)


def largest_state(model):
    return max(
        float(np.abs(keras.ops.convert_to_numpy(state)).max())
        for layer in stateful_layers(model)
        for state in layer.states
    )


if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(batch_shape=(2, 5, 3)),
            keras.layers.LSTM(4, stateful=True, return_sequences=True),
            keras.layers.GRU(4, stateful=True),
            keras.layers.Dense(1),
        ]
    )
    model.predict(np.ones((2, 5, 3)), batch_size=2, verbose=0)

    names = [type(layer).__name__ for layer in stateful_layers(model)]
    print("stateful layers:", names)
    print("largest |state| after one batch:", round(largest_state(model), 4))
    reset_stateful_layers(model)
    print("largest |state| after reset:    ", largest_state(model))
