/* Poem writer: an acrostic (藏头诗) from the chapter's trained LSTM, in the reader's browser. A page holds
   <div class="poem-writer" id="poem-writer"></div>; this fills it in the page's language. The model file
   (assets/poem/poem-model.bin, written by the build with snippets/poem/poem_export.py) is fetched when the
   reader first asks for a poem. The arithmetic is poem_decode.py's: float64, the mulberry32 generator, the
   same sampling, so the poem equals poem_decode.acrostic's for the same seed (tests/test_poem_writer.py). */
(() => {
  "use strict";
  const ZH = document.documentElement.lang.startsWith("zh");
  const tr = (en, zh) => (ZH ? zh : en);
  const MODEL = new URL("../poem/poem-model.bin", document.currentScript.src);
  const START = "<s>";
  const LINE_ENDS = ["，", "。", "，", "。"];
  const TEXT = {
    heads: tr("First characters (up to four)", "藏头字（最多四个）"),
    temperature: tr("Temperature", "温度"),
    greedy: tr("0: always the likeliest character", "0：总取最可能的字"),
    length: tr("Characters per line", "每句字数"),
    five: tr("5 (五言)", "五言"),
    seven: tr("7 (七言)", "七言"),
    seed: tr("Seed", "随机种子"),
    write: tr("Write the poem", "写诗"),
    loading: tr("Loading the model…", "正在载入模型……"),
    failed: (why) => tr(`The model could not be loaded (${why}).`, `模型载入失败（${why}）。`),
    unknown: (chars) => tr(
      `Not in the model's vocabulary: ${chars.join(", ")}. Try other characters.`,
      `模型的字表里没有这些字：${chars.join("、")}。请换别的字。`),
    mark: (chars) => tr(`A line cannot start with ${chars.join(", ")}.`, `${chars.join("、")}不能作句首。`),
    tooMany: tr("At most four first characters, one for each line.", "藏头字最多四个，每句一个。"),
    badSeed: tr("The seed is a whole number from 0 to 4294967295.", "随机种子须是 0 到 4294967295 之间的整数。"),
    done: tr("The poem:", "诗已写好："),
    about: (t, seed) => tr(`Temperature ${t}, seed ${seed}.`, `温度 ${t}，种子 ${seed}。`),
  };

  // -- the model file: "RNNP", uint32 header length, JSON header, then the arrays (poem_export.py) --------

  function readModel(buffer) {
    const view = new DataView(buffer);
    if (new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== "RNNP") throw new Error("not a model file");
    const length = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length)));
    const start = 8 + length;
    const read = (part, count) => {
      const at = start + part.offset;
      if (part.dtype === "int8") return new Int8Array(buffer, at, count);
      const out = new Float64Array(count);
      for (let k = 0; k < count; k++) out[k] = view.getFloat32(at + 4 * k, true);
      return out;
    };
    // A quantised matrix stays integers beside its scales (poem_export.SCALE_AXIS): times() multiplies
    // by the scale after summing, the embedding's row is scaled when it is looked up.
    const w = { tokens: header.tokens };
    for (const [name, spec] of Object.entries(header.arrays)) {
      const [rows, cols = 1] = spec.shape;
      w[name] = read(spec.values, rows * cols);
      if (spec.scale) w[name + "_scale"] = read(spec.scale, spec.scale_axis === 0 ? rows : cols);
    }
    w.units = w.bias.length / 4;
    w.width = w.kernel.length / (4 * w.units);
    w.index = new Map(w.tokens.map((t, k) => [t, k]));
    // what a line's characters are drawn from: no start token, no punctuation (poem_decode.body_mask)
    w.body = Uint8Array.from(w.tokens, (t) => t !== START && !(t.length === 1 && /\p{P}/u.test(t)));
    return w;
  }

  let model = null; // a promise, made on the reader's first request
  const loadModel = () => (model ??= fetch(MODEL).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  }).then((buffer) => {
    performance.mark("poem-writer:weights");
    return readModel(buffer);
  }).catch((error) => {
    model = null; // the next press tries again
    throw error;
  }));

  // -- decoding: poem_decode.py's Rng, step, sample, acrostic ----------------------------------------------

  function rng(seed) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      t = (t ^ (t + Math.imul(t ^ (t >>> 7), t | 61))) >>> 0;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
  }

  const sigmoid = (z) => 1 / (1 + Math.exp(-z));

  /* x @ (integers × scale) for a matrix quantised by column: the products of x and the integers summed
     over the rows, four rows at a time (a quarter of the trips through `out`), then each column times
     its scale. NumPy multiplies the dequantised matrix (poem_export.load) through BLAS, which sums in
     an order of its own: the two differ in the last bits of a float64, about 1e-16 of a logit, far
     below any gap a draw turns on; tests/test_poem_writer.py compares the poems. */
  function times(x, integers, scale) {
    const cols = scale.length;
    const out = new Float64Array(cols);
    let i = 0;
    for (; i + 4 <= x.length; i += 4) {
      const x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
      const r0 = i * cols, r1 = r0 + cols, r2 = r1 + cols, r3 = r2 + cols;
      for (let j = 0; j < cols; j++)
        out[j] += x0 * integers[r0 + j] + x1 * integers[r1 + j] + x2 * integers[r2 + j] + x3 * integers[r3 + j];
    }
    for (; i < x.length; i++) {
      const xi = x[i];
      const row = i * cols;
      for (let j = 0; j < cols; j++) out[j] += xi * integers[row + j];
    }
    for (let j = 0; j < cols; j++) out[j] *= scale[j];
    return out;
  }

  /* Feed one token: the new [h, c]. The logits are computed apart (logits()), only where one is drawn. */
  function step(w, token, [h, c]) {
    const U = w.units;
    const E = w.width;
    const x = new Float64Array(E);
    const rowScale = w.embedding_scale[token];
    for (let k = 0; k < E; k++) x[k] = w.embedding[token * E + k] * rowScale;
    const a = times(x, w.kernel, w.kernel_scale);
    const b = times(h, w.recurrent_kernel, w.recurrent_kernel_scale);
    const z = new Float64Array(4 * U);
    for (let k = 0; k < 4 * U; k++) z[k] = a[k] + b[k] + w.bias[k];
    const h2 = new Float64Array(U);
    const c2 = new Float64Array(U);
    for (let j = 0; j < U; j++) {
      // gates in Keras' order: input, forget, candidate, output
      c2[j] = sigmoid(z[U + j]) * c[j] + sigmoid(z[j]) * Math.tanh(z[2 * U + j]);
      h2[j] = sigmoid(z[3 * U + j]) * Math.tanh(c2[j]);
    }
    return [h2, c2];
  }

  function logits(w, h) {
    const z = times(h, w.dense_kernel, w.dense_kernel_scale);
    for (let j = 0; j < z.length; j++) z[j] += w.dense_bias[j];
    return z;
  }

  /* Temperature 0: the largest allowed logit, the lowest index on a tie, no draw. Otherwise one draw u
     picks the first allowed index whose running sum of exp((z - max) / T) exceeds u times the total. */
  function sample(z, temperature, next, allowed) {
    let top = -Infinity;
    let best = -1;
    for (let k = 0; k < z.length; k++) if (allowed[k] && z[k] > top) [top, best] = [z[k], k];
    if (temperature === 0) return best;
    const p = new Float64Array(z.length);
    let total = 0;
    for (let k = 0; k < z.length; k++) if (allowed[k]) total += p[k] = Math.exp((z[k] - top) / temperature);
    const target = next() * total;
    let running = 0;
    let last = best;
    for (let k = 0; k < z.length; k++) {
      if (!allowed[k]) continue;
      running += p[k];
      last = k;
      if (running > target) return k;
    }
    return last;
  }

  function acrostic(w, heads, n, temperature, seed) {
    const next = rng(seed);
    let state = step(w, 0, [new Float64Array(w.units), new Float64Array(w.units)]);
    const lines = [];
    for (let k = 0; k < 4; k++) {
      let line = "";
      for (let position = 0; position <= n; position++) {
        let token;
        if (position === 0 && k < heads.length) token = w.index.get(heads[k]);
        else if (position === n) token = w.index.get(LINE_ENDS[k]);
        else token = sample(logits(w, state[0]), temperature, next, w.body);
        line += w.tokens[token];
        if (k < 3 || position < n) state = step(w, token, state); // nothing follows the last mark
      }
      lines.push(line);
    }
    return lines;
  }

  // -- the widget ---------------------------------------------------------------------------------------

  const el = (tag, cls, text, parent) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.append(e);
    return e;
  };

  function build(root) {
    root.textContent = "";
    const form = el("form", "pw-form", null, root);
    form.noValidate = true; // our messages, in the page's language
    const field = (cls) => el("div", "pw-field " + cls, null, form);

    const headsField = field("pw-heads");
    const heads = el("input", null, null);
    Object.assign(heads, { id: "pw-heads", type: "text", value: "春夏秋冬", autocomplete: "off", spellcheck: false });
    heads.setAttribute("lang", "zh");
    el("label", null, TEXT.heads, headsField).htmlFor = heads.id;
    headsField.append(heads);

    const tField = field("pw-temperature");
    const temperature = el("input", null, null);
    Object.assign(temperature, { id: "pw-temperature", type: "range", min: 0, max: 1.5, step: 0.1, value: 0.8 });
    temperature.setAttribute("aria-describedby", "pw-temperature-hint");
    el("label", null, TEXT.temperature, tField).htmlFor = temperature.id;
    const shown = el("span", "pw-num", temperature.value, tField);
    shown.setAttribute("aria-hidden", "true"); // the slider announces its own value
    tField.append(temperature);
    el("span", "pw-hint", TEXT.greedy, tField).id = "pw-temperature-hint";
    temperature.addEventListener("input", () => (shown.textContent = temperature.value));

    const lengths = el("fieldset", "pw-field pw-length", null, form);
    el("legend", null, TEXT.length, lengths);
    for (const [n, word] of [[5, TEXT.five], [7, TEXT.seven]]) {
      const label = el("label", "pw-choice", null, lengths);
      const radio = el("input", null, null, label);
      Object.assign(radio, { type: "radio", name: "pw-length", value: n, checked: n === 5 });
      label.append(" " + word);
    }

    const seedField = field("pw-seed");
    const seed = el("input", null, null);
    Object.assign(seed, { id: "pw-seed", type: "number", min: 0, max: 2 ** 32 - 1, step: 1, value: 1 });
    seed.inputMode = "numeric";
    el("label", null, TEXT.seed, seedField).htmlFor = seed.id;
    seedField.append(seed);

    const button = el("button", "pw-write", TEXT.write, form);
    button.type = "submit";

    const status = el("p", "pw-status", null, root);
    status.setAttribute("role", "status");
    const poem = el("div", "pw-poem", null, root);
    poem.setAttribute("lang", "zh");
    const said = el("p", "pw-sr", null, root);
    said.setAttribute("aria-live", "polite");

    let shownTimer = 0;
    const show = (lines, words) => {
      clearTimeout(shownTimer);
      poem.textContent = "";
      const rows = lines.map((line) => el("p", "pw-line", null, poem));
      const finish = () => {
        lines.forEach((line, k) => (rows[k].textContent = line));
        root.dataset.state = "done";
        said.textContent = "";
        const speech = el("span", null, `${TEXT.done} `, said);
        el("span", null, lines.join(""), speech).setAttribute("lang", "zh");
        status.textContent = words;
      };
      if (matchMedia("(prefers-reduced-motion: reduce)").matches) return finish();
      // one character at a time, about two seconds for a seven-character poem
      const all = lines.join("");
      let count = 0;
      const tick = () => {
        count += 1;
        let left = count;
        lines.forEach((line, k) => {
          rows[k].textContent = line.slice(0, Math.max(0, left));
          left -= line.length;
        });
        if (count < all.length) shownTimer = setTimeout(tick, 60);
        else finish();
      };
      tick();
    };

    const fail = (message) => {
      clearTimeout(shownTimer);
      poem.textContent = "";
      said.textContent = "";
      status.textContent = message;
      root.dataset.state = "error";
    };

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chars = [...heads.value.replace(/\s+/gu, "")];
      const n = Number(form.elements["pw-length"].value);
      const t = Number(temperature.value);
      const s = seed.value.trim() === "" ? NaN : Number(seed.value);
      if (chars.length > 4) return fail(TEXT.tooMany);
      if (!Number.isInteger(s) || s < 0 || s >= 2 ** 32) return fail(TEXT.badSeed);
      root.dataset.state = "loading";
      if (!model) status.textContent = TEXT.loading;
      let w;
      try {
        w = await loadModel();
      } catch (error) {
        return fail(TEXT.failed(error.message));
      }
      const unknown = [...new Set(chars.filter((ch) => !w.index.has(ch)))];
      if (unknown.length) return fail(TEXT.unknown(unknown));
      const marks = [...new Set(chars.filter((ch) => !w.body[w.index.get(ch)]))];
      if (marks.length) return fail(TEXT.mark(marks));
      status.textContent = "";
      root.dataset.state = "writing";
      const lines = acrostic(w, chars, n, t, s);
      performance.mark("poem-writer:poem");
      show(lines, TEXT.about(t, s));
    });
  }

  const start = () => {
    for (const root of document.querySelectorAll(".poem-writer:not([data-built])")) {
      root.dataset.built = "";
      build(root);
    }
  };
  // Material's document$ (its documented hook for extra scripts) emits for the page loaded and for each
  // page it swaps in; without Material's script, the page is started once it is parsed.
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
