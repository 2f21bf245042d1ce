import keras
import numpy as np
from params_tables import shape_table

B, T, x, h = 4, 10, 8, 16


def returned_shapes(name, return_sequences, return_state, bidirectional=False):
    """The shape of every tensor the layer returns, in order."""
    layer = getattr(keras.layers, name)(
        h, return_sequences=return_sequences, return_state=return_state
    )
    if bidirectional:
        layer = keras.layers.Bidirectional(layer)
    returned = layer(np.zeros((B, T, x), dtype="float32"))
    if not isinstance(returned, (list, tuple)):
        returned = [returned]
    return [tuple(tensor.shape) for tensor in returned]


if __name__ == "__main__":
    print(shape_table(returned_shapes, sizes=dict(B=B, T=T, x=x, h=h)))
