// JS errors seen from Python (docs/construction.md, "Errors"): on Pyodide, ffi.JsException
// is Pyodide's own class, so one `except` clause catches what the bridge raises and what
// Pyodide raises for a throw in a call through `window` or `js`.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { install } from "../../dist/ffi-pyodide/index.js";

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
    result = e.js_error == err
result
`);
    delete globalThis.__ffi_test_error;
    assert.equal(result, true);
  });
});
