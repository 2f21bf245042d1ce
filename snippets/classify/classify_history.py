from classify_train import result
from labels import label

if __name__ == "__main__":
    run = result("lstm", 0, "normalised")
    h = run["history"]
    print("epoch    loss  accuracy  val_loss  val_accuracy")
    for epoch in range(len(h["loss"])):
        print(
            f"{epoch + 1:>5}  {h['loss'][epoch]:.3f}  "
            f"{h['accuracy'][epoch]:>8.3f}  {h['val_loss'][epoch]:>8.3f}  "
            f"{h['val_accuracy'][epoch]:>12.3f}"
        )
    print(
        label("kept the weights of epoch ", "恢复第 ")
        + f"{run['best_epoch']}"
        + label(
            " (lowest val_loss); test accuracy ",
            " 轮的权重（val_loss 最低）；测试准确率 ",
        )
        + f"{run['test_accuracy']:.3f}"
    )
