// `make bench`: how long a PyScript 0.7.31 page with 4 scripts (py, mpy, a py and an mpy
// worker) takes until every script ran, with and without the pyscript.ffi plugin
// (bench/pyscript/{with,without}.html), alternating fresh pages in one Chromium; medians
// printed and written to target/bench/pyscript.json. Nothing here asserts a time.
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { openPage } from "../conformance/harness/chromium.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ROUNDS = 3;
const KINDS = ["py", "mpy", "py-worker", "mpy-worker"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { browser, origin, close } = await openPage();
const times = { with: [], without: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 ? ["without", "with"] : ["with", "without"]) {
      const page = await browser.newPage();
      await page.goto(`${origin}/bench/pyscript/${variant}.html`);
      await page.waitForFunction((kinds) => kinds.every((k) => globalThis.__ready?.[k]), KINDS, { timeout: 120_000, polling: 50 });
      const ready = await page.evaluate(() => globalThis.__ready);
      times[variant].push(Math.max(...KINDS.map((k) => ready[k])));
      await page.close();
    }
  }
} finally {
  await close();
}
const result = { with_ms: median(times.with), without_ms: median(times.without) };
result.ratio = result.with_ms / result.without_ms;
console.log(
  `PyScript page with 4 scripts (py, mpy, 2 workers), ready: with the plugin ${result.with_ms.toFixed(0)} ms, without ${result.without_ms.toFixed(0)} ms = ${result.ratio.toFixed(2)}x`,
);
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/pyscript.json`, JSON.stringify(result, null, 2));
