// One check of js/tests/versions.test.mjs, in its own process:
//   node js/tests/versions-child.mjs install <pyodide|micropython> <version>
//   node js/tests/versions-child.mjs others <pyodide|micropython>       (unsupported versions)
//   node js/tests/versions-child.mjs best-effort <pyodide|micropython>  (the newest, best-effort)
//   node js/tests/versions-child.mjs depth-fallback micropython          (a wrong external_call_depth address)
// Prints "ok" when every assertion holds; otherwise throws (a non-zero exit).
import assert from "node:assert/strict";

import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";
import { MICROPYTHON_FACTS } from "../../dist/ffi-micropython/versions.js";
import { importInterpreter, readVersions } from "../interpreters.js";

const [check, interp, given] = process.argv.slice(2);
const versions = await readVersions();
const quiet = { stdout: () => {}, stderr: () => {} };
const install = { pyodide: installPyodide, micropython: installMicroPython }[interp];
const newest = versions[interp].versions.at(-1).version;
const supported = versions[interp].versions.map((v) => v.version).join(", ");

async function load(version) {
  if (interp === "pyodide") {
    const { loadPyodide } = await importInterpreter("pyodide", { version });
    const pyodide = await loadPyodide(quiet);
    assert.equal(pyodide.version, version);
    return pyodide;
  }
  const { loadMicroPython } = await importInterpreter("micropython", { version });
  return loadMicroPython(quiet);
}

// A JS error thrown in a call from Python is caught there as ffi.JsException (on
// MicroPython, through the guard), and a value converts by the canonical rules.
const CHECK = `
from pyscript import ffi
import js
try:
    js.JSON.parse("{")
    caught = "nothing"
except ffi.JsException as e:
    caught = e.name
js.globalThis.__versions_check = [ffi.to_js({"a": [1, 2**70, {"b": None}]}), caught]
`;

function checkInstalled(interpreter) {
  interpreter.runPython(CHECK);
  const [value, caught] = globalThis.__versions_check;
  delete globalThis.__versions_check;
  assert.deepEqual(value, { a: [1, 2n ** 70n, { b: null }] });
  assert.equal(caught, "SyntaxError");
}

/** The interpreter, claiming to be `version` (everything else is the real one's). */
function claiming(real, version, props = {}) {
  if (interp === "pyodide") return Object.create(real, { version: { value: version }, ...props });
  const sys = { version: `3.4.0; MicroPython v${version} on 2026-01-01` };
  return { ...real, pyimport: (name) => (name === "sys" ? sys : real.pyimport(name)) };
}

const notSupported = (adapter, name, version) =>
  `${adapter} install(): ${name} ${version} is not a supported version; supported: ${supported} ` +
  `(docs/versions.md). Load one of those, or pass { version: "best-effort" } to try the facts of the nearest one`;

function isPlainError(expected) {
  return (error) => {
    assert.ok(!(error instanceof TypeError), `an Error, not a TypeError: ${error}`);
    if (typeof expected === "string") assert.equal(error.message, expected);
    else assert.match(error.message, expected);
    return true;
  };
}

if (check === "install") {
  const interpreter = await load(given);
  await install(interpreter);
  checkInstalled(interpreter);
} else if (check === "best-effort") {
  const interpreter = await load(newest);
  await install(interpreter, { version: "best-effort" });
  checkInstalled(interpreter);
} else if (check === "depth-fallback" && interp === "micropython") {
  // 1.28.0-6 taken for 1.27.0 (the same exports, layout and native callers), whose address
  // of external_call_depth is wrong here, as a newer release's would be under best-effort;
  // that word made to read 0, as the counter does outside Python, so the guard follows it
  // until a probe shows it is not the counter, then finds the counter by scanning. JS
  // errors are still caught in Python.
  const [wrong, real] = ["1.27.0", "1.28.0-6"];
  const decoy = MICROPYTHON_FACTS[wrong].externalCallDepth;
  assert.notEqual(decoy, MICROPYTHON_FACTS[real].externalCallDepth);
  const loaded = await load(real);
  const M = loaded._module;
  const getValue = (address, type) => (address === decoy ? 0 : M.getValue(address, type));
  const module = new Proxy(M, { get: (target, key) => (key === "getValue" ? getValue : target[key]) });
  const interpreter = { ...claiming(loaded, wrong), _module: module };
  await install(interpreter);
  checkInstalled(interpreter);
} else if (check === "others" && interp === "micropython") {
  const real = await load(newest);
  await assert.rejects(install(claiming(real, "1.26.0")), isPlainError(notSupported("ffi-micropython", "MicroPython", "1.26.0")));
  // 1.27.0's facts (the nearest to 1.26.0) do not hold on 1.29's exports: refused before anything is touched.
  await assert.rejects(
    install(claiming(real, "1.26.0"), { version: "best-effort" }),
    isPlainError(/^ffi-micropython install\(\): MicroPython 1\.26\.0 is not a supported version, and the facts of 1\.27\.0 \(version "best-effort"\) do not hold: it lacks _module\._proxy_c_to_js_get_array; supported: /),
  );
  await assert.rejects(install(real, { version: "newest" }), new TypeError(`ffi-micropython install(): version must be one of exact, best-effort, got "newest"`));
  // A release newer than any known: the newest known one's facts, proven by the self-tests.
  const next = claiming(real, "1.30.0");
  await install(next, { version: "best-effort" });
  checkInstalled(next);
} else if (check === "others" && interp === "pyodide") {
  const real = await load(newest);
  await assert.rejects(install(claiming(real, "313.0.0")), isPlainError(notSupported("ffi-pyodide", "Pyodide", "313.0.0")));
  await assert.rejects(install(real, { version: "latest" }), new TypeError(`ffi-pyodide install(): version must be one of exact, best-effort, got "latest"`));
  // Facts that do not hold (here: no lifetime hooks): a clean refusal saying whose facts failed.
  const hookless = claiming(real, "315.0.0-alpha.0", { _module: { value: Object.create(real._module, { pyproxy_new: { value: undefined } }) } });
  await assert.rejects(
    install(hookless, { version: "best-effort" }),
    isPlainError(new RegExp(`^ffi-pyodide install\\(\\): Pyodide 315\\.0\\.0-alpha\\.0 is not a supported version, and with version "best-effort" the facts of ${newest.replaceAll(".", "\\.")} failed its self-tests: .*lacks pyproxy_new`)),
  );
  // Facts that hold: installed.
  const next = claiming(real, "314.0.99");
  await install(next, { version: "best-effort" });
  checkInstalled(next);
} else {
  throw new Error(`unknown check ${check} ${interp}`);
}
console.log("ok");
