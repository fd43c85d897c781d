// The real-GC check, runnable in Node and in Chromium: a proxy that Python and
// JavaScript both drop must eventually be finalized (stats().finalized grows, live
// returns to zero) on both interpreters. Bounded retries; nothing here is timed.
import { loadInterpreter } from "../conformance/harness/runner.js";

const ROUNDS = 200;
const COUNT = 5;

async function check(base, interp, gc) {
  const interpreter = await loadInterpreter(base, interp);
  const { install } = await import(new URL(`dist/ffi-${interp}/index.js`, base).href);
  await install(interpreter);
  const stats = () => {
    interpreter.runPython("import gc\ngc.collect()\nwindow.__ffi_stats = ffi.to_js(ffi.stats())");
    return globalThis.__ffi_stats;
  };
  interpreter.runPython(`
from pyscript import ffi, window
def _make():
    window.__held = [ffi.create_proxy(lambda: "alive") for _ in range(${COUNT})]
_make()
`);
  const before = stats();
  if (before.live !== COUNT) throw new Error(`${interp}: expected ${COUNT} live proxies, got ${before.live}`);
  delete globalThis.__held; // JavaScript drops them; Python kept none past _make()
  for (let round = 1; round <= ROUNDS; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = stats();
    if (now.live === 0) {
      if (now.finalized - before.finalized !== COUNT) throw new Error(`${interp}: finalized ${now.finalized}`);
      return `${interp}: ${COUNT} proxies finalized after ${round} collection(s)`;
    }
  }
  throw new Error(`${interp}: proxies still live after ${ROUNDS} collections: ${JSON.stringify(stats())}`);
}

/** Runs the check on both interpreters; `gc` forces a collection. */
export async function gcCheck(base, gc) {
  const lines = [];
  for (const interp of ["pyodide", "micropython"]) lines.push(await check(base, interp, gc));
  return lines;
}
