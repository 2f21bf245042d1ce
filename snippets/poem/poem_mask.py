import numpy as np
from labels import label
from poem_decode import body_mask, generate, step
from poem_export import load, site_model

weights = load(site_model())
tokens = weights["tokens"]


# --8<-- [start:mask]
def probabilities(logits, temperature=1.0, allowed=None):
    """softmax(logits / T), over the allowed tokens only: the others get
    exactly zero and the allowed share the whole mass in the model's own
    proportions. The logits themselves are not touched."""
    z = np.asarray(logits, np.float64) / temperature
    if allowed is not None:
        z = np.where(allowed, z, -np.inf)  # a new array: logits unchanged
    p = np.exp(z - z.max())
    return p / p.sum()


# --8<-- [end:mask]

state, logits = None, None
for ch in ["<s>", *"春风吹落日"]:  # five characters of a seven-character line
    logits, state = step(weights, tokens.index(ch), state)
before = logits.copy()
allowed = body_mask(tokens)  # characters only: no <s>, no "，" or "。"
free, masked = probabilities(logits), probabilities(logits, allowed=allowed)
comma = tokens.index("，")
print(
    label("p(，) before and after the mask:", "掩码前后的 p(，)："),
    f"{free[comma]:.4f} {masked[comma]:.4f}",
)
print(
    label("logits unchanged by the mask:", "掩码前后 logits 不变："),
    np.array_equal(before, logits),
)
print(
    label("mass the mask removes:", "被掩码去掉的概率："),
    f"{free[~allowed].sum():.4f}",
)
print(
    label(
        "largest probability of a disallowed token after the mask:",
        "掩码后，不允许的词元的最大概率：",
    ),
    masked[~allowed].max(),
)
ratio = masked[allowed] / free[allowed]
print(
    label(
        "masked / free on the allowed tokens, min, max:",
        "允许的词元上，掩码后 / 掩码前，最小、最大：",
    ),
    f"{ratio.min():.6f} {ratio.max():.6f}",
    f"= 1 / {free[allowed].sum():.6f}",
)


def well_formed(text):
    """Whether text is four lines of 5 (or of 7) characters with "，" "。"
    "，" "。" at their ends."""
    for n in (5, 7):
        lines = [text[k * (n + 1) : (k + 1) * (n + 1)] for k in range(4)]
        if all(
            len(line) == n + 1
            and line[-1] == end
            and not set(line[:-1]) & set("，。")
            for line, end in zip(lines, "，。，。")
        ):
            return True
    return False


SEEDS = range(100)
formed = sum(well_formed(generate(weights, 32, 1.0, seed)) for seed in SEEDS)
print(
    label(
        f"Sampling at T = 1 with only <s> masked, seeds 0–{len(SEEDS) - 1}:\n"
        f"{formed} of "
        f"{len(SEEDS)} samples begin with a well-formed quatrain.",
        f"只屏蔽 <s>、T = 1 自由采样，种子 0–{len(SEEDS) - 1}："
        f"{len(SEEDS)} 个样本中有 {formed} 个以一首格式正确的绝句开头。",
    )
)
