"""Reset every stateful layer of a Keras 3 model, by hand or at the start of every epoch.

Run it: ``python snippets/stateful_reset.py`` lists the stateful layers of a model and resets them.
"""

# --8<-- [start:callback]
import keras


def stateful_layers(model):
    """Every layer of `model` built with stateful=True, including those inside nested models."""
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            found.extend(stateful_layers(layer))
        elif getattr(layer, "stateful", False):
            found.append(layer)
    return found


def reset_stateful_layers(model):
    """Set the carried-over state of every stateful layer back to zeros (Keras 2's model.reset_states())."""
    for layer in stateful_layers(model):
        layer.reset_state()


class ResetStatefulLayers(keras.callbacks.Callback):
    """Start every epoch, and every evaluation, from zero state."""

    def on_epoch_begin(self, epoch, logs=None):
        reset_stateful_layers(self.model)

    def on_test_begin(self, logs=None):
        reset_stateful_layers(self.model)
# --8<-- [end:callback]


if __name__ == "__main__":
    import numpy as np

    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(batch_shape=(2, 5, 3)),
        keras.layers.LSTM(4, stateful=True, return_sequences=True),
        keras.layers.GRU(4, stateful=True),
        keras.layers.Dense(1),
    ])
    model.predict(np.ones((2, 5, 3)), batch_size=2, verbose=0)

    def largest_state(model):
        return max(float(np.abs(keras.ops.convert_to_numpy(v)).max())
                   for layer in stateful_layers(model) for v in layer.states)

    print("stateful layers:", [type(layer).__name__ for layer in stateful_layers(model)])
    print("largest |state| after one batch:", round(largest_state(model), 4))
    reset_stateful_layers(model)
    print("largest |state| after reset:    ", largest_state(model))
