// install()'s lifetime option: "auto" (default) keeps a callable handed to JavaScript with
// no create_proxy alive after the call on both interpreters; "manual" installs nothing, so
// Pyodide's own borrowed-proxy rule applies; one interpreter takes one lifetime.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { importInterpreter } from "../interpreters.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");
const { loadMicroPython } = await importInterpreter("micropython");

const quiet = { stdout: () => {}, stderr: () => {} };
const ADAPTERS = [
  { name: "pyodide", load: () => loadPyodide(quiet), install: installPyodide },
  { name: "micropython", load: () => loadMicroPython(quiet), install: installMicroPython },
];

/**
 * Hands a Python callable to a JS function that keeps it, through the interpreter's own
 * `js` module (through a view it would be ffi's proxy whatever the lifetime); returns
 * what JS kept.
 */
function handOver(interpreter) {
  const box = {};
  globalThis.__lifetime_box = box;
  interpreter.runPython(`
import js
def _double(x):
    return x * 2
js.eval("(f) => { globalThis.__lifetime_box.kept = f; }")(_double)
`);
  delete globalThis.__lifetime_box;
  return box.kept;
}

for (const adapter of ADAPTERS) {
  describe(`${adapter.name} lifetime`, () => {
    test("auto: a callable kept by JavaScript works after the call returned", async () => {
      const interpreter = await adapter.load();
      await adapter.install(interpreter);
      assert.equal(handOver(interpreter)(21), 42);
    });

    test("a second install() asking for another lifetime is a TypeError", async () => {
      const interpreter = await adapter.load();
      await adapter.install(interpreter, { lifetime: "manual" });
      await adapter.install(interpreter, { lifetime: "manual" });
      await assert.rejects(adapter.install(interpreter), (error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /already installed with lifetime "manual"; a second install\(\) must not ask for "auto"/);
        return true;
      });
    });
  });
}

test("pyodide manual: the interpreter's own rule, the argument proxy dies with the call", async () => {
  const interpreter = await loadPyodide(quiet);
  const entries = ["pyproxy_new", "pyproxy_destroy", "PyProxy_getAttrs", "gc_register_proxy"];
  const before = entries.map((name) => interpreter._module[name]);
  await installPyodide(interpreter, { lifetime: "manual" });
  assert.deepEqual(
    entries.map((name) => interpreter._module[name]),
    before,
  );
  assert.throws(() => handOver(interpreter)(21), /borrowed proxy was automatically destroyed/);
});

test("pyodide auto: Pyodide's own to_js with a default_converter leaves a shared proxy alive", async () => {
  // Pyodide makes and destroys a temporary proxy per object it hands default_converter;
  // that temporary must not be the proxy JavaScript already holds for the object.
  const interpreter = await loadPyodide(quiet);
  await installPyodide(interpreter);
  const box = {};
  globalThis.__lifetime_box = box;
  interpreter.runPython(`
from pyscript import window
from pyodide.ffi import to_js as pyodide_to_js
class _Handler:
    def __call__(self):
        return "alive"
_handler = _Handler()
window.eval("(f) => { globalThis.__lifetime_box.kept = f; }")(_handler)
pyodide_to_js([_handler], default_converter=lambda value, convert, cache: 1)
pyodide_to_js([_handler], eager_converter=lambda value, convert, cache: convert(value))
`);
  delete globalThis.__lifetime_box;
  assert.equal(box.kept(), "alive");
});
