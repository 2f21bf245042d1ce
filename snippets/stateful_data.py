"""Lay a long sequence out in batches for a stateful RNN: sample i of batch k+1 continues sample i of batch k.

Run it: ``python snippets/stateful_data.py`` prints the layout of a sequence of 36 time steps.
"""

# --8<-- [start:chunks]
import numpy as np


def split_streams(sequence, batch_size):
    """Cut one long sequence of shape (N, features) into batch_size consecutive streams.

    Returns shape (batch_size, N // batch_size, features): stream i is the i-th stretch of the sequence.
    """
    sequence = np.asarray(sequence)
    if sequence.ndim != 2 or sequence.shape[0] % batch_size != 0 or sequence.shape[0] == 0:
        raise ValueError(
            f"sequence: expected shape (N, features) with N a positive multiple of {batch_size}, "
            f"got {sequence.shape}"
        )
    return sequence.reshape(batch_size, -1, sequence.shape[1])


def to_stateful_batches(streams, chunk_len):
    """Cut streams of shape (B, L, features) into chunks of chunk_len steps, ordered for a stateful RNN.

    Returns shape (K * B, chunk_len, features) with K = L // chunk_len. Row k * B + i is chunk k of
    stream i, so with batch_size=B and shuffle=False batch k holds chunk k of every stream.
    """
    streams = np.asarray(streams)
    if streams.ndim != 3 or streams.shape[1] % chunk_len != 0 or streams.shape[1] == 0:
        raise ValueError(
            f"streams: expected shape (B, L, features) with L a positive multiple of {chunk_len}, "
            f"got {streams.shape}"
        )
    batch, length, features = streams.shape
    chunks = streams.reshape(batch, length // chunk_len, chunk_len, features)
    return chunks.transpose(1, 0, 2, 3).reshape(-1, chunk_len, features)


def from_stateful_batches(samples, batch_size):
    """Undo to_stateful_batches: (K * B, chunk_len, features) back to streams (B, K * chunk_len, features)."""
    samples = np.asarray(samples)
    if samples.ndim != 3 or samples.shape[0] % batch_size != 0 or samples.shape[0] == 0:
        raise ValueError(
            f"samples: expected shape (K * {batch_size}, chunk_len, features) with K >= 1, "
            f"got {samples.shape}"
        )
    _, chunk_len, features = samples.shape
    chunks = samples.reshape(-1, batch_size, chunk_len, features)
    return chunks.transpose(1, 0, 2, 3).reshape(batch_size, -1, features)
# --8<-- [end:chunks]


def example_layout(length=36, batch_size=3, chunk_len=4):
    """The time index t of every step, laid out as batches: shape (K, batch_size, chunk_len)."""
    t = np.arange(length).reshape(-1, 1)
    samples = to_stateful_batches(split_streams(t, batch_size), chunk_len)
    return samples[..., 0].reshape(-1, batch_size, chunk_len)


if __name__ == "__main__":
    layout = example_layout()
    for k, batch in enumerate(layout, start=1):
        print(f"batch {k}:")
        for i, sample in enumerate(batch, start=1):
            print(f"  sample {i}: t = {sample.tolist()}")
