"""Decoding the poem model in NumPy: one LSTM step, sampling, free text and
the acrostic (藏头诗).

The model is Embedding -> LSTM(U) -> Dense(V) logits, in Keras' weight layout
(gates i, f, c, o). Every step is float64 arithmetic, and the random numbers
come from mulberry32, a 32-bit generator that JavaScript computes exactly, so
the page's poem writer (assets/javascripts/poem-writer.js) writes the same
poem as acrostic() for the same weights, seed and temperature.

Run it: ``python snippets/poem/poem_decode.py`` prints an acrostic from a
tiny random model.
"""

import unicodedata

import numpy as np

START = "<s>"  # token 0: every poem begins with it
LINE_ENDS = ("，", "。", "，", "。")  # after lines 1, 2, 3, 4
SHAPES = {  # V tokens, E embedding width, U LSTM units
    "embedding": ("V", "E"),
    "kernel": ("E", "4U"),
    "recurrent_kernel": ("U", "4U"),
    "bias": ("4U",),
    "dense_kernel": ("U", "V"),
    "dense_bias": ("V",),
}


# --8<-- [start:rng]
class Rng:
    """mulberry32 (Tommy Ettinger, 2017): a uint32 state, a float in [0, 1)
    per next(). Integer steps only, so JavaScript gets the same numbers."""

    def __init__(self, seed):
        if not isinstance(seed, int | np.integer) or not 0 <= seed < 2**32:
            raise ValueError(
                f"seed: expected an integer in [0, 2**32), got {seed!r}"
            )
        self.state = int(seed)

    def next(self):
        self.state = (self.state + 0x6D2B79F5) % 2**32
        t = _mul32(self.state ^ (self.state >> 15), self.state | 1)
        t ^= (t + _mul32(t ^ (t >> 7), t | 61)) % 2**32
        return (t ^ (t >> 14)) / 2**32


def _mul32(a, b):
    """JavaScript's Math.imul, on unsigned 32-bit integers."""
    return (a * b) % 2**32


# --8<-- [end:rng]


def model_arrays(weights):
    """The weights as float64 arrays (tokens as a list), their shapes checked
    against each other: ValueError names the expected and the actual shape."""
    if isinstance(weights, dict) and weights.get("checked"):
        return weights
    tokens = list(weights["tokens"])
    arrays = {name: np.asarray(weights[name], np.float64) for name in SHAPES}
    vocab, width = arrays["embedding"].shape[0], arrays["kernel"].shape[0]
    units = arrays["recurrent_kernel"].shape[0]
    sizes = {"V": vocab, "E": width, "U": units, "4U": 4 * units}
    for name, symbols in SHAPES.items():
        expected = tuple(sizes[s] for s in symbols)
        if arrays[name].shape != expected:
            named = ", ".join(f"{s}={sizes[s]}" for s in symbols)
            named = f"({named},)" if len(symbols) == 1 else f"({named})"
            raise ValueError(
                f"{name}: expected shape {named}, got {arrays[name].shape}"
            )
    if len(tokens) != vocab or tokens[0] != START:
        raise ValueError(
            f"tokens: expected {vocab} tokens starting with {START!r}, "
            f"got {len(tokens)} starting with {tokens[:1]}"
        )
    missing = [mark for mark in "，。" if mark not in tokens]
    if missing:
        raise ValueError(f"tokens: the line ends {missing} are missing")
    return dict(arrays, tokens=tokens, checked=True)


def zero_state(weights):
    """(h, c) at the start of a poem: zeros of shape (U,)."""
    units = model_arrays(weights)["recurrent_kernel"].shape[0]
    return np.zeros(units), np.zeros(units)


# --8<-- [start:step]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def step(weights, token_index, state):
    """Feed one token: the logits for the next one, and the new (h, c)."""
    w = model_arrays(weights)
    h, c = _check_state(w, state)
    if not 0 <= token_index < len(w["tokens"]):
        raise ValueError(
            f"token_index: expected 0 <= index < {len(w['tokens'])}, "
            f"got {token_index}"
        )
    x = w["embedding"][token_index]
    z = x @ w["kernel"] + h @ w["recurrent_kernel"] + w["bias"]
    z_i, z_f, z_c, z_o = np.split(z, 4)
    c = sigmoid(z_f) * c + sigmoid(z_i) * np.tanh(z_c)
    h = sigmoid(z_o) * np.tanh(c)
    logits = h @ w["dense_kernel"] + w["dense_bias"]
    return logits, (h, c)


# --8<-- [end:step]


def _check_state(w, state):
    units = w["recurrent_kernel"].shape[0]
    if state is None:
        return np.zeros(units), np.zeros(units)
    h, c = (np.asarray(part, np.float64) for part in state)
    for name, part in (("h", h), ("c", c)):
        if part.shape != (units,):
            raise ValueError(
                f"state {name}: expected shape ({units},), got {part.shape}"
            )
    return h, c


