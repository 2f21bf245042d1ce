from labels import label
from poem_decode import generate
from poem_export import load, site_model

weights = load(site_model())
TEMPERATURES, SEED = (0.5, 1.0, 1.5), 2025

# --8<-- [start:temperature]
for t in TEMPERATURES:
    print(f"T = {t}:", generate(weights, 32, temperature=t, seed=SEED))
# --8<-- [end:temperature]
print(
    label(
        f"The same seed ({SEED}), so the same random numbers, at each "
        "temperature.",
        f"三个温度用同一个种子（{SEED}），因而是同一串随机数。",
    )
)
