// Hardening checks that depend on one interpreter's internals (docs/failures.md, "Checked
// outside the suite"): each fails without its fix.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { importInterpreter } from "../interpreters.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");

describe("pyodide", () => {
  let pyodide;
  before(async () => {
    pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
    await installPyodide(pyodide);
  });

  test("a __del__ that uses ffi while its proxy is released sees the true state", () => {
    // The ledger used to release the interpreter's object while it was borrowed: __del__
    // then saw stats() as zeros and create_proxy failed as "called again while a proxy was
    // being created".
    const result = pyodide.runPython(`
from pyscript import ffi
seen = []
class Dies:
    def __call__(self):
        return 1
    def __del__(self):
        seen.append(ffi.stats()["created"] > 0)
        inner = ffi.create_proxy(lambda: 2)
        seen.append(inner())
        inner.destroy()
        seen.append(ffi.stats()["live"])
proxy = ffi.create_proxy(Dies())
proxy.destroy()
seen
`);
    assert.deepEqual(result.toJs(), [true, 2, 0]);
    result.destroy();
  });

  test("create_proxy and to_js keep no bridge argument alive until a JS garbage collection", () => {
    // With lifetime "auto", Pyodide's borrowed proxies of the bridge's own arguments used to
    // be registered for GC instead of destroyed: every create_proxy'd callable, and each
    // to_js's pickle buffer, stayed alive until a JS collection.
    const count = () => pyodide.runPython("import gc; gc.collect(); len(gc.get_objects())");
    pyodide.runPython(`
from pyscript import ffi
def churn(n):
    for i in range(n):
        ffi.create_proxy(lambda: i).destroy()
        ffi.to_js([{"i": i}])
churn(10)
`);
    const before = count();
    pyodide.runPython("churn(2000)");
    assert.ok(count() - before < 50, `Python objects grew by ${count() - before} over 2,000 create/destroy + to_js`);
  });

  test("a value nested too deep for the JS stack is a RecursionError, not a fatal error", () => {
    const result = pyodide.runPython(`
from pyscript import ffi
value = []
for _ in range(20000):
    value = [value]
try:
    ffi.to_js(value)
    outcome = "converted"
except RecursionError as e:
    outcome = str(e)
# Freed a level at a time: Pyodide itself cannot free it in one go (docs/failures.md).
while value:
    value = value[0]
outcome
`);
    assert.match(result, /nests deeper than 900 levels/);
    assert.equal(pyodide.runPython("1 + 1"), 2);
  });
});

test("install() names what an object that is not a MicroPython interpreter lacks", async () => {
  const almost = { pyimport() {}, _module: { _proxy_c_to_js_get_iter() {} } };
  await assert.rejects(installMicroPython(almost), (error) => {
    assert.ok(error instanceof TypeError);
    assert.match(error.message, /lacks .*_module\._malloc/);
    return true;
  });
});
