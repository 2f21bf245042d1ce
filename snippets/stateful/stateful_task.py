import keras
import numpy as np
import stateful_cues
import stateful_data
import stateful_recipe
import stateful_reset
import trained
from stateful_cues import cue_streams
from stateful_data import from_stateful_batches, to_stateful_batches
from stateful_recipe import build_stateful_model, fit_in_order, predict_in_order

B, T, PERIOD, LENGTH, EPOCHS = 16, 10, 25, 300, 12


def cue_task(stateful):
    """Train on B streams in chunks of T steps, predict B new streams.

    Returns the test inputs, targets and predictions, each (B, LENGTH, 1).
    """
    rng = np.random.default_rng(0)
    x_train, y_train = cue_streams(B, LENGTH, PERIOD, rng)
    x_test, y_test = cue_streams(B, LENGTH, PERIOD, rng)
    keras.utils.set_random_seed(0)
    model = build_stateful_model(B, T, features=1, stateful=stateful)
    fit_in_order(
        model,
        to_stateful_batches(x_train, T),
        to_stateful_batches(y_train, T),
        B,
        EPOCHS,
    )
    prediction = predict_in_order(model, to_stateful_batches(x_test, T), B)
    return x_test, y_test, from_stateful_batches(prediction, B)


def trained_cue_task(stateful):
    """cue_task(stateful), trained once and then read back (trained.py)."""
    modules = (
        stateful_cues,
        stateful_data,
        stateful_recipe,
        stateful_reset,
        trained,
    )
    sources = [m.__file__ for m in modules] + [cue_task]  # this file or cell
    kept = trained.kept(
        f"stateful-cue-task-{stateful}",
        sources,
        lambda: [a.tolist() for a in cue_task(stateful)],
    )
    return tuple(np.array(a, dtype="float32") for a in kept)


def cue_in_earlier_chunk(length=LENGTH):
    """For each step t: is the latest cue in an earlier chunk than t?"""
    t = np.arange(length)
    latest_cue = PERIOD * (t // PERIOD)
    return latest_cue // T < t // T


def accuracy(y, prediction, where):
    return float(np.mean((np.sign(prediction) == y)[:, where]))


if __name__ == "__main__":
    results = [trained_cue_task(stateful) for stateful in (True, False)]
    earlier = cue_in_earlier_chunk()
    rows = {
        r"$k(c_t) = k(t)$": ~earlier,
        r"$k(c_t) < k(t)$": earlier,
        r"$k(c_t) \le k(t)$": np.ones_like(earlier),
    }
    from labels import label

    print(
        f"$B = {B}$, $T = {T}$, $P = {PERIOD}$, $L = {LENGTH}$, "
        f"{label('epochs', '轮次')} $= {EPOCHS}$\n"
    )
    print(r"| $t$ | $\#t / L$ | `stateful=True` | `stateful=False` |")
    print("|---|---:|---:|---:|")
    for row, where in rows.items():
        cells = [f"{accuracy(y, p, where):.2f}" for _, y, p in results]
        print(f"| {row} | {where.mean():.2f} | {' | '.join(cells)} |")
