import keras
import numpy as np

x, h = 16, 32
kernel, recurrent_kernel = (x, 3 * h), (h, 3 * h)
print(f"kernel            {kernel} = {np.prod(kernel)}")
print(f"recurrent_kernel  {recurrent_kernel} = {np.prod(recurrent_kernel)}")

for reset_after, bias in ((True, (2, 3 * h)), (False, (3 * h,))):
    total = np.prod(kernel) + np.prod(recurrent_kernel) + np.prod(bias)
    formula, written = (
        (3 * (h * (h + x) + 2 * h), "3(h(h+x)+2h)")
        if reset_after
        else (3 * (h * (h + x) + h), "3(h(h+x)+h)")
    )
    layer = keras.layers.GRU(h, reset_after=reset_after)
    layer.build((None, None, x))
    print(
        f"reset_after={reset_after}: bias {bias} = {np.prod(bias)}, "
        f"total {total}"
    )
    print(
        f"  {written} = {formula}, "
        f"Keras count_params() = {layer.count_params()}"
    )
