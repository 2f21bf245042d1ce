import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new","--no-sandbox","--disable-gpu"]});
for (const url of urls) {
  const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: ["performance"] });
  const a = lhr.audits; const r = (id) => Math.round(a[id].numericValue);
  console.log(url, Math.round(lhr.categories.performance.score*100), "fcp", r("first-contentful-paint"), "si", r("speed-index"), "lcp", r("largest-contentful-paint"), "tbt", r("total-blocking-time"), "cls", a["cumulative-layout-shift"].numericValue.toFixed(3), "bench", lhr.environment.benchmarkIndex);
  console.log("  mainthread:", a["mainthread-work-breakdown"].details.items.map(i => `${i.group}:${Math.round(i.duration)}`).join(" "));
  console.log("  longtasks:", (a["long-tasks"].details?.items ?? []).map(i => `${i.url.split("/").pop()}@${Math.round(i.startTime)}:${Math.round(i.duration)}`).join(" "));
  console.log("  bootup:", (a["bootup-time"].details?.items ?? []).map(i => `${i.url.split("/").pop()}:${Math.round(i.total)}/${Math.round(i.scripting)}`).join(" "));
  console.log("  lcp-el:", JSON.stringify(a["largest-contentful-paint-element"].details?.items?.[0]?.items?.[0]?.node?.snippet ?? "").slice(0,120));
  console.log("  render-blocking:", (a["render-blocking-resources"].details?.items ?? []).map(i => `${i.url.split("/").pop()}:${Math.round(i.wastedMs)}`).join(" "));
}
await chrome.kill();
