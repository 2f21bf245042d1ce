from poem_results import curve_sentence

print(curve_sentence())
