// `make bench`, views: the cost of each common operation on a view (docs/views.md)
// against the same operation on the interpreter's own JsProxy (`import js`), measured in
// one process, alternating rounds; medians and ratios printed and written to
// target/bench/views.json. The native column is what each interpreter does by itself
// (MicroPython's wraps numbers to 32 bits and has no len() of a JS array: `.length`
// stands in); the ratio is the price of the canonical rules. Nothing here asserts a time.
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { loadMicroPython } from "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { install as installMicroPython } from "../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../dist/ffi-pyodide/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ROUNDS = 7;
const N = 20000;
const quiet = { stdout: () => {}, stderr: () => {} };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// [row, setup shared by both, the loop body on `o` (a view or a JsProxy), and a native
// body where the native operation has another spelling]
const ROWS = [
  ["attribute read", "", "o.x"],
  ["object result", "", "o.child"],
  ["method call (small ints)", "", "m.max(i, 2)"],
  ["item", "", "a[3]"],
  ["len", "", "len(a)", "a.length"],
  ["iterate 10 items", "", "for v in a: pass"],
  ["attribute write", "", "o.y = i"],
  ["callback from JS", "", "each(f)"],
];

// The floor under those ratios: the same count of calls into JavaScript that the view
// operation makes (one, two for a method call), of an empty JS function taking the same
// arguments, against the same native operation. No bridged design goes below it.
const FLOORS = [
  ["attribute read", "_empty(_oj, 'x')", "o.x"],
  ["method call (small ints)", "_empty(_mj, 'max'); _empty(_mj, _mj, i, 2)", "m.max(i, 2)"],
  ["item", "_empty(_aj, 3, False)", "a[3]"],
  ["len", "_empty(_aj)", "len(a)", "a.length"],
  ["attribute write", "_empty(_oj, 'y', i, False)", "o.y = i"],
];

const SETUP = (view) => `
import js
from pyscript import ffi
_w = ffi.bind(js.eval("globalThis")) if ${view ? "True" : "False"} else js
o = _w.JSON.parse('{"x": 5, "child": {"k": 1}}')
m = _w.Math
a = _w.JSON.parse("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
_each = _w.eval("(f) => { let t = 0; for (let i = 0; i < 10; i++) t += f(i); return t }")
def f(i):
    return i
_native_f = ${view ? "None" : "__make_native(f)"}
def each(g):
    return _each(_native_f if _native_f is not None else g)
_empty = __import__("_bench_floor").empty
_oj, _aj, _mj = (o._js, a._js, m._js) if ${view ? "True" : "False"} else (o, a, m)
`;

async function measure(name, load, install, makeNative) {
  const I = await load(quiet);
  await install(I);
  I.registerJsModule("_bench_floor", { empty: () => 5 });
  I.runPython(`__make_native = ${makeNative}`);
  I.runPython(`__ns_view = {}\n__ns_native = {}\nexec(${JSON.stringify(SETUP(true))}, __ns_view)\n__ns_native["__make_native"] = __make_native\nexec(${JSON.stringify(SETUP(false))}, __ns_native)`);
  const time = (ns, body) => {
    const code = `def __loop():\n    for i in range(${N}):\n        ${body}\n__loop()`;
    const start = performance.now();
    I.runPython(`exec(${JSON.stringify(code)}, ${ns})`);
    return performance.now() - start;
  };
  // Medians of `body` in the view namespace and `nativeBody` in the native one, in
  // alternating order so that neither always runs first.
  const paired = (body, nativeBody) => {
    const view = [];
    const native = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2) {
        native.push(time("__ns_native", nativeBody));
        view.push(time("__ns_view", body));
      } else {
        view.push(time("__ns_view", body));
        native.push(time("__ns_native", nativeBody));
      }
    }
    return [median(view), median(native)];
  };
  const rows = {};
  for (const [row, , body, nativeBody] of ROWS) {
    const [view, native] = paired(body, nativeBody ?? body);
    rows[row] = { view_ms: view, native_ms: native, ratio: view / native };
    console.log(
      `${name.padEnd(12)} ${row.padEnd(26)} ${N} ops: view ${view.toFixed(1)} ms, native ${native.toFixed(1)} ms = ${(view / native).toFixed(2)}x`,
    );
  }
  const floors = {};
  for (const [row, body, nativeOp, nativeBody] of FLOORS) {
    const [floor, native] = paired(body, nativeBody ?? nativeOp);
    const ratio = floor / native;
    floors[row] = { floor_ms: floor, native_ms: native, ratio, view_ratio: rows[row].ratio };
    console.log(
      `${name.padEnd(12)} floor of ${row.padEnd(17)} ${((floor / N) * 1000).toFixed(2)} us per op = ${ratio.toFixed(2)}x native (the view: ${rows[row].ratio.toFixed(2)}x)`,
    );
  }
  return { rows, floors };
}

const results = {
  pyodide: await measure("pyodide", loadPyodide, installPyodide, "__import__('pyodide.ffi', None, None, ['create_proxy']).create_proxy"),
  micropython: await measure("micropython", loadMicroPython, installMicroPython, "lambda f: f"),
};
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/views.json`, JSON.stringify(results, null, 2));
console.log(
  "ratio: a view's operation over the interpreter's own JsProxy operation (target: <= 2x); floor: empty JS calls with the same arguments over the native operation; results: target/bench/views.json",
);
