import keras
import numpy as np


# --8<-- [start:adam]
def adam_steps(grads, **clipping):
    """Feed a sequence of gradients to a real Keras Adam; return the norm of
    each step taken."""
    weight = keras.Variable(np.zeros_like(grads[0]))
    optimizer = keras.optimizers.Adam(learning_rate=0.01, **clipping)
    sizes = []
    for grad in grads:
        before = keras.ops.convert_to_numpy(weight)
        optimizer.apply_gradients([(grad, weight)])
        sizes.append(
            np.linalg.norm(keras.ops.convert_to_numpy(weight) - before)
        )
    return np.array(sizes)


# --8<-- [end:adam]


SPIKE, SETTLED = (
    20,
    60,
)  # the exploding batch's step; where the table's last rows start


if __name__ == "__main__":
    from labels import label

    rng = np.random.default_rng(0)
    grads = rng.normal(scale=0.25, size=(100, 8)).astype("float32")
    grads[SPIKE - 1] *= 1000  # one exploding batch
    steps = (1, SPIKE - 1, SPIKE, SPIKE + 1, 40, SETTLED, 100)
    norms = np.linalg.norm(grads, axis=1)
    ordinary = np.delete(norms, SPIKE - 1)
    print(
        label(
            rf"$\lVert g_t \rVert$ from {ordinary.min():.2f} "
            f"to {ordinary.max():.2f}, "
            f"and {norms[SPIKE - 1]:.0f} at step {SPIKE}; "
            r"$\lVert\Delta_t\rVert$ for "
            "`Adam(learning_rate=0.01)`:",
            rf"$\lVert g_t \rVert$ 在 {ordinary.min():.2f} "
            f"到 {ordinary.max():.2f} 之间，"
            f"第 {SPIKE} 步为 {norms[SPIKE - 1]:.0f}；"
            "`Adam(learning_rate=0.01)` 每一步的 "
            r"$\lVert\Delta_t\rVert$：",
        ),
        "\n",
    )
    print(
        f"| {label('update', '更新步')} $t$ | "
        + " | ".join(str(t) for t in steps)
        + " |"
    )
    print("|---|" + "---:|" * len(steps))
    sizes = {}
    for name, options in {"none": {}, "clipnorm=1": {"clipnorm": 1.0}}.items():
        sizes[name] = adam_steps(grads, **options)
        shown = (
            label("no clipping", "不裁剪") if name == "none" else f"`{name}`"
        )
        print(
            f"| {shown} | "
            + " | ".join(f"{sizes[name][t - 1]:.4f}" for t in steps)
            + " |"
        )
    ratio = sizes["none"] / sizes["clipnorm=1"]
    larger = SPIKE + np.argmax(
        ratio[SPIKE:] < 1
    )  # the steps SPIKE+1 .. larger stay larger
    settled = 1 / ratio[SETTLED - 1 :]
    print(
        "\n"
        + label(
            f"Steps {SPIKE + 1}–{larger}: the step without clipping is up to "
            f"{ratio[SPIKE:larger].max():.2f} times the clipped one. "
            f"From step {SETTLED} on, the clipped step is "
            f"{settled.min():.1f} to {settled.max():.1f} times the step "
            f"without clipping, {settled.mean():.1f} times on average.",
            f"第 {SPIKE + 1}–{larger} 步：不裁剪时的更新量最多是裁剪时的 "
            f"{ratio[SPIKE:larger].max():.2f} 倍。"
            f"从第 {SETTLED} 步起，裁剪时的更新量是不裁剪时的 "
            f"{settled.min():.1f}–{settled.max():.1f} 倍，"
            f"平均 {settled.mean():.1f} 倍。",
        )
    )
