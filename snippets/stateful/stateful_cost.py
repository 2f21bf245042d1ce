import keras
from stateful_recipe import build_stateful_model
from stateful_task import LENGTH, B, T

chunked = build_stateful_model(B, T, features=1, stateful=True)
whole = keras.Sequential(
    [
        keras.Input(shape=(LENGTH, 1)),
        keras.layers.LSTM(16, return_sequences=True),
        keras.layers.Dense(1),
    ]
)

print(f"{'':<34}{'stateful, chunks':>17}{'stateless, whole':>17}")
print(
    f"{'parameters':<34}"
    f"{chunked.count_params():>17,}{whole.count_params():>17,}"
)
print(f"{'steps one gradient goes back':<34}{T:>17}{LENGTH:>17}")
print(f"{'updates per epoch, B streams':<34}{LENGTH // T:>17}{1:>17}")
print(f"{'batch size':<34}{'fixed: ' + str(B):>17}{'any':>17}")
print(f"{'shuffle samples':<34}{'no':>17}{'yes':>17}")
