// JS errors seen from Python (docs/construction.md, "Errors"): on Pyodide, ffi.JsException
// is Pyodide's own class, so one `except` clause catches what the bridge raises and what
// Pyodide raises for a throw in a call through `window` or `js`; on MicroPython the
// guard (ffi-micropython/js/guard.js) raises only for calls MicroPython makes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, describe, test } from "node:test";

import { importInterpreter, interpreterEntry } from "../interpreters.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install } from "../../dist/ffi-pyodide/index.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");
const { loadMicroPython } = await importInterpreter("micropython");

describe("pyodide JsException", () => {
  let pyodide;
  before(async () => {
    pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
    await install(pyodide);
  });

  test("ffi.JsException is pyodide.ffi.JsException", () => {
    assert.equal(pyodide.runPython("from pyscript import ffi\nimport pyodide.ffi\nffi.JsException is pyodide.ffi.JsException"), true);
  });

  test("a throw through window is caught as ffi.JsException", () => {
    const result = pyodide.runPython(`
from pyscript import ffi, window
try:
    window.JSON.parse("{")
except ffi.JsException as e:
    result = [str(e).startswith("SyntaxError: "), e.name, e.js_error.name]
result
`);
    assert.deepEqual(result.toJs(), [true, "SyntaxError", "SyntaxError"]);
    result.destroy();
  });

  test("a JS Error the bridge catches is raised as the same error", () => {
    const result = pyodide.runPython(`
from pyscript import ffi, window
err = window.eval("globalThis.__ffi_test_error = new RangeError('r')")
try:
    ffi.bind(window.eval("() => { throw globalThis.__ffi_test_error }"))()
except ffi.JsException as e:
    # The view on the left: e.js_error is Pyodide's own JsProxy.
    result = err == e.js_error
result
`);
    delete globalThis.__ffi_test_error;
    assert.equal(result, true);
  });
});

describe("micropython guard", () => {
  let mp;
  const printed = [];
  before(async () => {
    mp = await loadMicroPython({ stdout: (line) => printed.push(line), stderr: () => {} });
    await installMicroPython(mp);
  });

  test("JavaScript calling a guarded function gets the JS error, not a Python raise", () => {
    const holder = {};
    globalThis.__guard_test = holder;
    // MicroPython writes the function into a JS object itself: JavaScript gets the guard.
    mp.runPython(`
import js
js.__guard_test.decode = js.decodeURIComponent
js.__guard_test.again = js.decodeURIComponent
`);
    delete globalThis.__guard_test;
    assert.notEqual(holder.decode, decodeURIComponent);
    assert.equal(holder.decode, holder.again);
    assert.equal(holder.decode("%41"), "A");
    assert.throws(() => holder.decode("%"), URIError);
    // And MicroPython is still fine.
    mp.runPython("print(sum(range(10)))");
    assert.equal(printed.at(-1).trim(), "45");
  });

  test("a JS error in a call from Python is catchable, many times over", () => {
    mp.runPython(`
import js
from pyscript import ffi
caught = 0
for i in range(2000):
    try:
        js.JSON.parse("{")
    except ffi.JsException:
        caught += 1
print(caught, sum(range(10)))
`);
    assert.equal(printed.at(-1).trim(), "2000 45");
  });

  test("JavaScript iterating a Python object at top level gets the JS error (no Python handler to raise to)", async () => {
    // In a child process with a time limit: MicroPython hangs on an exception with no
    // handler left, which is what raising here would cause.
    const script = `
      import { loadMicroPython } from "${(await interpreterEntry("micropython")).module}";
      import { install } from "${new URL("../../dist/ffi-micropython/index.js", import.meta.url)}";
      const mp = await loadMicroPython({ stdout: () => {}, stderr: () => {} });
      await install(mp);
      mp.runPython("import js\\nclass It:\\n    def __iter__(self):\\n        js.decodeURIComponent('%')\\njs.globalThis.it = It()");
      try { [...globalThis.it]; console.log("no error"); } catch (e) { console.log(e.name); }
    `;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { timeout: 60000, encoding: "utf8" });
    assert.equal(output.trim(), "URIError");
  });

  test("another MicroPython sharing the tables is refused", async () => {
    const second = await loadMicroPython({ stdout: () => {}, stderr: () => {} });
    const third = await loadMicroPython({ stdout: () => {}, stderr: () => {} });
    // Loading `third` replaced the realm's tables, which `second` now uses too: once
    // `third` has the guard on them, `second` cannot have one.
    await installMicroPython(third);
    await assert.rejects(installMicroPython(second), /shares this one's proxy tables/);
  });
});
