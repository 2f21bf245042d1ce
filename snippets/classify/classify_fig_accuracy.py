from classify_fig_curves import curves


def classify_fig_accuracy():
    return curves("accuracy", r"$a$")


if __name__ == "__main__":
    classify_fig_accuracy().savefig("classify_fig_accuracy.svg")
    print("wrote classify_fig_accuracy.svg")
