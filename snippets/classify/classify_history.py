from classify_train import result

if __name__ == "__main__":
    run = result("lstm", 0, "normalised")
    h = run["history"]
    print("epoch    loss  accuracy  val_loss  val_accuracy")
    for epoch in range(len(h["loss"])):
        print(f"{epoch + 1:>5}  {h['loss'][epoch]:.3f}  "
              f"{h['accuracy'][epoch]:>8.3f}  {h['val_loss'][epoch]:>8.3f}  "
              f"{h['val_accuracy'][epoch]:>12.3f}")
    print(f"kept the weights of epoch {run['best_epoch']} "
          f"(lowest val_loss); test accuracy {run['test_accuracy']:.3f}")
