"""The poem model as one small file for the page's poem writer.

    export(weights, bits=8) -> bytes      load(data) -> weights for decoding

The four matrices are quantised to signed integers of ``bits`` bits (8 at
most, one byte each) with one float32 scale per output column: each output
of a product x @ W then carries the error of its own column only, and a
column of small weights (a rare character's logit) keeps its precision
beside one of large weights. The embedding is one row per token, looked up
whole, so it gets one scale per row. The biases stay float32.

The file: ``RNNP``, a uint32 header length, a UTF-8 JSON header (the
tokens, and each array's shape, dtype, byte offset and scale axis), then the
arrays, little-endian, each starting at a multiple of 4 bytes. load() gives
the weights as integer times scale in float64; the widget holds the same
integers and scales and applies a column's scale after its sum, so NumPy and
the browser decode from the same numbers and differ only in float64's last
bits.

Run it: ``python snippets/poem/poem_export.py`` prints the site's file's
size and the largest change of a logit that quantising made.
"""

import gzip
import json
import struct
from pathlib import Path

import numpy as np
from poem_decode import SHAPES, acrostic, model_arrays, random_weights, step

MAGIC = b"RNNP"
BUDGET = 400_000  # bytes the reader downloads, gzip-compressed
SCALE_AXIS = {  # the axis a scale runs along: one per column, or per row
    "embedding": 0,
    "kernel": 1,
    "recurrent_kernel": 1,
    "dense_kernel": 1,
}


def quantise(matrix, axis, bits):
    """Integers in [-(2**(bits-1) - 1), 2**(bits-1) - 1] and a float32 scale
    per row (axis 0) or column (axis 1): matrix ≈ integers * scale."""
    top = 2 ** (bits - 1) - 1
    largest = np.abs(matrix).max(axis=1 - axis, keepdims=True)
    scale = (largest / top).astype(np.float32)
    safe = np.where(scale > 0, scale, 1).astype(np.float64)
    integers = np.clip(np.round(matrix / safe), -top, top).astype(np.int8)
    return integers, scale.ravel()


def export(weights, bits=8):
    """The model file's bytes (same weights, same bytes)."""
    if not 2 <= bits <= 8:
        raise ValueError(f"bits: expected 2 to 8, got {bits}")
    w = model_arrays(weights)
    header = {"tokens": w["tokens"], "bits": bits, "arrays": {}}
    blobs = []
    for name in SHAPES:
        array = np.asarray(weights[name], np.float32)
        if name in SCALE_AXIS:
            integers, scale = quantise(array, SCALE_AXIS[name], bits)
            parts = {"values": integers, "scale": scale}
        else:
            parts = {"values": array}
        header["arrays"][name] = {"shape": list(array.shape)}
        if name in SCALE_AXIS:
            header["arrays"][name]["scale_axis"] = SCALE_AXIS[name]
        for part, data in parts.items():
            blobs.append((name, part, data))
    # offsets from the start of the data, each a multiple of 4
    offset = 0
    for name, part, data in blobs:
        header["arrays"][name][part] = {
            "dtype": data.dtype.name,
            "offset": offset,
        }
        offset += -(-data.nbytes // 4) * 4
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":"))
    head = text.encode("utf-8")
    head += b" " * (-(len(head) + 8) % 4)  # the data starts 4-aligned
    out = [MAGIC, struct.pack("<I", len(head)), head]
    for _, _, data in blobs:
        raw = data.astype(data.dtype.newbyteorder("<")).tobytes()
        out.append(raw + b"\0" * (-len(raw) % 4))
    return b"".join(out)


def load(data):
    """The weights in a model file, dequantised in float64 (value * scale),
    ready for poem_decode's step, sample and acrostic."""
    if isinstance(data, str | Path):
        data = Path(data).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"not a poem model file: starts {data[:4]!r}")
    (length,) = struct.unpack("<I", data[4:8])
    header = json.loads(data[8 : 8 + length].decode("utf-8"))
    start = 8 + length
    weights = {"tokens": header["tokens"]}
    for name, spec in header["arrays"].items():
        shape = tuple(spec["shape"])
        values = _read(data, start, spec["values"], int(np.prod(shape)))
        values = values.reshape(shape)
        if "scale" in spec:
            axis = spec["scale_axis"]
            scale = _read(data, start, spec["scale"], shape[axis])
            values = values * (scale[:, None] if axis == 0 else scale)
        weights[name] = values
    return model_arrays(weights)


def _read(data, start, part, count):
    """``count`` numbers of one array's part, as float64."""
    dtype = np.dtype(part["dtype"]).newbyteorder("<")
    at = start + part["offset"]
    return np.frombuffer(data, dtype, count, at).astype(np.float64)


def gzip_size(data):
    """Bytes after gzip -9 (mtime 0: the same bytes every time)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def largest_logit_change(weights, loaded, sequences):
    """The largest |logit difference| between the original weights and the
    loaded ones, over every step of the given token sequences."""
    largest = 0.0
    for sequence in sequences:
        state, state_loaded = None, None
        for index in sequence:
            logits, state = step(weights, index, state)
            logits_loaded, state_loaded = step(loaded, index, state_loaded)
            change = np.abs(logits - logits_loaded).max()
            largest = max(largest, float(change))
    return largest


def stand_in_weights(vocab=2000, width=32, units=128):
    """Random weights of the trained model's structure, with a vocabulary of
    ``vocab`` tokens that holds 春夏秋冬: the site ships these only while
    snippets/poem/ has no poem_model.py."""
    tokens = ["<s>", "，", "。", *"春夏秋冬"]
    tokens += [chr(0x4E00 + k) for k in range(vocab - len(tokens))]
    return random_weights(tokens, width, units, seed=25)


def site_weights():
    """The weights the site ships: poem_model.trained_weights(), the
    chapter's trained model (a stand-in until that module exists)."""
    if (Path(__file__).parent / "poem_model.py").is_file():
        from poem_model import trained_weights

        return trained_weights()
    return stand_in_weights()


def export_within_budget(weights):
    """export() with the most bits (8 at most) that keep the file within
    BUDGET gzip-compressed."""
    for bits in range(8, 1, -1):
        data = export(weights, bits)
        if gzip_size(data) <= BUDGET:
            return data
    raise ValueError(
        f"the poem model exceeds {BUDGET} bytes gzip-compressed even at 2 bits"
    )


def site_model():
    """The file the site serves (assets/poem/poem-model.bin)."""
    return export_within_budget(site_weights())


if __name__ == "__main__":
    weights = site_weights()
    data = export_within_budget(weights)
    loaded = load(data)
    print(f"{len(data)} bytes, {gzip_size(data)} gzip-compressed")
    lines = acrostic(loaded, "春夏秋冬", 5, temperature=0.8, seed=1)
    tokens = loaded["tokens"]
    sequences = [[0] + [tokens.index(ch) for ch in "".join(lines)]]
    change = largest_logit_change(weights, loaded, sequences)
    print(f"largest change of a logit: {change:.2e}")
