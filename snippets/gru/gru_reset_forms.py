import numpy as np
from gru_forward import gru_forward

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 6, 3))
kernel, recurrent_kernel = rng.normal(size=(3, 12)), rng.normal(size=(4, 12))

after, _ = gru_forward(
    x, kernel, recurrent_kernel, np.zeros((2, 12)), reset_after=True
)
before, _ = gru_forward(
    x, kernel, recurrent_kernel, np.zeros(12), reset_after=False
)
print("same kernels, zero biases")
print(
    "max gap between reset_after=True and False: "
    f"{np.abs(after - before).max():.3f}"
)
