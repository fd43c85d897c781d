// The real-GC check, runnable in Node and in Chromium: a proxy that Python and
// JavaScript both drop must eventually be finalized (stats().finalized grows, live
// returns to zero) on both interpreters. Bounded retries; nothing here is timed.
import { loadInterpreter } from "../conformance/harness/runner.js";
import { interpreterNames } from "./interpreters.js";

const ROUNDS = 200;
const COUNT = 5;

async function check(interpreter, interp, gc) {
  const stats = () => {
    interpreter.runPython("import gc\ngc.collect()\nwindow.__ffi_stats = ffi.to_js(ffi.stats())");
    return globalThis.__ffi_stats;
  };
  interpreter.runPython("from pyscript import ffi, window");
  const baseline = stats();
  interpreter.runPython(`
def _make():
    window.__held = [ffi.create_proxy(lambda: "alive") for _ in range(${COUNT})]
_make()
`);
  const before = stats();
  if (before.live - baseline.live !== COUNT) {
    throw new Error(`${interp}: expected ${COUNT} more live proxies, got ${before.live - baseline.live}`);
  }
  delete globalThis.__held; // JavaScript drops them; Python kept none past _make()
  for (let round = 1; round <= ROUNDS; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = stats();
    if (now.live === baseline.live) {
      if (now.finalized - before.finalized !== COUNT) throw new Error(`${interp}: finalized ${now.finalized}`);
      return `${interp}: ${COUNT} proxies finalized after ${round} collection(s)`;
    }
  }
  throw new Error(`${interp}: proxies still live after ${ROUNDS} collections: ${JSON.stringify(stats())}`);
}

/**
 * Implicit crossings (lifetime "auto"): callables handed to a JS function with no
 * create_proxy work after the call returned, and once JavaScript drops them the
 * interpreter releases them. Pyodide: weak references to the Python objects die.
 * MicroPython (no weakref module): their entries leave its own proxy map.
 */
async function checkImplicit(interpreter, interp, gc) {
  const remaining =
    interp === "pyodide"
      ? () => {
          interpreter.runPython("import gc\ngc.collect()\nwindow.__remaining = sum(1 for r in _refs if r() is not None)");
          return globalThis.__remaining;
        }
      : () => refs.filter((ref) => globalThis.proxy_js_map.has(ref)).length;
  let refs = [];
  globalThis.__kept = [];
  // Through the interpreter's own \`js\` module: these are its implicit proxies (through a
  // view they would be ffi's, which check() below covers).
  interpreter.runPython(`
import js
from pyscript import window
class _Callback:
    def __init__(self, n):
        self.n = n
    def __call__(self):
        return self.n
def _hand_over():
    keep = js.eval("(f) => { globalThis.__kept.push(f); }")
    for n in range(${COUNT}):
        keep(_Callback(n))
_hand_over()
`);
  const results = globalThis.__kept.map((f) => f());
  if (results.join() !== [...Array(COUNT).keys()].join()) throw new Error(`${interp}: implicit callbacks gave ${results}`);
  // MicroPython's reference numbers of the objects behind them (keys of its proxy map).
  if (interp === "micropython") refs = globalThis.__kept.map((f) => f._ref);
  if (interp === "pyodide") {
    // Weak references to the objects behind the proxies JavaScript holds.
    globalThis.__weak_targets = globalThis.__kept;
    interpreter.runPython("import weakref\n_refs = [weakref.ref(f) for f in window.__weak_targets]");
    delete globalThis.__weak_targets;
  }
  const before = remaining();
  if (before !== COUNT) throw new Error(`${interp}: expected ${COUNT} implicit proxies alive, got ${before}`);
  globalThis.__kept = undefined;
  for (let round = 1; round <= ROUNDS; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (remaining() === 0) return `${interp}: ${COUNT} implicit proxies released after ${round} collection(s)`;
  }
  throw new Error(`${interp}: implicit proxies still alive after ${ROUNDS} collections: ${remaining()}`);
}

/** Runs the checks on every interpreter of the adapter table; `gc` forces a collection. */
export async function gcCheck(base, gc) {
  const lines = [];
  for (const interp of await interpreterNames(base)) {
    // One interpreter per kind for both checks: MicroPython keeps its proxy tables on
    // globalThis, so a second instance in the same realm would share (and clobber) them.
    const interpreter = await loadInterpreter(base, interp);
    const { install } = await import(new URL(`dist/ffi-${interp}/index.js`, base).href);
    await install(interpreter);
    lines.push(await checkImplicit(interpreter, interp, gc));
    lines.push(await check(interpreter, interp, gc));
  }
  return lines;
}
