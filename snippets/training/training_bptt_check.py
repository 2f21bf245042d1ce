import keras
import numpy as np
import tensorflow as tf
from training_bptt import simple_rnn_backward

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = tf.constant(rng.normal(size=(2, 6, 3)), dtype="float32")
upstream = rng.normal(size=(2, 6, 4)).astype("float32")  # dL/dh_t from the loss

layer = keras.layers.SimpleRNN(4, return_sequences=True)
with tf.GradientTape() as tape:
    tape.watch(x)
    loss = tf.reduce_sum(layer(x) * upstream)
kernel, recurrent_kernel, bias = layer.trainable_weights
taped = tape.gradient(loss, [kernel, recurrent_kernel, bias, x])

by_hand = simple_rnn_backward(x.numpy(), *layer.get_weights(), upstream)
for name, grad in zip(["kernel", "recurrent_kernel", "bias", "x"], taped):
    gap = np.abs(by_hand[name] - grad.numpy()).max()
    print(f"{name:<17} {str(grad.shape):<10} largest difference {gap:.1e}")
