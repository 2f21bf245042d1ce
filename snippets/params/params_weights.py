import keras
from params_tables import weights_table

x, h = 16, 32
layers = {
    f"SimpleRNN({h})": keras.layers.SimpleRNN(h),
    f"LSTM({h})": keras.layers.LSTM(h),
    f"GRU({h})": keras.layers.GRU(h),
    f"GRU({h}, reset_after=False)": keras.layers.GRU(h, reset_after=False),
}
rows = []
for call, layer in layers.items():
    layer.build((None, None, x))
    kernel, recurrent_kernel, bias = (
        tuple(weight.shape) for weight in layer.weights
    )
    rows.append((call, kernel, recurrent_kernel, bias, layer.count_params()))
print(weights_table(rows, x=x, h=h))
