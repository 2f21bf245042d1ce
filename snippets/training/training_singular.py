import numpy as np


# --8<-- [start:powers]
def power_norms(recurrent_kernel, powers):
    """||(W^T)^k||_2 for each k: the bound on k steps of the backward pass near
    zero."""
    w = np.asarray(recurrent_kernel, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != w.shape[1]:
        raise ValueError(
            f"recurrent_kernel: expected shape (units, units), got {w.shape}"
        )
    return [
        np.linalg.norm(np.linalg.matrix_power(w.T, k), ord=2) for k in powers
    ]


# --8<-- [end:powers]


if __name__ == "__main__":
    w = np.array([[0.9, 5.0], [0.0, 0.9]])
    powers = (1, 2, 5, 10, 20, 40, 80)
    radius = np.abs(np.linalg.eigvals(w)).max()
    largest = np.linalg.svd(w, compute_uv=False)[0]
    print(
        rf"$W_h = \begin{{pmatrix}} 0.9 & 5 \\ 0 & 0.9 \end{{pmatrix}}$, "
        rf"$\rho(W_h) = {radius:.2f}$, $\sigma_1(W_h) = {largest:.2f}$:"
        "\n"
    )
    print("| $k$ | " + " | ".join(str(k) for k in powers) + " |")
    print("|---|" + "---:|" * len(powers))
    norms = power_norms(w, powers)
    print(
        r"| $\lVert (W_h^\top)^k \rVert_2$ | "
        + " | ".join(f"{n:.3g}" for n in norms)
        + " |"
    )
