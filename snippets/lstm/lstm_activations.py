import numpy as np
from lstm_forward import sigmoid

for z in (-5.0, -1.0, 0.0, 1.0, 5.0):
    print(
        f"z = {z:4.1f}   sigmoid(z) = {sigmoid(z):.4f}"
        f"   tanh(z) = {np.tanh(z):7.4f}"
    )
