// The bridge seam is declared once (js/bridge.d.ts): each adapter registers exactly the
// functions declared for it, and the Python files call only those (docs/Architecture.md).
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { test } from "node:test";

import { loadInterpreter } from "../interpreters.js";

const ROOT = new URL("../../", import.meta.url);
const read = (path) => readFile(new URL(path, ROOT), "utf8");

/** Member names of each interface of bridge.d.ts, with those of the interface it extends. */
async function declared() {
  const source = await read("js/bridge.d.ts");
  const interfaces = {};
  for (const [, name, parent, body] of source.matchAll(/export interface (\w+)(?: extends (\w+))? \{\n([\s\S]*?)\n\}/g)) {
    const own = [...body.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1]);
    interfaces[name] = new Set([...(parent ? interfaces[parent] : []), ...own]);
  }
  return interfaces;
}

/** The shim's Python files, the same for every adapter: python/pyscript/ and its _ffi/. */
async function shimFiles() {
  const files = [];
  for (const dir of ["python/pyscript/", "python/pyscript/_ffi/"]) {
    for (const name of (await readdir(new URL(dir, ROOT))).sort()) if (name.endsWith(".py")) files.push(dir + name);
  }
  assert.ok(files.includes("python/pyscript/_ffi/views.py"), "the shim's modules are in python/pyscript/_ffi/");
  return files;
}

/** Every match of `pattern`'s first group in the given files. */
async function namesIn(files, pattern) {
  const names = new Set();
  for (const file of files) for (const [, name] of (await read(file)).matchAll(pattern)) names.add(name);
  return names;
}

/** `_bridge.NAME` in the Python files an adapter installs. */
async function calledFromPython(adapter) {
  return namesIn([...(await shimFiles()), `ffi-${adapter}/python/_pyscript_ffi_impl.py`], /\b_bridge\.(\w+)/g);
}

async function registered(adapter) {
  const I = await loadInterpreter(adapter);
  // This interpreter object's own method, wrapped to see what install() registers.
  const register = I.registerJsModule.bind(I);
  let names = null;
  I.registerJsModule = (name, module) => {
    if (name === "_pyscript_ffi_bridge") names = new Set(Object.keys(module));
    return register(name, module);
  };
  const { install } = await import(new URL(`dist/ffi-${adapter}/index.js`, ROOT).href);
  await install(I);
  assert.ok(names, "install() registered no _pyscript_ffi_bridge");
  return names;
}

const INTERFACES = { pyodide: "PyodideBridge", micropython: "MicroPythonBridge" };
const minus = (a, b) => [...a].filter((x) => !b.has(x)).sort();

for (const [adapter, iface] of Object.entries(INTERFACES)) {
  test(`${adapter}: registers exactly ${iface} of js/bridge.d.ts, and Python calls only that`, async () => {
    const want = (await declared())[iface];
    assert.ok(want && want.size > 40, `js/bridge.d.ts declares ${iface}`);
    const got = await registered(adapter);
    assert.deepEqual(minus(got, want), [], "registered but not declared in js/bridge.d.ts");
    assert.deepEqual(minus(want, got), [], "declared in js/bridge.d.ts but not registered");
    const called = await calledFromPython(adapter);
    assert.deepEqual(minus(called, want), [], "called from Python but not declared for this adapter");
    // Declared names no Python file calls are dead weight in the seam.
    assert.deepEqual(minus(want, called), [], "declared but no Python file of this adapter calls it");
  });
}

/** Top-level names of a `.pyi`: `def NAME`, `class NAME`, `NAME:`. */
const pyiNames = (source) => new Set([...source.matchAll(/^(?:def |class )?([A-Za-z]\w*)\s*[(:]/gm)].map((m) => m[1]));

/** Top-level names a Python module defines: def, class, assignment, import. */
function definedNames(source) {
  const names = new Set();
  for (const [, a, b, c] of source.matchAll(/^(?:(?:def|class) (\w+)|([\w, ]+?) = |(?:from \S+ )?import (.+))/gm)) {
    const found = a ?? b ?? c;
    for (const part of found.split(",")) names.add(part.trim().split(/\s+as\s+/).pop());
  }
  return names;
}

test("the adapter protocol (python/_pyscript_ffi_impl.pyi): each adapter's module defines it, the shim uses only it", async () => {
  const want = pyiNames(await read("python/_pyscript_ffi_impl.pyi"));
  want.delete("from");
  assert.ok(want.size > 10, "python/_pyscript_ffi_impl.pyi declares the protocol");
  for (const adapter of Object.keys(INTERFACES)) {
    const defined = definedNames(await read(`ffi-${adapter}/python/_pyscript_ffi_impl.py`));
    assert.deepEqual(minus(want, defined), [], `${adapter}'s _pyscript_ffi_impl.py lacks these`);
  }
  const used = await namesIn(await shimFiles(), /\b_impl\.(\w+)/g);
  assert.deepEqual(minus(used, want), [], "the shim uses these, not declared in the protocol");
  assert.deepEqual(minus(want, used), [], "declared in the protocol, unused by the shim");
});
