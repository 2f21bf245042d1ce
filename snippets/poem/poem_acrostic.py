from poem_decode import acrostic
from poem_export import load, site_model

weights = load(site_model())

# --8<-- [start:acrostic]
for n in (5, 7):
    for line in acrostic(weights, "春夏秋冬", n, temperature=0.8, seed=25):
        print(line)
    print()
# --8<-- [end:acrostic]
