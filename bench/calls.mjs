// `make bench`, part two: the cost of a JS -> Python callback call through our proxy vs
// the interpreter's own proxy (alternating rounds in one process), and the cost of
// unrelated JS code (Function.prototype.call and .apply, the calls PyScript's "auto" mode
// patches) with the bridge installed vs not (alternating fresh child processes, so JIT
// warm-up cannot favour either), and the cost of a Python -> JS call handing over a
// callable with lifetime "auto" vs "manual" (alternating rounds), and the cost of plain
// Python -> JS calls (`js.Math.max(i, 2)`, a method of a JS object) with the bridge
// installed vs not (MicroPython: its guard, docs/construction.md "Errors"; alternating
// fresh child processes). Medians; ratios printed and written to
// target/bench/calls.json. Nothing here asserts a time.
//   node bench/calls.mjs                       the whole measurement
//   node bench/calls.mjs --unrelated INTERP yes|no   one child: prints ms
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { loadMicroPython } from "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { install as installMicroPython } from "../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../dist/ffi-pyodide/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ROUNDS = 7;
const CALLS = 20000;
const quiet = { stdout: () => {}, stderr: () => {} };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCalls(fn) {
  const start = performance.now();
  let total = 0;
  for (let i = 0; i < CALLS; i++) total += fn(i, 1);
  const elapsed = performance.now() - start;
  if (total !== (CALLS * (CALLS - 1)) / 2 + CALLS) throw new Error(`wrong callback results: ${total}`);
  return elapsed;
}

function unrelatedJs() {
  // Plain JS that never touches Python: call/apply/bind heavy, as event-handler code is.
  const add = function (a, b) { return this.base + a + b; };
  const self = { base: 1 };
  const start = performance.now();
  let total = 0;
  for (let i = 0; i < 200000; i++) {
    total += add.call(self, i, 1);
    total += add.apply(self, [i, 2]);
  }
  return [performance.now() - start, total];
}

/** A fresh interpreter for a child measurement, with the bridge installed unless `options` is null. */
async function childInterpreter(interp, options) {
  const I = interp === "pyodide" ? await loadPyodide(quiet) : await loadMicroPython(quiet);
  if (options !== null) await (interp === "pyodide" ? installPyodide : installMicroPython)(I, options);
  return I;
}

async function unrelatedChild(interp, installed) {
  const I = await childInterpreter(interp, installed === "yes" ? {} : null);
  for (let i = 0; i < 3; i++) unrelatedJs();
  const times = [];
  for (let i = 0; i < ROUNDS; i++) times.push(unrelatedJs()[0]);
  process.stdout.write(String(median(times)));
}

/**
 * `node calls.mjs <mode> <interp> <variant>` in fresh child processes, the two variants
 * alternating five times each (so JIT warm-up cannot favour either): their median ms.
 */
function alternateChildren(mode, interp, first, second) {
  const run = (variant) =>
    Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), mode, interp, variant]));
  const firsts = [];
  const seconds = [];
  for (let i = 0; i < 5; i++) {
    firsts.push(run(first));
    seconds.push(run(second));
  }
  return [median(firsts), median(seconds)];
}

if (process.argv[2] === "--unrelated") {
  await unrelatedChild(process.argv[3], process.argv[4]);
  process.exit(0);
}

/** Time the child's Python `_loop()` ROUNDS times; print the median ms for the parent. */
function printLoopMedian(I) {
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    I.runPython("_loop()");
    times.push(performance.now() - start);
  }
  process.stdout.write(String(median(times)));
}

/**
 * Python -> JS calls handing over a callable (no create_proxy), timed from JS in one child
 * process per measurement (MicroPython keeps its proxy tables on globalThis, so two
 * instances cannot share a process): prints the median ms.
 */
async function handOverChild(interp, lifetime) {
  const I = await childInterpreter(interp, { lifetime });
  // Through the interpreter's own \`js\` module: what lifetime "auto" hooks (through a view
  // a callable is ffi's proxy whatever the lifetime).
  I.runPython(`
import js
_take = js.eval("(f, i) => i")
def _callback():
    return 1
def _loop():
    total = 0
    for i in range(${CALLS}):
        total += _take(_callback, i)
    return total
`);
  printLoopMedian(I);
}

if (process.argv[2] === "--hand-over") {
  await handOverChild(process.argv[3], process.argv[4]);
  process.exit(0);
}

/**
 * Plain Python -> JS calls through the interpreter's own `js` module, with the bridge
 * installed ("yes") or not ("no"), in one child process: prints the median ms.
 */
