// Every ```python block in docs/*.md runs on both interpreters, without an exception,
// and prints the same thing on both (a block is its own program, run in a fresh namespace).
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { before, test } from "node:test";

import { importInterpreter } from "../interpreters.js";
import { install as installMicroPython } from "../../dist/ffi-micropython/index.js";
import { install as installPyodide } from "../../dist/ffi-pyodide/index.js";
import { registerExample } from "../../conformance/harness/runner.js";

// The interpreter versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
const { loadPyodide } = await importInterpreter("pyodide");
const { loadMicroPython } = await importInterpreter("micropython");

const DOCS = new URL("../../docs/", import.meta.url);
const output = { pyodide: [], micropython: [] };
const interpreters = {};

before(async () => {
  interpreters.pyodide = await loadPyodide({ stdout: (s) => output.pyodide.push(s), stderr: () => {} });
  await installPyodide(interpreters.pyodide);
  interpreters.micropython = await loadMicroPython({ stdout: (s) => output.micropython.push(s), stderr: () => {} });
  await installMicroPython(interpreters.micropython);
  for (const I of Object.values(interpreters)) {
    // docs/rust-crates.md imports the example crate.
    await registerExample(new URL("../../", import.meta.url), I);
    I.runPython("def _run_block(source):\n    exec(source, {'__name__': '__doc__'})");
  }
});

const blocks = [];
for (const name of (await readdir(DOCS)).filter((n) => n.endsWith(".md")).sort()) {
  const text = await readFile(new URL(name, DOCS), "utf8");
  let index = 0;
  for (const match of text.matchAll(/```python\n([\s\S]*?)```/g)) blocks.push({ name, index: index++, code: match[1] });
}

function run(interp, code) {
  output[interp].length = 0;
  globalThis.__doc_block = code;
  interpreters[interp].runPython("from pyscript import window\n_run_block(window.__doc_block)");
  return output[interp].join("\n");
}

test("the docs have python blocks to run", () => assert.ok(blocks.length >= 5, `found ${blocks.length}`));

for (const block of blocks) {
  test(`${block.name} python block ${block.index + 1} prints the same on both interpreters`, () => {
    const pyodide = run("pyodide", block.code);
    const micropython = run("micropython", block.code);
    assert.ok(pyodide.length > 0, "the block prints something to compare");
    assert.equal(micropython, pyodide);
  });
}
