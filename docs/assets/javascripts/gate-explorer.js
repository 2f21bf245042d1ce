/* Gate explorer: one step of a one-unit LSTM or GRU whose inputs and weights are sliders. A page holds
   <div class="gate-explorer" data-cell="lstm|gru">; this fills it in the page's language. The numbers are
   lstm_cell_step's and gru_forward's (reset_after=True); tests/test_gate_explorer.py compares them. */
(() => {
  "use strict";
  const ZH = document.documentElement.lang.startsWith("zh");
  const tr = (en, zh) => (ZH ? zh : en);
  const s = (base, sub) => `<i>${base}</i><sub>${sub}</sub>`;
  const sig = (a) => 1 / (1 + Math.exp(-a));
  const num = (v, d = 3) => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d).replace("-", "−");
  const [X, H1, C1, HT, CT] = [s("x", "t"), s("h", "t−1"), s("c", "t−1"), s("h", "t"), s("c", "t")];
  const TEXT = {
    inputs: tr("Input and previous states", "输入与上一步的状态"),
    w: tr("input weight", "输入权重"),
    u: tr("recurrent weight", "循环权重"),
    b: tr("bias", "偏置"),
    bx: tr("input bias", "输入偏置"),
    bh: tr("recurrent bias", "循环偏置"),
    results: tr("Gates and new state", "门与新状态"),
    flow: tr("What flows where", "各条通路上的量"),
    scale: tr("bars span ±", "条形满格为 ±"),
    try: tr("Try:", "试一试："),
    reset: tr("reset", "恢复默认"),
    old: tr("old", "旧值"),
    kept: tr("kept", "保留"),
    new: tr("new", "新值"),
    h: tr("hidden state", "隐状态"),
  };
  const X_IN = ["x", tr("input", "输入"), X, [-2, 2, 0.1], 1];
  const H_IN = ["hprev", tr("previous hidden state", "上一步隐状态"), H1, [-1, 1, 0.05], 0.5];

  const CELLS = {
    lstm: {
      inputs: [X_IN, H_IN, ["cprev", tr("previous cell state", "上一步细胞状态"), C1, [-3, 3, 0.1], 1]],
      gates: [
        ["i", tr("input gate", "输入门"), s("i", "t"), "σ", { w: 1, u: 1, b: -1 }],
        ["f", tr("forget gate", "遗忘门"), s("f", "t"), "σ", { w: 1, u: 1, b: 1 }],
        ["c", tr("candidate", "候选值"), s("c̃", "t"), "tanh", { w: 2, u: -1, b: 0 }],
        ["o", tr("output gate", "输出门"), s("o", "t"), "σ", { w: 1, u: 1, b: 0 }],
      ],
      presets: [
        [tr("keep the old cell state", "保留旧的细胞状态"), { "f-b": 6, "i-b": -6 }],
        [tr("overwrite it", "改写细胞状态"), { "f-b": -6, "i-b": 6 }],
        [tr("add to it", "在原值上累加"), { "f-b": 6, "i-b": 6 }],
        [tr("hide it", "隐藏细胞状态"), { "o-b": -6 }],
      ],
      step(v, g) {
        for (const k of "ifco") g["a-" + k] = v[k + "-w"] * v.x + v[k + "-u"] * v.hprev + v[k + "-b"];
        g.i = sig(g["a-i"]);
        g.f = sig(g["a-f"]);
        g.c = Math.tanh(g["a-c"]);
        g.o = sig(g["a-o"]);
        g.cprev = v.cprev;
        g.keep = g.f * v.cprev;
        g.write = g.i * g.c;
        g.ct = g.keep + g.write;
        g.tanhc = Math.tanh(g.ct);
        g.ht = g.o * g.tanhc;
      },
      states: [
        ["ct", `${CT} = ${s("f", "t")}${C1} + ${s("i", "t")}${s("c̃", "t")}`, tr("New cell state", "新细胞状态")],
        ["ht", `${HT} = ${s("o", "t")} tanh(${CT})`, tr("new hidden state", "新隐状态")],
      ],
      flows: [
        [tr("cell state", "细胞状态"), 4, [
          ["cprev", TEXT.old, C1],
          ["keep", TEXT.kept, s("f", "t") + C1],
          ["write", tr("written", "写入"), s("i", "t") + s("c̃", "t")],
          ["ct", TEXT.new, CT],
        ]],
        [TEXT.h, 1, [
          ["tanhc", tr("readable", "可读出"), `tanh(${CT})`],
          ["ht", tr("shown", "露出"), `${HT} = ${s("o", "t")}tanh(${CT})`],
        ]],
      ],
    },
    gru: {
      inputs: [X_IN, H_IN],
      gates: [
        ["z", tr("update gate", "更新门"), s("z", "t"), "σ", { w: 1, u: 1, b: -1 }],
        ["r", tr("reset gate", "重置门"), s("r", "t"), "σ", { w: 1, u: 1, b: 0 }],
        ["h", tr("candidate hidden state", "候选隐状态"), s("h̃", "t"), "tanh", { w: 1, u: 2, bx: 0, bh: 0.5 }],
      ],
      presets: [
        [tr("copy the old state", "照搬旧状态"), { "z-b": 6 }],
        [tr("replace with the candidate", "替换为候选隐状态"), { "z-b": -6 }],
        [tr("start afresh", "从头开始"), { "z-b": -6, "r-b": -6 }],
      ],
      step(v, g) {
        for (const k of "zr") g[k] = sig((g["a-" + k] = v[k + "-w"] * v.x + v[k + "-u"] * v.hprev + v[k + "-b"]));
        g.rec = v["h-u"] * v.hprev + v["h-bh"];
        g.reset = g.r * g.rec;
        g["a-h"] = v["h-w"] * v.x + v["h-bx"] + g.reset;
        g.h = Math.tanh(g["a-h"]);
        g.hprev = v.hprev;
        g.keep = g.z * v.hprev;
        g.take = (1 - g.z) * g.h;
        g.ht = g.keep + g.take;
      },
      states: [["ht", `${HT} = ${s("z", "t")}${H1} + (1 − ${s("z", "t")})${s("h̃", "t")}`, tr("New hidden state", "新隐状态")]],
      flows: [
        [tr("recurrent term of the candidate", "候选隐状态的循环项"), 6, [
          ["rec", tr("before reset", "重置前"), `${s("W", "hh")}${H1} + ${s("b", "hh")}`],
          ["reset", tr("after reset", "重置后"), s("r", "t") + "(…)"],
        ]],
        [TEXT.h, 1, [
          ["hprev", TEXT.old, H1],
          ["keep", TEXT.kept, s("z", "t") + H1],
          ["take", tr("taken", "采用"), `(1 − ${s("z", "t")})${s("h̃", "t")}`],
          ["ht", TEXT.new, HT],
        ]],
      ],
    },
  };

  const el = (tag, cls, html, parent) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html != null) e.innerHTML = html;
    if (parent) parent.append(e);
    return e;
  };

  function build(root) {
    const cell = root.dataset.cell;
    const spec = CELLS[cell];
    if (!spec) return;
    root.textContent = "";
    const sliders = {};
    const outs = [];
    const out = (key, bar, scale) => {
      const o = el("span", "gx-num");
      o.dataset.out = bar ? "flow-" + key : key;
      outs.push([key, o, bar, scale]);
      return o;
    };

    const presets = el("div", "gx-presets", null, root);
    el("span", null, TEXT.try, presets);
    const body = el("div", "gx-body", null, root);
    const results = el("div", "gx-results", null, body);
    const list = el("ul", "gx-values", null, results);
    list.setAttribute("aria-label", TEXT.results);
    for (const [key, , symbol, act] of spec.gates) el("li", null, `${symbol} = ${act}(`, list).append(out("a-" + key), ") = ", out(key));
    for (const [key, html] of spec.states) el("li", "gx-state", html + " = ", list).append(out(key));

    el("p", "gx-caption", TEXT.flow, results);
    for (const [title, scale, rows] of spec.flows) {
      const group = el("div", "gx-group", null, results);
      el("p", "gx-group-title", `${title} <span class="gx-scale">(${TEXT.scale}${scale})</span>`, group);
      for (const [key, word, html] of rows) {
        const row = el("div", "gx-bar-row", null, group);
        el("span", null, `${word} ${html}`, row);
        const bar = el("div", "gx-bar", null, el("div", "gx-track", null, row));
        row.append(out(key, bar, scale));
      }
    }

    const controls = el("div", "gx-controls", null, body);
    const symbols = (k) => ({ w: s("W", "x" + k), u: s("W", "h" + k), b: s("b", k), bx: s("b", "xh"), bh: s("b", "hh") });
    const groups = [[TEXT.inputs, spec.inputs]].concat(spec.gates.map(([k, word, symbol, , defaults]) => [
      `${word} ${symbol}`,
      Object.keys(defaults).map((p) => [`${k}-${p}`, TEXT[p], symbols(k)[p], [-6, 6, 0.1], defaults[p]]),
    ]));
    for (const [legend, params] of groups) {
      const set = el("fieldset", null, null, controls);
      el("legend", null, legend, set);
      for (const [name, word, symbol, [min, max, step], value] of params) {
        const id = `gx-${cell}-${name}`;
        el("label", null, `${word} ${symbol}`, set).htmlFor = id;
        const input = el("input", null, null, set);
        Object.assign(input, { type: "range", id, min, max, step, value });
        input.dataset.default = value;
        const shown = el("span", "gx-num", null, set);
        shown.setAttribute("aria-hidden", "true"); // the slider announces its own value
        input.show = () => (shown.textContent = num(+input.value, String(step).split(".")[1].length));
        sliders[name] = input;
      }
    }

    const live = el("p", "gx-sr", null, root);
    live.setAttribute("aria-live", "polite");
    let timer = 0;
    const update = (now) => {
      const v = {};
      const g = {};
      for (const name in sliders) {
        v[name] = +sliders[name].value;
        sliders[name].show();
      }
      spec.step(v, g);
      for (const [key, o, bar, scale] of outs) {
        o.textContent = num(g[key]);
        if (!bar) continue;
        const x = g[key];
        const frac = Math.min(Math.abs(x) / scale, 1) * 50;
        bar.style.left = (x < 0 ? 50 - frac : 50) + "%";
        bar.style.width = frac + "%";
        bar.classList.toggle("gx-neg", x < 0);
        bar.classList.toggle("gx-clip", Math.abs(x) > scale);
      }
      const said = spec.states.map(([k, , word]) => `${word} ${num(g[k])}`)
        .concat(spec.gates.map(([k, word]) => `${word} ${num(g[k])}`));
      clearTimeout(timer);
      // Announced once a drag pauses, not at every step of it.
      timer = setTimeout(() => (live.textContent = said.join(tr(", ", "，")) + tr(".", "。")), now ? 0 : 500);
    };
    for (const [word, overrides] of spec.presets.concat([[TEXT.reset, {}]])) {
      const button = el("button", null, word, presets);
      button.type = "button";
      button.addEventListener("click", () => {
        for (const name in sliders) sliders[name].value = overrides[name] ?? sliders[name].dataset.default;
        update(true);
      });
    }
    controls.addEventListener("input", () => update(false));
    update(false);
    clearTimeout(timer);
  }

  // Built when it comes near the screen, not while the page loads: the page's first layout stays the
  // size of the prose, and a reader who never scrolls to the explorer never pays for it.
  const near = "IntersectionObserver" in window && new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      near.unobserve(entry.target);
      build(entry.target);
    }
  }, { rootMargin: "800px 0px" });
  const start = () => {
    for (const root of document.querySelectorAll(".gate-explorer[data-cell]:not([data-built])")) {
      root.dataset.built = "";
      near ? near.observe(root) : build(root);
    }
  };
  // Material's document$ (its documented hook for extra scripts) emits for the page loaded and for each
  // page it swaps in; without Material's script, the page is started once it is parsed.
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
