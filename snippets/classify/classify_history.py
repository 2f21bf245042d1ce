from classify_train import trained

if __name__ == "__main__":
    result = trained("lstm")
    h = result["history"]
    print("epoch    loss  accuracy  val_loss  val_accuracy")
    for epoch in range(len(h["loss"])):
        print(f"{epoch + 1:>5}  {h['loss'][epoch]:.3f}  {h['accuracy'][epoch]:>8.3f}  "
              f"{h['val_loss'][epoch]:>8.3f}  {h['val_accuracy'][epoch]:>12.3f}")
    print(f"stopped after epoch {len(h['loss'])}, weights of epoch {result['best_epoch']}")
    print(f"test accuracy {result['test_accuracy']:.3f}")
