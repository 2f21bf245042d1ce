import keras
import numpy as np


# --8<-- [start:adam]
def adam_steps(grads, **clipping):
    """Feed a sequence of gradients to a real Keras Adam; return the norm of each step taken."""
    weight = keras.Variable(np.zeros_like(grads[0]))
    optimizer = keras.optimizers.Adam(learning_rate=0.01, **clipping)
    sizes = []
    for grad in grads:
        before = keras.ops.convert_to_numpy(weight)
        optimizer.apply_gradients([(grad, weight)])
        sizes.append(np.linalg.norm(keras.ops.convert_to_numpy(weight) - before))
    return np.array(sizes)
# --8<-- [end:adam]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    grads = rng.normal(scale=0.25, size=(100, 8)).astype("float32")
    grads[19] *= 1000  # one exploding batch at step 20
    steps = (1, 19, 20, 21, 40, 60, 100)
    norms = np.linalg.norm(grads, axis=1)
    ordinary = np.delete(norms, 19)
    print(rf"$\lVert g_t \rVert$ from {ordinary.min():.2f} to {ordinary.max():.2f}, and "
          rf"{norms[19]:.0f} at step 20; $\lVert\Delta_t\rVert$ for "
          "`Adam(learning_rate=0.01)`:\n")
    print("| step $t$ | " + " | ".join(str(t) for t in steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for name, options in {"none": {}, "clipnorm=1": {"clipnorm": 1.0}}.items():
        sizes = adam_steps(grads, **options)
        print(f"| `{name}` | " + " | ".join(f"{sizes[t - 1]:.4f}" for t in steps) + " |")