async function plainCallChild(interp, installed) {
  const I = await childInterpreter(interp, installed === "yes" ? {} : null);
  I.runPython(`
import js
_max = js.Math.max
_holder = js.eval("({ twice(x) { return 2 * x; } })")
def _loop():
    total = 0
    for i in range(${CALLS}):
        total += _max(i, 2) + _holder.twice(i)
    return total
`);
  printLoopMedian(I);
}

if (process.argv[2] === "--plain-call") {
  await plainCallChild(process.argv[3], process.argv[4]);
  process.exit(0);
}

const results = {};
for (const [name, load, install, nativeProxy] of [
  ["pyodide", () => loadPyodide(quiet), installPyodide, "from pyodide.ffi import create_proxy as native_proxy"],
  ["micropython", () => loadMicroPython(quiet), installMicroPython, "native_proxy = lambda f: f  # MicroPython hands the function itself"],
]) {
  const [before, after] = alternateChildren("--unrelated", name, "no", "yes");
  // lifetime "auto" (Pyodide: the pyproxy hooks) against "manual" (the interpreter's own path).
  const [handManual, handAuto] = alternateChildren("--hand-over", name, "manual", "auto");
  const [plainWithout, plainWith] = alternateChildren("--plain-call", name, "no", "yes");
  const I = await load();
  await install(I);
  I.runPython(`
${nativeProxy}
from pyscript import ffi, window
def add(a, b):
    return a + b
window.__ours = ffi.create_proxy(add)
window.__native = native_proxy(add)
`);
  const ours = [];
  const native = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2) {
      native.push(timeCalls(globalThis.__native));
      ours.push(timeCalls(globalThis.__ours));
    } else {
      ours.push(timeCalls(globalThis.__ours));
      native.push(timeCalls(globalThis.__native));
    }
  }
  globalThis.__ours.destroy();
  // Python -> JS calls through a view (pyscript.window: errors caught, results by the
  // canonical rules) against the interpreter's own JsProxy call of the same function.
  I.runPython(`
import js as _native_js
_raw_max = _native_js.Math.max
_bound_max = window.Math.max
def _calls(f):
    for i in range(${CALLS}):
        f(i, 2)
`);
  const timePython = (code) => {
    const start = performance.now();
    I.runPython(code);
    return performance.now() - start;
  };
  const raw = [];
  const bound = [];
  for (let i = 0; i < ROUNDS; i++) {
    raw.push(timePython("_calls(_raw_max)"));
    bound.push(timePython("_calls(_bound_max)"));
  }
  const row = {
    callback_ours_ms: median(ours),
    callback_native_ms: median(native),
    callback_cost_ratio: median(ours) / median(native),
    unrelated_js_without_bridge_ms: before,
    unrelated_js_with_bridge_ms: after,
    unrelated_js_ratio: after / before,
    hand_over_auto_ms: handAuto,
    hand_over_manual_ms: handManual,
    hand_over_ratio: handAuto / handManual,
    bind_call_ms: median(bound),
    raw_call_ms: median(raw),
    bind_call_ratio: median(bound) / median(raw),
    plain_call_without_bridge_ms: plainWithout,
    plain_call_with_bridge_ms: plainWith,
    plain_call_ratio: plainWith / plainWithout,
  };
  results[name] = row;
  console.log(
    `${name.padEnd(12)} callback ${CALLS} calls: ours ${row.callback_ours_ms.toFixed(1)} ms, native ${row.callback_native_ms.toFixed(1)} ms, cost ratio ${row.callback_cost_ratio.toFixed(2)}x | Python->JS call handing over a callable, auto/manual: ${row.hand_over_auto_ms.toFixed(1)}/${row.hand_over_manual_ms.toFixed(1)} ms = ${row.hand_over_ratio.toFixed(2)}x | unrelated JS with/without bridge: ${row.unrelated_js_ratio.toFixed(2)}x | view call vs native JsProxy: ${row.bind_call_ms.toFixed(1)}/${row.raw_call_ms.toFixed(1)} ms = ${row.bind_call_ratio.toFixed(1)}x | plain js calls with/without bridge: ${row.plain_call_with_bridge_ms.toFixed(1)}/${row.plain_call_without_bridge_ms.toFixed(1)} ms = ${row.plain_call_ratio.toFixed(2)}x`,
  );
}
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/calls.json`, JSON.stringify(results, null, 2));
console.log("cost ratios near 1.0 mean no overhead; results: target/bench/calls.json");
