import numpy as np


def cue_streams(streams, length, period, rng):
    """x: a cue of +1 or -1 every `period` steps, 0 elsewhere.
    y: the latest cue. Both have shape (streams, length, 1).
    """
    cues = rng.choice([-1.0, 1.0], size=(streams, -(-length // period)))
    x = np.zeros((streams, length, 1), dtype="float32")
    x[:, ::period, 0] = cues
    y = cues[:, np.arange(length) // period, None].astype("float32")
    return x, y


if __name__ == "__main__":
    x, y = cue_streams(1, 20, 5, np.random.default_rng(0))
    rows = {"t": np.arange(20), "x": x[0, :, 0], "y": y[0, :, 0]}
    for name, values in rows.items():
        print(f"{name}:", " ".join(f"{int(v):>2}" for v in values))