# --8<-- [start:sample]
def sample(logits, temperature, rng, allowed=None, top_k=None):
    """The index of the next token.

    Temperature 0 is greedy: the largest logit, the lowest index on a tie,
    and no random number drawn. Otherwise p_i ∝ exp((z_i - max z) / T) over
    the allowed indices (only the top_k largest logits, if given), and one
    draw u picks the first index whose running sum exceeds u times the total.
    """
    z = np.asarray(logits, np.float64)
    if z.ndim != 1:
        raise ValueError(f"logits: expected shape (V,), got {z.shape}")
    if temperature < 0:
        raise ValueError(f"temperature: expected >= 0, got {temperature}")
    candidates = np.arange(len(z))
    if allowed is not None:
        allowed = np.asarray(allowed, bool)
        if allowed.shape != z.shape:
            raise ValueError(
                f"allowed: expected shape {z.shape}, got {allowed.shape}"
            )
        candidates = candidates[allowed]
    if len(candidates) == 0:
        raise ValueError("allowed: no token is allowed")
    if temperature == 0:
        return int(candidates[np.argmax(z[candidates])])
    if top_k is not None:
        if top_k < 1:
            raise ValueError(f"top_k: expected >= 1, got {top_k}")
        largest = np.argsort(-z[candidates], kind="stable")[:top_k]
        candidates = np.sort(candidates[largest])
    scores = z[candidates]
    p = np.exp((scores - scores.max()) / temperature)
    running = np.cumsum(p)
    target = rng.next() * running[-1]
    return int(candidates[np.argmax(running > target)])


# --8<-- [end:sample]


def is_punctuation(token):
    """Whether a token is a punctuation mark (Unicode category P*)."""
    return len(token) == 1 and unicodedata.category(token).startswith("P")


def body_mask(tokens):
    """The tokens a line's characters are sampled from: not the start token,
    not punctuation."""
    return np.array([t != START and not is_punctuation(t) for t in tokens])


def token_indices(tokens, text, name):
    """The index of each character of ``text``; ValueError names every
    character outside the vocabulary."""
    index = {token: k for k, token in enumerate(tokens)}
    unknown = [ch for ch in dict.fromkeys(text) if ch not in index]
    if unknown:
        raise ValueError(
            f"{name}: {' '.join(unknown)} not in the model's vocabulary "
            f"({len(tokens)} tokens)"
        )
    return [index[ch] for ch in text]


def generate(weights, n_tokens, temperature, seed, top_k=None, prefix=""):
    """Free sampling: ``prefix`` fed after the start token, then ``n_tokens``
    sampled tokens (any but the start token). Returns prefix + the sample."""
    w = model_arrays(weights)
    tokens = w["tokens"]
    rng, allowed = Rng(seed), np.array([t != START for t in tokens])
    state = zero_state(w)
    logits, state = step(w, 0, state)
    for index in token_indices(tokens, prefix, "prefix"):
        logits, state = step(w, index, state)
    text = prefix
    for _ in range(n_tokens):
        index = sample(logits, temperature, rng, allowed, top_k)
        text += tokens[index]
        logits, state = step(w, index, state)
    return text


# --8<-- [start:acrostic]
def acrostic(weights, heads, n, temperature, seed, top_k=None):
    """Four lines of ``n`` characters (5 or 7), line k starting with
    heads[k] when given. Heads and line ends are forced: fed to the model,
    never drawn. Every other character is sampled from the characters only,
    without punctuation or the start token."""
    w = model_arrays(weights)
    tokens = w["tokens"]
    if n not in (5, 7):
        raise ValueError(f"n: expected 5 or 7 characters a line, got {n}")
    if len(heads) > 4:
        raise ValueError(f"heads: expected at most 4 characters, got {heads}")
    forced, allowed = token_indices(tokens, heads, "heads"), body_mask(tokens)
    marks = [tokens[k] for k in forced if not allowed[k]]
    if marks:
        raise ValueError(f"heads: {' '.join(marks)} cannot start a line")
    rng = Rng(seed)
    logits, state = step(w, 0, zero_state(w))
    lines = []
    for k, end in enumerate(LINE_ENDS):
        line = []
        for position in range(n + 1):
            if position == 0 and k < len(forced):
                index = forced[k]
            elif position == n:
                index = tokens.index(end)
            else:
                index = sample(logits, temperature, rng, allowed, top_k)
            line.append(tokens[index])
            logits, state = step(w, index, state)
        lines.append("".join(line))
    return lines


# --8<-- [end:acrostic]


def random_weights(tokens, width=8, units=16, seed=0):
    """Weights of the model's structure for ``tokens``, drawn at random: for
    trying the decoding without a trained model."""
    rng = np.random.default_rng(seed)
    vocab = len(tokens)

    def draw(*shape):  # a matrix's scale shrinks with its inputs, as trained
        scale = 1 / np.sqrt(shape[0]) if len(shape) == 2 else 0.1
        return rng.normal(0, scale, shape).astype(np.float32)

    return {
        "tokens": list(tokens),
        "embedding": rng.normal(0, 0.5, (vocab, width)).astype(np.float32),
        "kernel": draw(width, 4 * units),
        "recurrent_kernel": draw(units, 4 * units),
        "bias": draw(4 * units),
        "dense_kernel": draw(units, vocab),
        "dense_bias": draw(vocab),
    }


if __name__ == "__main__":
    tokens = [START, "，", "。"] + list("春夏秋冬山水风月花鸟云雨日夜江天")
    weights = random_weights(tokens)
    for line in acrostic(weights, "春夏秋冬", 5, temperature=0.8, seed=7):
        print(line)
    print(generate(weights, 12, temperature=0, seed=7, prefix="春"))
