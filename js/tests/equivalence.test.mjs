// The two interpreters' paths (Pyodide: pickle stream; MicroPython: heap walk; and
// back: one JSON document, exact floats by bits on MicroPython) must agree on every
// value, not only on the conformance cases. Random values from a fixed seed, converted
// on both interpreters in one process; descriptions (or the exact error) must match.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { importInterpreter } from "../interpreters.js";
import { describe } from "../../conformance/harness/describe.js";
import { PYTHON_HELPERS } from "../../conformance/harness/runner.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";
import { rng } from "../rng.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");
const { loadMicroPython } = await importInterpreter("micropython");

const SEED = Number(process.env.FFI_EQUIVALENCE_SEED ?? 20261122);
const COUNT = Number(process.env.FFI_EQUIVALENCE_COUNT ?? 300);

/** Python source of a random value: exact on both interpreters (floats via struct). */
function pyValue(r, depth = 0) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const scalar = () => {
    switch (pick(["int", "big", "float", "str", "bytes", "const"])) {
      case "int": return String(Math.floor((r() - 0.5) * 2 ** (1 + Math.floor(r() * 54))));
      case "big": return `${r() < 0.5 ? "-" : ""}${BigInt(Math.floor(r() * 2 ** 52)) * 2n ** BigInt(Math.floor(r() * 80))}`;
      case "float": {
        const bytes = new Uint8Array(new Float64Array([pick([0.5, -0, NaN, Infinity, 1e300, r() * 1e6, (r() - 0.5) / 7, 2 ** 60])]).buffer);
        return `_f("${Buffer.from(bytes).toString("hex")}")`;
      }
      case "str": {
        const chars = ["a", "é", "\u0000", "日", "\u{1F600}", '"', "\\", "\n", "Z"];
        let s = "";
        for (let i = Math.floor(r() * 6); i > 0; i--) s += pick(chars);
        return `"${[...s].map((c) => `\\U${c.codePointAt(0).toString(16).padStart(8, "0")}`).join("")}"`;
      }
      case "bytes": return `bytes([${Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * 256)).join(",")}])`;
      default: return pick(["None", "True", "False"]);
    }
  };
  if (depth > 3 || r() < 0.4) return scalar();
  const n = Math.floor(r() * 4);
  const items = () => Array.from({ length: n }, () => pyValue(r, depth + 1));
  switch (pick(["list", "tuple", "dict", "set"])) {
    case "list": return `[${items().join(",")}]`;
    case "tuple": return `(${items().join(",")}${n === 1 ? "," : ""})`;
    case "set": return `{${["1", "2.5", '"s"', "None", "True", "3"].slice(0, n + 1).join(",")}}`;
    default: {
      const keys = () => pick(['"k"', '"1"', "1", "1.0", "True", "None", '"true"', '"x"', '"y"', "2**70"]);
      return `{${Array.from({ length: n }, () => `${keys()}: ${pyValue(r, depth + 1)}`).join(",")}}`;
    }
  }
}

/** JS source of a random value for to_py. */
function jsValue(r, depth = 0) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  if (depth > 3 || r() < 0.4) {
    return pick(["null", "undefined", "true", "-0", "NaN", "-Infinity", "2**53", "2**53-1", "0.1", "1/3", "12345678901234567890n",
      '"é\\u0000😀"', '"plain"', "new Uint8Array([1,2,255])", "new Date(0)", `${(r() - 0.5) * 1e9}`, `${Math.floor(r() * 1e6)}`]);
  }
  const n = Math.floor(r() * 4);
  const items = () => Array.from({ length: n }, () => jsValue(r, depth + 1));
  switch (pick(["array", "object", "map", "set"])) {
    case "array": return `[${items().join(",")}]`;
    case "map": return `new Map([${items().map((v, i) => `[${pick(["1", '"a"', "2.5", "null", '"b' + i + '"'])}, ${v}]`).join(",")}])`;
    case "set": return `new Set([${["1", '"a"', "2.5", "null"].slice(0, n).join(",")}])`;
    default: return `({${items().map((v, i) => `"k${i}": ${v}`).join(",")}})`;
  }
}

const quiet = { stdout: () => {}, stderr: () => {} };
const interpreters = {};

before(async () => {
  interpreters.pyodide = await loadPyodide(quiet);
  await installPyodide(interpreters.pyodide);
  interpreters.micropython = await loadMicroPython({ heapsize: 64 * 1024 * 1024, ...quiet });
  await installMicroPython(interpreters.micropython);
  for (const I of Object.values(interpreters)) {
    I.runPython(`${PYTHON_HELPERS}
import struct
from pyscript import ffi, window
def _f(hex_bits):
    return struct.unpack("<d", bytes.fromhex(hex_bits))[0]
def _outcome(make):
    try:
        return ffi.to_js(["ok", make()])
    except Exception as e:
        return ffi.to_js(["error", type(e).__name__, str(e)])
`);
  }
});

function run(name, code) {
  // The outcome is stored on the JS side, so no value crosses back natively.
  const I = interpreters[name];
  I.runPython(`window.__outcome = _outcome(lambda: ${code})`);
  const outcome = globalThis.__outcome;
  return outcome[0] === "ok" ? ["ok", describe(outcome[1])] : outcome;
}

test(`to_js agrees on ${COUNT} random values (seed ${SEED})`, () => {
  const r = rng(SEED);
  for (let i = 0; i < COUNT; i++) {
    const source = pyValue(r);
    assert.deepEqual(run("micropython", `ffi.to_js(${source})`), run("pyodide", `ffi.to_js(${source})`), `value #${i}: ${source}`);
  }
});

test(`to_py agrees on ${COUNT} random JS values (seed ${SEED})`, () => {
  const r = rng(SEED + 1);
  for (let i = 0; i < COUNT; i++) {
    const source = jsValue(r);
    // Inside an Array: a top-level number would cross natively first (MicroPython wraps
    // it to 32 bits before to_py sees it; that crossing is not to_py's).
    const code = `pydesc(ffi.to_py(window.eval(${JSON.stringify(`[${source}]`)})))`;
    assert.deepEqual(run("micropython", code), run("pyodide", code), `value #${i}: ${source}`);
  }
});
