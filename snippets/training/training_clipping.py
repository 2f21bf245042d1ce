import keras
import numpy as np
from training_exploding import exploding_rnn, loss_gradients

CLIPPING = {
    "none": {},
    "clipnorm=1": {"clipnorm": 1.0},
    "global_clipnorm=1": {"global_clipnorm": 1.0},
    "clipvalue=0.1": {"clipvalue": 0.1},
}


# --8<-- [start:step]
def sgd_step(grads, learning_rate=0.1, **clipping):
    """One real Keras SGD step from zero weights; returns the step taken for
    each weight."""
    weights = [keras.Variable(np.zeros_like(g)) for g in grads]
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate, **clipping)
    optimizer.apply_gradients(zip(grads, weights))
    return [keras.ops.convert_to_numpy(w) for w in weights]


# --8<-- [end:step]


def norm(arrays):
    return float(np.sqrt(sum(np.sum(a**2) for a in arrays)))


if __name__ == "__main__":
    from labels import label

    _, grads = loss_gradients(*exploding_rnn(1.25))
    print(
        label(
            r"$\rho = 1.25$, `SGD(learning_rate=0.1)`; "
            r"norms of the step $\Delta$, and the "
            r"cosine of the angle between $\Delta$ and $-g$:",
            r"$\rho = 1.25$，`SGD(learning_rate=0.1)`；"
            r"更新量 $\Delta$ 的范数，以及 $\Delta$ 与 "
            r"$-g$ 夹角的余弦：",
        ),
        "\n",
    )
    print(
        f"| {label('clipping', '裁剪')} | "
        r"$\lVert\Delta W_x\rVert$ | $\lVert\Delta W_h\rVert$ | "
        r"$\lVert\Delta b\rVert$ | $\lVert\Delta\rVert$ | $\cos(\Delta, -g)$ |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    flat_g = np.concatenate([g.ravel() for g in grads])
    for name, options in CLIPPING.items():
        step = sgd_step(grads, **options)
        flat = np.concatenate([s.ravel() for s in step])
        cosine = (
            -flat @ flat_g / (np.linalg.norm(flat) * np.linalg.norm(flat_g))
        )
        cells = [f"{norm([s]):.3g}" for s in step] + [
            f"{norm(step):.3g}",
            f"{cosine:.3f}",
        ]
        shown = (
            label("no clipping", "不裁剪") if name == "none" else f"`{name}`"
        )
        print(f"| {shown} | " + " | ".join(cells) + " |")
