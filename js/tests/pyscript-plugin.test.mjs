// dist/pyscript/plugin.js on a real PyScript page (@pyscript/core from node_modules, the
// interpreters through PyScript's `interpreter` config key, offline, in Chromium): a `py`
// and an `mpy` script on the main thread get this project's pyscript.ffi and views, and
// PyScript's own API (display, when, web) keeps working (js/tests/pyscript/check.py).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openPage } from "../../conformance/harness/chromium.mjs";

let session;
let results;
const errors = [];

before(async () => {
  session = await openPage();
  session.page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(message.text().slice(0, 300));
  });
  await session.page.goto(`${session.origin}/js/tests/pyscript/plugin.html`);
  await session.page.waitForFunction(
    () => ["py", "mpy", "py-worker", "mpy-worker"].every((kind) => globalThis.__results?.[kind]),
    null,
    { timeout: 120_000, polling: 200 },
  ).catch(() => {});
  results = await session.page.evaluate(() => globalThis.__results);
});

after(async () => {
  await session?.close();
});

for (const [kind, checks] of [["py", 12], ["mpy", 12], ["py-worker", 9], ["mpy-worker", 9]]) {
  test(`a ${kind} script on a PyScript page gets this pyscript.ffi, and PyScript's API works`, () => {
    assert.ok(results?.[kind], `${kind}: the script reported nothing; console: ${errors.join(" | ")}`);
    const failed = Object.entries(results[kind]).filter(([, ok]) => ok !== true).map(([name]) => name);
    assert.deepEqual(failed, [], `${kind}: failed checks ${failed.join(", ")}; console: ${errors.join(" | ")}`);
    assert.equal(Object.keys(results[kind]).length, checks, "every check reported");
  });
}

test('with experimental_create_proxy = "auto" (PyScript patches Function.prototype.apply/call on Pyodide) the bridge still works', async () => {
  const { page, origin, close } = await openPage();
  try {
    await page.goto(`${origin}/js/tests/pyscript/plugin-auto-proxy.html`);
    await page.waitForFunction(() => globalThis.__results?.py && globalThis.__results?.["py-worker"], null, { timeout: 120_000, polling: 200 });
    const patched = await page.evaluate(() => !/\[native code\]/.test(Function.prototype.toString.call(Function.prototype.call)));
    assert.ok(patched, "PyScript's auto mode is on (Function.prototype.call is patched)");
    const found = await page.evaluate(() => globalThis.__results);
    for (const kind of ["py", "py-worker"]) {
      const failed = Object.entries(found[kind]).filter(([, ok]) => ok !== true).map(([name]) => name);
      assert.deepEqual(failed, [], `${kind}: failed checks ${failed.join(", ")}`);
    }
  } finally {
    await close();
  }
});

test("workers made by PyWorker (from Python) and MPWorker (from JS) with async get this ffi; a sync one keeps PyScript's and the console says so", async () => {
  const { page, origin, close } = await openPage();
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  try {
    await page.goto(`${origin}/js/tests/pyscript/pyworker.html`);
    const kinds = ["py-pyworker", "mpy-pyworker", "sync-pyworker"];
    await page.waitForFunction((k) => k.every((kind) => globalThis.__results?.[kind]), kinds, { timeout: 120_000, polling: 200 }).catch(() => {});
    const found = await page.evaluate(() => globalThis.__results);
    for (const kind of kinds) {
      assert.ok(found?.[kind], `${kind}: the worker reported nothing`);
      const failed = Object.entries(found[kind]).filter(([, ok]) => ok !== true).map(([name]) => name);
      assert.deepEqual(failed, [], `${kind}: failed checks ${failed.join(", ")}`);
    }
    assert.equal(Object.keys(found["py-pyworker"]).length, 9, "every check reported");
    assert.equal(Object.keys(found["mpy-pyworker"]).length, 9, "every check reported");
    assert.ok(
      warnings.some((text) => text.includes("runs with PyScript's own pyscript.ffi") && text.includes("make the worker async")),
      `the sync worker's warning; console warnings: ${warnings.join(" | ")}`,
    );
  } finally {
    await close();
  }
});
