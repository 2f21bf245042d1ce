"""The figures the pages' prose may hold, because they are not results typed by hand
(tests/test_typed_figures.py): page -> {the phrase that holds the figure, as the reader reads it
(code and plain equations left out): why}.

Why is one of:
- "chosen": a size or a setting the author chose (16 features, 32 units, ten epochs, rho 0.8);
- "defined": it follows from a definition, a formula or a library's default (4 bytes a float32,
  four times the weights of a SimpleRNN, Adam's 0.9 and 0.999);
- "example": a position or an input that a worked example or a figure walks through;
- "source": a fact that the page cites from a paper, a library or a version;
- "checked by tests/<file>.py": a bound the prose states about a run, asserted by that test (which
  test_typed_figures checks holds the phrase's numbers).
A measured figure is none of these: the snippet prints it (labels.py), and the prose does not type it.
"""

CHOSEN, DEFINED, EXAMPLE, SOURCE = "chosen", "defined", "example", "source"

ALLOWED: dict[str, dict[str, str]] = {
    "glossary.en.md": {
        "Characters and a 500-entry vocabulary": CHOSEN,
        "Padding and truncation to 128": CHOSEN,
    },
    "glossary.zh.md": {
        "字符与 500 项的词表": CHOSEN,
        "填充与截断到 128": CHOSEN,
    },
    "gru.en.md": {
        "bias ⟨math⟩ to 6": EXAMPLE,
        "Lower ⟨math⟩ to −6": EXAMPLE,
        "bias ⟨math⟩ to −6 as well": EXAMPLE,
        "the update gate is the first third of": DEFINED,
        "For 16 input features and 32 units": CHOSEN,
        "three times a simple RNN of the same size": DEFINED,
        "tends to 3/4 as the layer grows": DEFINED,
    },
    "gru.zh.md": {
        "偏置 ⟨math⟩ 调到 6": EXAMPLE,
        "把 ⟨math⟩ 调到 −6": EXAMPLE,
        "也调到 −6": EXAMPLE,
        "每一行的前三分之一": DEFINED,
        "恰好是同样大小的朴素 RNN 的三倍": DEFINED,
        "读取 16 维特征、有 32 个隐藏单元": CHOSEN,
        "最后一列趋向 3/4": DEFINED,
        "它始终略高于 3/4": DEFINED,
    },
    "lstm.en.md": {
        "the parameter count 4(h(h+x)+h)": DEFINED,
        "over z from −6 to 6": CHOSEN,
        "through 0.5 at z = 0": DEFINED,
        "has a forget value below 0.1": "checked by tests/test_lstm_examples.py",
        "keep less than a tenth of what it held": "checked by tests/test_lstm_examples.py",
        "almost closed (below 0.05)": "checked by tests/test_lstm_examples.py",
        "output gate is below 0.2": "checked by tests/test_lstm_examples.py",
        "bias ⟨math⟩ to 6 and lower the input gate's bias ⟨math⟩ to −6": EXAMPLE,
        "⟨math⟩ is above 0.99, ⟨math⟩ below 0.02, and ⟨math⟩ stays within 0.01 of":
            "checked by tests/test_gate_explorer.py",
        "Both biases at 6": EXAMPLE,
        "output gate's bias ⟨math⟩ to −6": EXAMPLE,
        "drops to about 0.01": "checked by tests/test_gate_explorer.py",
        "Move ⟨math⟩ to 3": EXAMPLE,
        r"⟨\sigma(1) \approx 0.73⟩": DEFINED,
        "over time steps 1 to 40": CHOSEN,
        "So an LSTM has four times as many parameters": DEFINED,
        "For 32 units reading 16 features": CHOSEN,
        "a sequence of 128 token ids": CHOSEN,
        "one 16-dimensional vector for each of the 500 words": CHOSEN,
        "for each of the 128 positions": CHOSEN,
        "one vector of 32 per sample": CHOSEN,
        "counts 4 bytes per parameter": DEFINED,
        "Sequence lengths 1, 128 and unknown": CHOSEN,
        "four times a simple RNN of the same size": DEFINED,
    },
    "lstm.zh.md": {
        "参数数量 4(h(h+x)+h)": DEFINED,
        "z 从 −6 到 6": CHOSEN,
        "在 z = 0 处为 0.5": DEFINED,
        "遗忘门的值低于 0.1": "checked by tests/test_lstm_examples.py",
        "只会留下不到十分之一": "checked by tests/test_lstm_examples.py",
        "几乎是关着的（低于 0.05）": "checked by tests/test_lstm_examples.py",
        "输出门低于 0.2": "checked by tests/test_lstm_examples.py",
        "把遗忘门的偏置 ⟨math⟩ 调到 6，把输入门的偏置 ⟨math⟩ 调到 −6": EXAMPLE,
        "⟨math⟩ 大于 0.99， ⟨math⟩ 小于 0.02， ⟨math⟩ 与 ⟨math⟩ 相差不到 0.01":
            "checked by tests/test_gate_explorer.py",
        "两个偏置都调到 6": EXAMPLE,
        "把输出门的偏置 ⟨math⟩ 调到 −6": EXAMPLE,
        "降到 0.01 左右": "checked by tests/test_gate_explorer.py",
        "把 ⟨math⟩ 调到 3": EXAMPLE,
        r"⟨\sigma(1) \approx 0.73⟩": DEFINED,
        "沿时间步 1 到 40": CHOSEN,
        "所以 LSTM 的参数是它的四倍": DEFINED,
        "读取 16 维特征、有 32 个隐藏单元": CHOSEN,
        "由 128 个词元编号组成的序列": CHOSEN,
        "为词表中的 500 个词各存一个 16 维向量，对 128 个位置逐一查表": CHOSEN,
        "每个样本一个 32 维向量": CHOSEN,
        "参数 4 字节": DEFINED,
        "序列长度为 1、128 或不指定": CHOSEN,
        "是同样大小的朴素 RNN 的四倍": DEFINED,
    },
    "params.en.md": {
        "four times as wide as the SimpleRNN's and the GRU's three times": DEFINED,
        "( ⟨1⟩ for SimpleRNN, ⟨4⟩ for LSTM, ⟨3⟩ for GRU)": DEFINED,
        "( ⟨2⟩ for the default GRU, ⟨0⟩ without bias, ⟨1⟩ otherwise)": DEFINED,
        "LSTM stays at 4, GRU with x=False at 3, and the default GRU starts a little above 3 and falls "
        "towards 3": DEFINED,
        "straight lines of slope 2": DEFINED,
        "that falls towards 3": DEFINED,
        "about three quarters of an LSTM": DEFINED,
        "exactly four times the parameters of a SimpleRNN of the same size, and a GRU with exactly "
        "three times": DEFINED,
    },
    "params.zh.md": {
        "是 SimpleRNN 的四倍，GRU 是三倍": DEFINED,
        "（SimpleRNN 为 ⟨1⟩ ，LSTM 为 ⟨4⟩ ，GRU 为 ⟨3⟩ ）": DEFINED,
        "（默认 GRU 为 ⟨2⟩ ，不带偏置为 ⟨0⟩ ，其余为 ⟨1⟩ ）": DEFINED,
        "LSTM 恒为 4，x=False 的 GRU 恒为 3，默认的 GRU 从略高于 3 处开始，逐渐降向 3": DEFINED,
        "斜率为 2 的直线": DEFINED,
        "隐藏单元数翻一倍，参数大约变成四倍": DEFINED,
        "LSTM 的参数恰好是 SimpleRNN 的四倍， 的 GRU 恰好是三倍": DEFINED,
        "逐渐降向 3。": DEFINED,
        "GRU 大约是 LSTM 的四分之三": DEFINED,
    },
    "rnn.en.md": {
        "at step 3 applies at step 300": EXAMPLE,
        "a layer of 32 units reading 16 features": CHOSEN,
        "0.5 and 1.0 fall in a straight line towards zero, 1.5 decays slowly after saturating, 3.0 grows":
            CHOSEN,
    },
    "rnn.zh.md": {
        "在第 3 步学到的模式在第 300 步同样适用": EXAMPLE,
        "读取 16 维特征、有 32 个隐藏单元": CHOSEN,
        "0.5 和 1.0 沿直线下降趋于零，1.5 在饱和后缓慢衰减，3.0 持续增长": CHOSEN,
    },
    "seq2seq.en.md": {
        "one-hot vectors of length 10": DEFINED,
        "from the ⟨10^5⟩ possible strings": DEFINED,
        "The script trains it twice": CHOSEN,
        "trains for ten epochs": CHOSEN,
        "a budget of ten epochs": CHOSEN,
        "outputs before step 6 do not move": CHOSEN,
        "gives a decoder with twice the units": DEFINED,
        "a 64-unit LSTM pair": CHOSEN,
    },
    "seq2seq.zh.md": {
        "长度为 10 的独热向量": DEFINED,
        "第 11 个词元 START": DEFINED,
        "从全部 ⟨10^5⟩ 个可能的数字串": DEFINED,
        "训练十轮": CHOSEN,
        "一个种子、十轮训练": CHOSEN,
        "同样十轮训练": CHOSEN,
        "GRU 在第 6 步之前的输出纹丝不动": CHOSEN,
        "一对 64 个隐藏单元的 LSTM": CHOSEN,
    },
    "stacked.en.md": {
        "Google's 8-layer translation LSTM": SOURCE,
        "columns for time steps 1, 2, 3 and T": EXAMPLE,
        "W^(1), W^(2) or W^(3)": EXAMPLE,
        "reads the 16-dimensional embedding": CHOSEN,
        "both have 32 units: its input is 32 wide instead of 16": CHOSEN,
        "The sequence length 128": CHOSEN,
    },
    "stacked.zh.md": {
        "Google 的 8 层翻译 LSTM": SOURCE,
        "各列对应时间步 1、2、3 和 T": EXAMPLE,
        "W^(1)、W^(2) 或 W^(3)": EXAMPLE,
        "读的是 16 维的词嵌入": CHOSEN,
        "一样有 32 个隐藏单元，参数却更多：它的输入宽 32 而不是 16": CHOSEN,
        "序列长度 128": CHOSEN,
    },
    "stateful.en.md": {
        "a sequence of 36 time steps as a strip, split into three stretches i = 1, 2, 3 of 12 steps, "
        "each cut into three chunks numbered 1, 2, 3": EXAMPLE,
        "three batches k = 1, 2, 3 side by side, each with three rows i = 1, 2, 3": EXAMPLE,
        "batch 1 holds steps 0–3, 12–15 and 24–27, batch 2 holds 4–7, 16–19 and 28–31, batch 3 holds "
        "8–11, 20–23 and 32–35": EXAMPLE,
        "give it the same input twice": EXAMPLE,
        "print the same line three times": EXAMPLE,
        "trains one epoch": DEFINED,
    },
    "stateful.zh.md": {
        "36 个时间步的序列画成一条带子，分成 i = 1、2、3 三段，每段 12 步，每段又切成编号 1、2、3 的三块":
            EXAMPLE,
        "并排的三个批次 k = 1、2、3，每批有 i = 1、2、3 三行": EXAMPLE,
        "第 1 批装的是第 0–3、12–15、24–27 步，第 2 批是 4–7、16–19、28–31 步，第 3 批是 8–11、20–23、32–35 步":
            EXAMPLE,
    },
    "training.en.md": {
        "on a 40-step sequence": CHOSEN,
        "for rho 0.8, 1.0, 1.25 and 1.5": CHOSEN,
        "0.8 falls roughly along a straight line, 1.0 stays close to its start, 1.25 and 1.5 rise "
        "steeply, 1.5 more slowly at first": CHOSEN,
        "while the one with 3.0 grows": CHOSEN,
        "a thousand times too large": CHOSEN,
        "by a factor 0.9 per step": DEFINED,
        "by a factor 0.999 per step": DEFINED,
        "the 3.15 code no longer checks": SOURCE,
    },
    "training.zh.md": {
        "在一条 40 步的序列上": CHOSEN,
        "rho 取 0.8、1.0、1.25、1.5": CHOSEN,
        "0.8 大致沿直线下降，1.0 始终接近初值，1.25 和 1.5 陡然上升，其中 1.5 起初升得较慢": CHOSEN,
        "而 3.0 的曲线一路增长": CHOSEN,
        "有一个大了一千倍": CHOSEN,
        "每步乘 0.9 来遗忘": DEFINED,
        "每步乘 0.999": DEFINED,
        "3.15 的代码已不再检查": SOURCE,
    },
}
