// Renders TeX with KaTeX for the build. One JSON request per line on stdin:
//   {"items": [[tex, displayMode], ...]}
// One JSON answer per line on stdout:
//   {"html": [...]}  or  {"error": "...", "index": i}
"use strict";
const readline = require("readline");
const katex = require("katex");

const options = (displayMode) => ({
  displayMode,
  throwOnError: true,
  strict: "error",
  trust: false,
  output: "mathml",
});

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  const { items } = JSON.parse(line);
  const html = [];
  for (let i = 0; i < items.length; i++) {
    const [tex, display] = items[i];
    try {
      html.push(katex.renderToString(tex, options(display)));
    } catch (err) {
      process.stdout.write(JSON.stringify({ error: String(err.message || err), index: i }) + "\n");
      return;
    }
  }
  process.stdout.write(JSON.stringify({ html }) + "\n");
});
rl.on("close", () => process.exit(0));
process.stdout.write(JSON.stringify({ ready: true, version: katex.version }) + "\n");
