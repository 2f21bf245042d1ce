from poem_decode import generate
from poem_export import load, site_model

weights = load(site_model())
SEED = 2025

# --8<-- [start:top-k]
for k in (None, 20, 5):
    text = generate(weights, 32, temperature=1.5, seed=SEED, top_k=k)
    print(f"top_k = {k}:", text)
# --8<-- [end:top-k]
