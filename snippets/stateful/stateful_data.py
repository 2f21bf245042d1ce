import numpy as np


def split_streams(sequence, batch_size):
    """Cut a sequence (N, features) into batch_size consecutive stretches.

    Returns shape (batch_size, N // batch_size, features).
    """
    sequence = np.asarray(sequence)
    n = len(sequence) if sequence.ndim == 2 else 0
    if n == 0 or n % batch_size:
        raise ValueError(
            "sequence: expected shape (N, features) with N a positive "
            f"multiple of {batch_size}, got {sequence.shape}"
        )
    return sequence.reshape(batch_size, -1, sequence.shape[1])


def to_stateful_batches(streams, chunk_len):
    """Cut streams (B, L, features) into chunks of chunk_len steps.

    Returns shape (K * B, chunk_len, features) with K = L // chunk_len.
    Row k * B + i is chunk k of stream i: with batch_size=B and
    shuffle=False, batch k holds chunk k of every stream.
    """
    streams = np.asarray(streams)
    length = streams.shape[1] if streams.ndim == 3 else 0
    if length == 0 or length % chunk_len:
        raise ValueError(
            "streams: expected shape (B, L, features) with L a positive "
            f"multiple of {chunk_len}, got {streams.shape}"
        )
    batch, _, features = streams.shape
    chunks = streams.reshape(batch, length // chunk_len, chunk_len, features)
    return chunks.transpose(1, 0, 2, 3).reshape(-1, chunk_len, features)


def from_stateful_batches(samples, batch_size):
    """Undo to_stateful_batches: back to streams (B, L, features)."""
    samples = np.asarray(samples)
    n = len(samples) if samples.ndim == 3 else 0
    if n == 0 or n % batch_size:
        raise ValueError(
            f"samples: expected shape (K * {batch_size}, chunk_len, "
            f"features) with K >= 1, got {samples.shape}"
        )
    _, chunk_len, features = samples.shape
    chunks = samples.reshape(-1, batch_size, chunk_len, features)
    return chunks.transpose(1, 0, 2, 3).reshape(batch_size, -1, features)


def example_layout(length=36, batch_size=3, chunk_len=4):
    """The step index t of every sample, as (K, batch_size, chunk_len)."""
    t = np.arange(length).reshape(-1, 1)
    samples = to_stateful_batches(split_streams(t, batch_size), chunk_len)
    return samples[..., 0].reshape(-1, batch_size, chunk_len)


if __name__ == "__main__":
    for k, batch in enumerate(example_layout(), start=1):
        print(f"batch {k}:")
        for i, sample in enumerate(batch, start=1):
            print(f"  sample {i}: t = {sample.tolist()}")
