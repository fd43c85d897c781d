// `make bench`, to_py scaling: ffi.to_py of large JS values on both interpreters, at two
// sizes ten times apart, in the same run. Prints each time, the growth factor between the
// sizes (≈10 is linear) and MicroPython's time over Pyodide's at the larger size; beside
// Pyodide's own JsProxy.to_py(). Never asserted (timing), only measured. Every result is
// checked (length and a sample item) so a fast wrong answer cannot hide.
//   node bench/to_py_scale.mjs [--rounds N]
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { loadMicroPython } from "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { install as installMicroPython } from "../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../dist/ffi-pyodide/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const argv = process.argv.slice(2);
const ROUNDS = Number(argv.includes("--rounds") ? argv[argv.indexOf("--rounds") + 1] : 3);
const quiet = { stdout: () => {}, stderr: () => {} };

// Each shape at a small and a large size; `check` is Python returning True for a right result.
const SHAPES = [
  { name: "Array of ints", sizes: [100_000, 1_000_000], make: (n) => Array.from({ length: n }, (_, i) => i), check: "len(r) == N and r[-1] == N - 1" },
  { name: "Array of floats", sizes: [100_000, 1_000_000], make: (n) => Array.from({ length: n }, (_, i) => i + 0.5), check: "len(r) == N and r[-1] == N - 0.5" },
  { name: "Array of strings", sizes: [100_000, 1_000_000], make: (n) => Array.from({ length: n }, (_, i) => `item ${i}`), check: "len(r) == N and r[-1] == 'item %d' % (N - 1)" },
  { name: "string", sizes: [5_000_000, 50_000_000], make: (n) => "x".repeat(n - 1) + "é", check: "len(r) == N and r[-1] == 'é'" },
  // MicroPython hashes str to 16 bits, so its own dicts of 10**5 str keys take ~26 s to build
  // (docs/failures.md): the larger size here is 10**5 on MicroPython, 10**6 on Pyodide.
  { name: "object (keys)", sizes: [10_000, 100_000], pyodideSizes: [100_000, 1_000_000], make: (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])), check: "len(r) == N and r['k%d' % (N - 1)] == N - 1" },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(interp) {
  if (interp === "pyodide") {
    const I = await loadPyodide(quiet);
    await installPyodide(I);
    return I;
  }
  const I = await loadMicroPython({ heapsize: 1024 * 1024 * 1024, ...quiet });
  await installMicroPython(I);
  return I;
}

/** Median milliseconds of `run()` inside the interpreter, checking the result each time. */
function time(I, value, n, check, expression) {
  globalThis.__scale_value = [value];
  // The interpreter's own JS value (import js): Pyodide's native to_py() is a method of it.
  I.runPython(`import js\nfrom pyscript import ffi\nV = js.__scale_value\nN = ${n}`);
  const times = [];
  const rounds = n >= 1_000_000 ? Math.min(ROUNDS, 2) : ROUNDS;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    I.runPython(`r = ${expression}`);
    times.push(performance.now() - start);
    I.runPython(`ok = bool(${check})`);
    if (I.globals.get("ok") !== true) throw new Error(`wrong result for ${n} (${expression})`);
    I.runPython("r = None");
  }
  I.runPython("V = None");
  delete globalThis.__scale_value;
  return median(times);
}

const results = {};
const interpreters = { pyodide: await load("pyodide"), micropython: await load("micropython") };
for (const shape of SHAPES) {
  const row = (results[shape.name] = {});
  for (const [interp, I] of Object.entries(interpreters)) {
    const sizes = interp === "pyodide" && shape.pyodideSizes ? shape.pyodideSizes : shape.sizes;
    row[interp] = {};
    for (const n of sizes) {
      const value = shape.make(n);
      const entry = { ours_ms: time(I, value, n, shape.check, "ffi.to_py(V)[0]") };
      if (interp === "pyodide") entry.native_ms = time(I, value, n, shape.check, "V.to_py()[0]");
      row[interp][n] = entry;
    }
  }
  const f = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
  for (const [interp, sizes] of Object.entries(row)) {
    const [small, large] = Object.keys(sizes).map(Number);
    const growth = sizes[large].ours_ms / sizes[small].ours_ms;
    const native = sizes[large].native_ms === undefined ? "" : `  (Pyodide's own to_py ${f(sizes[large].native_ms)})`;
    console.log(
      `to_py ${shape.name.padEnd(17)} ${interp.padEnd(12)} ${String(small).padStart(9)}: ${f(sizes[small].ours_ms)}  ${String(large).padStart(9)}: ${f(sizes[large].ours_ms)}  x${growth.toFixed(1)} for x10${native}`,
    );
  }
  const shared = Object.keys(row.micropython).map(Number).filter((n) => row.pyodide[n]);
  const n = Math.max(...shared);
  console.log(`to_py ${shape.name.padEnd(17)} micropython / pyodide at ${n}: ${(row.micropython[n].ours_ms / row.pyodide[n].ours_ms).toFixed(2)}x`);
}
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/to_py_scale.json`, JSON.stringify(results, null, 2));
console.log("to_py scaling: x10 in size should cost about x10 in time; results: target/bench/to_py_scale.json");
