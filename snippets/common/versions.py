import sys

import keras
import matplotlib
import numpy as np
import tensorflow as tf

print("Python     ", sys.version.split()[0])
print("NumPy      ", np.__version__)
print("TensorFlow ", tf.__version__)
print("Keras      ", keras.__version__)
print("Matplotlib ", matplotlib.__version__)
