// Lighthouse (pinned in package.json) on each URL given, mobile profile, in the system Chromium.
//   node scripts/lighthouse_audit.mjs [--categories=accessibility,seo] URL...
// Prints one JSON object: {url: {scores: {category: 0..100}, failing: [audit ids], metrics: {... benchmark_index},
// axe: [every violation of the axe-core run behind the accessibility category, with its impact]}}.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const args = process.argv.slice(2);
const option = args.find((a) => a.startsWith("--categories="));
const urls = args.filter((a) => !a.startsWith("--"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const categories = option
  ? option.split("=")[1].split(",")
  : ["performance", "accessibility", "best-practices", "seo"];
const report = {};
try {
  for (const url of urls) {
    const { lhr, artifacts } = await lighthouse(
      url,
      { port: chrome.port, logLevel: "error", onlyCategories: categories },
      // Without the performance category nothing is timed, so the page need not settle for seconds.
      categories.includes("performance")
        ? undefined
        : {
            extends: "lighthouse:default",
            settings: {
              pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0,
              disableFullPageScreenshot: true, // only for pictures in the report, and seconds on a long page
            },
          },
    );
    const scores = {};
    const failing = [];
    for (const id of categories) {
      const category = lhr.categories[id];
      scores[id] = Math.round(category.score * 100);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${id}:${ref.id}`);
      }
    }
    const metric = (id) => (lhr.audits[id] ? lhr.audits[id].numericValue : null);
    report[url] = {
      scores,
      failing,
      metrics: {
        fcp_ms: metric("first-contentful-paint"),
        lcp_ms: metric("largest-contentful-paint"),
        tbt_ms: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        bytes: metric("total-byte-weight"),
        // Lighthouse's measure of the host CPU, taken at the start of each run: its 4x slowdown assumes a
        // host of 1500-2000 (docs/throttling.md), and a busy or slower host turns into a higher TBT.
        benchmark_index: lhr.environment.benchmarkIndex,
      },
      // Lighthouse weighs some of axe's rules at 0 (td-has-header, for one), so a score of 100 can hide a
      // critical violation: the violations themselves are reported too.
      axe: (artifacts.Accessibility?.violations ?? []).map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.slice(0, 5).map((n) => n.node.selector),
      })),
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
