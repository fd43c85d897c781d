// `make bench`: every payload of ../shared/bench/payloads.py through ours, the
// interpreter's native to_js and PyScript's pyscript.ffi.to_js, on both interpreters,
// alternating within each round; medians of ROUNDS rounds, printed as ratios and written
// to target/bench/results.json. Every output is deep-compared with CPython's own
// json.dumps of the payload, so a fast wrong answer cannot hide.
//   node bench/run.mjs [--rounds N] [--payload NAME] [--interp pyodide|micropython]
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { loadMicroPython } from "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { install as installMicroPython } from "../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../dist/ffi-pyodide/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const ROUNDS = Number(opt("rounds", 5));
const ONLY_PAYLOAD = opt("payload", null);
const ONLY_INTERP = opt("interp", null);
// ../shared beside the checkout, else its copy bench/payloads.py (as js/soak.mjs).
const SHARED_PAYLOADS = `${ROOT}../shared/bench/payloads.py`;
const PAYLOADS_PATH = process.env.FFI_BENCH_PAYLOADS || (existsSync(SHARED_PAYLOADS) ? SHARED_PAYLOADS : `${ROOT}bench/payloads.py`);

const quiet = { stdout: () => {}, stderr: (s) => process.stderr.write(`${s}\n`) };
const payloadsSource = await readFile(PAYLOADS_PATH, "utf8").catch(() => {
  throw new Error(`benchmark payloads not found at ${PAYLOADS_PATH} (set FFI_BENCH_PAYLOADS)`);
});
const referenceSource = await readFile(`${ROOT}node_modules/@pyscript/core/src/stdlib/pyscript/ffi.py`, "utf8");

/** A canonical string of a JS value: sorted keys, null for undefined (JSON's view). */
function canon(value) {
  const seen = new Set();
  const walk = (v) => {
    if (v === undefined || v === null) return "null";
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v !== "object") return JSON.stringify(v);
    if (seen.has(v)) return "<cycle>";
    seen.add(v);
    let out;
    if (Array.isArray(v)) out = `[${v.map(walk).join(",")}]`;
    else if (v instanceof Map) out = `{${[...v.keys()].sort().map((k) => `${JSON.stringify(String(k))}:${walk(v.get(k))}`).join(",")}}`;
    else out = `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${walk(v[k])}`).join(",")}}`;
    seen.delete(v);
    return out;
  };
  return walk(value);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const INTERPRETERS = {
  pyodide: {
    load: () => loadPyodide(quiet),
    install: installPyodide,
    native: "from pyodide.ffi import to_js as _native_to_js",
  },
  micropython: {
    load: () => loadMicroPython({ heapsize: 512 * 1024 * 1024, ...quiet }),
    install: installMicroPython,
    native: "from jsffi import to_js as _native_to_js",
  },
};

async function setUp(name) {
  const spec = INTERPRETERS[name];
  const I = await spec.load();
  await spec.install(I);
  I.FS.writeFile("/bench_payloads.py", payloadsSource);
  I.FS.writeFile("/_pyscript_reference_ffi.py", referenceSource);
  I.runPython(
    [
      "import sys",
      "sys.path.insert(0, '/')",
      "import bench_payloads",
      "import _pyscript_reference_ffi as _reference",
      "from pyscript import ffi",
      spec.native,
      "V = None",
      "def build(name):\n    global V\n    V = bench_payloads.PAYLOADS[name]()",
      "def run_ours():\n    return ffi.to_js(V)",
      "def run_native():\n    return _native_to_js(V)",
      "def run_pyscript():\n    return _reference.to_js(V)",
    ].join("\n"),
  );
  return I;
}

const results = { rounds: ROUNDS, payloads: {} };
const truth = {};
const pyodideForTruth = await loadPyodide(quiet);
pyodideForTruth.FS.writeFile("/bench_payloads.py", payloadsSource);
pyodideForTruth.runPython("import sys, json\nsys.path.insert(0, '/')\nimport bench_payloads");

const names = Object.keys(INTERPRETERS).filter((n) => !ONLY_INTERP || n === ONLY_INTERP);
for (const interp of names) {
  const I = await setUp(interp);
  const payloadNames = pyodideForTruth
    .runPython("list(bench_payloads.PAYLOADS)")
    .toJs()
    .filter((p) => !ONLY_PAYLOAD || p === ONLY_PAYLOAD);
  for (const payload of payloadNames) {
    if (!truth[payload]) {
      const json = pyodideForTruth.runPython(`json.dumps(bench_payloads.PAYLOADS[${JSON.stringify(payload)}]())`);
      truth[payload] = canon(JSON.parse(json));
    }
    I.globals.get("build")(payload);
    const fns = Object.fromEntries(["ours", "native", "pyscript"].map((k) => [k, I.globals.get(`run_${k}`)]));
    const times = { ours: [], native: [], pyscript: [] };
    const correct = {};
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order each round so no implementation always runs first.
      const order = round % 2 ? ["pyscript", "native", "ours"] : ["ours", "native", "pyscript"];
      for (const impl of order) {
        let output;
        const start = performance.now();
        try {
          output = fns[impl]();
        } catch (error) {
          times[impl].push(NaN);
          correct[impl] = `error: ${String(error.message).split("\n").slice(-2).join(" ").slice(0, 120)}`;
          continue;
        }
        times[impl].push(performance.now() - start);
        if (round === 0) correct[impl] = canon(output) === truth[payload] ? "yes" : "NO (differs from json.dumps)";
        if (output && typeof output.destroy === "function") output.destroy();
      }
    }
    const row = {};
    for (const impl of Object.keys(times)) row[impl] = { median_ms: median(times[impl]), correct: correct[impl] };
    row.ratio_native_over_ours = row.native.median_ms / row.ours.median_ms;
    row.ratio_pyscript_over_ours = row.pyscript.median_ms / row.ours.median_ms;
    (results.payloads[payload] ??= {})[interp] = row;
    const f = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(8) : "     n/a");
    const r = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x`.padStart(8) : "     n/a");
    console.log(
      `${payload.padEnd(15)} ${interp.padEnd(12)} ours ${f(row.ours.median_ms)} ms  native ${f(row.native.median_ms)} ms  pyscript ${f(row.pyscript.median_ms)} ms | native/ours ${r(row.ratio_native_over_ours)}  pyscript/ours ${r(row.ratio_pyscript_over_ours)} | correct: ours ${row.ours.correct}, native ${row.native.correct}, pyscript ${row.pyscript.correct}`,
    );
    I.runPython("V = None");
  }
}
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/results.json`, JSON.stringify(results, null, 2));
console.log("ratios > 1 mean ours is faster; results: target/bench/results.json");
