// install() contracts (DESIGN.md): loads in Node, idempotent, refuses the wrong
// interpreter and unknown options with a clear TypeError, and modifies no built-in.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { before, describe, test } from "node:test";

import { importInterpreter } from "../interpreters.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");
const { loadMicroPython } = await importInterpreter("micropython");

const quiet = { stdout: () => {}, stderr: () => {} };
const ADAPTERS = [
  { name: "pyodide", load: () => loadPyodide(quiet), install: installPyodide, other: installMicroPython },
  { name: "micropython", load: () => loadMicroPython(quiet), install: installMicroPython, other: installPyodide },
];

/** The built-ins a page-wide patch would touch (PyScript's "auto" mode patches the first two). */
function builtins() {
  return {
    apply: Function.prototype.apply,
    call: Function.prototype.call,
    bind: Function.prototype.bind,
    reflectApply: Reflect.apply,
    reflectConstruct: Reflect.construct,
    functionProto: Object.getOwnPropertyNames(Function.prototype).sort().join(),
    objectProto: Object.getOwnPropertyNames(Object.prototype).sort().join(),
    arrayProto: Object.getOwnPropertyNames(Array.prototype).sort().join(),
  };
}

for (const adapter of ADAPTERS) {
  describe(`${adapter.name} install()`, () => {
    let interpreter;
    let globalsBefore;
    let builtinsBefore;
    before(async () => {
      interpreter = await adapter.load();
      globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
      builtinsBefore = builtins();
      await adapter.install(interpreter);
    });

    test("to_js gives a plain object", () => {
      interpreter.runPython("from pyscript import ffi\nresult = ffi.to_js({'a': [1, {'b': None}]})");
      const result = interpreter.globals.get("result");
      assert.equal(Object.getPrototypeOf(result), Object.prototype);
      assert.deepEqual(result, { a: [1, { b: null }] });
    });

    test("installing twice is harmless", async () => {
      await adapter.install(interpreter);
      await adapter.install(interpreter, { lifetime: "auto" });
      interpreter.runPython("from pyscript import ffi\nassert ffi.to_js([1])");
    });

    test("modifies no built-in and adds no global", () => {
      assert.deepEqual(builtins(), builtinsBefore);
      assert.deepEqual(Object.getOwnPropertyNames(globalThis).sort(), globalsBefore);
    });

    test("the other adapter refuses this interpreter with a clear TypeError", async () => {
      await assert.rejects(adapter.other(interpreter), (error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, new RegExp(`got ${adapter.name}; for ${adapter.name === "pyodide" ? "Pyodide" : "MicroPython"} load dist/ffi-${adapter.name}/index.js`));
        return true;
      });
    });

    test("non-interpreters and bad options are TypeErrors naming what is accepted", async () => {
      await assert.rejects(adapter.install({}), /expected a .* interpreter .*got object/);
      await assert.rejects(adapter.install(null), /got null/);
      await assert.rejects(adapter.install(interpreter, { lifetyme: "auto" }), /unknown option "lifetyme"; accepted: lifetime/);
      await assert.rejects(adapter.install(interpreter, { lifetime: "forever" }), /lifetime must be one of auto, manual/);
      await assert.rejects(adapter.install(interpreter, { package: "mine" }), /package must be one of pyscript, private/);
      await assert.rejects(adapter.install(interpreter, { package: "private" }), /already installed with package "pyscript"/);
    });
  });
}

// MicroPython keeps its proxy tables on globalThis: one instance per realm at a time, so
// the private install gets its own process-level turn after the suites above.
for (const adapter of ADAPTERS.filter((a) => a.name === "pyodide")) {
  test(`${adapter.name}: package "private" writes only the ffi module, shadowing nothing`, async () => {
    const interpreter = await adapter.load();
    await adapter.install(interpreter, { package: "private" });
    const result = interpreter.runPython(`
import sys
import _pyscript_ffi_pkg.ffi as f
try:
    import pyscript
    shadowed = True
except ImportError:
    shadowed = False
[hasattr(f, "bind"), shadowed, sys.path[0] != "/_pyscript_ffi", f.to_py(f.to_js({"a": [1, None]})) == {"a": [1, None]}]
`);
    assert.deepEqual(result.toJs(), [true, false, true, true]);
    result.destroy();
  });
}

// MicroPython gets its Python as bytecode (ffi-micropython/build.rs): install() writes
// .mpy modules only, so MicroPython compiles no source at start-up, and they import under
// both package options (each in a fresh child, one MicroPython per process).
test("micropython: install() writes compiled modules only, for both package options", () => {
  for (const pkg of ["pyscript", "private"]) {
    const script = `
import { importInterpreter } from ${JSON.stringify(new URL("../interpreters.js", import.meta.url).href)};
import { install } from ${JSON.stringify(new URL("../../dist/ffi-micropython/index.js", import.meta.url).href)};
const { loadMicroPython } = await importInterpreter("micropython");
const mp = await loadMicroPython({ stdout: () => {}, stderr: () => {} });
await install(mp, { package: ${JSON.stringify(pkg)} });
const files = [];
const walk = (dir) => {
  for (const name of mp.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = dir + "/" + name;
    if (mp.FS.isDir(mp.FS.stat(path).mode)) walk(path);
    else files.push(path);
  }
};
walk("/_pyscript_ffi");
mp.runPython(${JSON.stringify(`import ${pkg === "private" ? "_pyscript_ffi_pkg.ffi" : "pyscript.ffi"} as f, _pyscript_ffi_impl as i, json\nR = json.dumps([f.__file__, i.__file__, f.to_py(f.to_js({"a": [2**40, None]})) == {"a": [2**40, None]}])`)});
console.log(JSON.stringify({ files, imported: JSON.parse(mp.globals.get("R")) }));
`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    // Long lines cut: an interpreter's error can carry its whole minified source.
    assert.equal(result.status, 0, result.stderr.split("\n").map((line) => line.slice(0, 300)).join("\n"));
    const { files, imported } = JSON.parse(result.stdout.trim().split("\n").at(-1));
    assert.ok(files.length >= 2, `files written: ${files}`);
    const source = files.filter((path) => !path.endsWith(".mpy"));
    const empty = pkg === "private" ? ["/_pyscript_ffi/_pyscript_ffi_pkg/__init__.py"] : [];
    assert.deepEqual(source, empty, `${pkg}: only .mpy modules (and the private package's empty __init__.py) are written`);
    assert.ok(imported[0].endsWith(".mpy") && imported[1].endsWith(".mpy"), `${pkg}: imported ${imported}`);
    assert.equal(imported[2], true);
  }
});
