// The Pyodide bridge's stack bound (ffi-pyodide/js/stack.js) must not depend on V8's
// tier for the function that measures the stack: a Chromium main thread keeps the full
// bound on every load (900 nested subclass containers fit), a worker, whose stack is about
// half, gets a reduced one (deep values stay a RecursionError there). Fresh pages, since
// the tier differs from load to load.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openPage } from "../../conformance/harness/chromium.mjs";
import { stackShare } from "../../ffi-pyodide/js/stack.js";

const LOADS = 8;
let session;

before(async () => {
  session = await openPage();
});
after(async () => {
  await session?.close();
});

async function shares() {
  const { page } = session;
  const seen = { main: [], worker: [] };
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    const { main, worker } = await page.evaluate(async () => {
      const { stackShare } = await import("/ffi-pyodide/js/stack.js");
      const source = `import { stackShare } from "${location.origin}/ffi-pyodide/js/stack.js"; postMessage(stackShare());`;
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      const worker = new Worker(url, { type: "module" });
      const share = await new Promise((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
      });
      worker.terminate();
      return { main: stackShare(), worker: share };
    });
    seen.main.push(main);
    seen.worker.push(worker);
  }
  return seen;
}

test("Chromium: the main thread keeps the full stack bound on every load, a worker gets about half or less", async () => {
  const seen = await shares();
  assert.deepEqual(seen.main, Array(LOADS).fill(1), `main-thread shares ${seen.main}`);
  for (const share of seen.worker) assert.ok(share > 0.2 && share <= 0.6, `worker shares ${seen.worker}`);
});

test("Node: the main thread keeps the full stack bound", () => {
  assert.equal(stackShare(), 1);
});
