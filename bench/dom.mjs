// `make bench`, the DOM workload in Chromium: create 2,000 elements, set attributes and
// text, append them, query them back and read an attribute of each — written once in
// Python and run on `document` as a view (ffi.bind) and as the interpreter's own JsProxy
// (`js.document`), alternating rounds in one page per interpreter. Medians and the ratio
// view ÷ native are printed and written to target/bench/dom.json. Nothing asserts a time.
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { openPage } from "../conformance/harness/chromium.mjs";
import { interpreterNames } from "../js/interpreters.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ROUNDS = 7;

const WORKLOAD = `
import js
from pyscript import ffi

def work(doc):
    root = doc.createElement("div")
    doc.body.appendChild(root)
    for i in range(2000):
        el = doc.createElement("span")
        el.setAttribute("data-i", str(i))
        el.className = "item"
        el.textContent = "item " + str(i)
        root.appendChild(el)
    found = root.querySelectorAll("span.item")
    total = 0
    for i in range(found.length):
        total += int(found[i].getAttribute("data-i"))
    root.remove()
    if total != 1999000:
        raise AssertionError("wrong DOM workload result: " + str(total))

view_document = ffi.bind(js.document)
native_document = js.document
`;

const results = {};
const { page, close } = await openPage();
try {
  for (const interp of await interpreterNames()) {
    const row = await page.evaluate(
      async ({ interp, workload, rounds }) => {
        const { loadInterpreter } = await import("/conformance/harness/runner.js");
        const I = await loadInterpreter(new URL("/", location.href), interp);
        const { install } = await import(`/dist/ffi-${interp}/index.js`);
        await install(I);
        I.runPython(workload);
        const time = (code) => {
          const start = performance.now();
          I.runPython(code);
          return performance.now() - start;
        };
        time("work(view_document)");
        time("work(native_document)");
        const view = [];
        const native = [];
        for (let r = 0; r < rounds; r++) {
          if (r % 2) {
            native.push(time("work(native_document)"));
            view.push(time("work(view_document)"));
          } else {
            view.push(time("work(view_document)"));
            native.push(time("work(native_document)"));
          }
        }
        const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        return { view_ms: median(view), native_ms: median(native), ratio: median(view) / median(native) };
      },
      { interp, workload: WORKLOAD, rounds: ROUNDS },
    );
    results[interp] = row;
    console.log(
      `${interp.padEnd(12)} DOM workload (2,000 elements) in Chromium: view ${row.view_ms.toFixed(1)} ms, native ${row.native_ms.toFixed(1)} ms = ${row.ratio.toFixed(2)}x`,
    );
  }
} finally {
  await close();
}
await mkdir(`${ROOT}target/bench`, { recursive: true });
await writeFile(`${ROOT}target/bench/dom.json`, JSON.stringify(results, null, 2));
console.log("ratio: the workload on a view over the same on the interpreter's own JsProxy (target: <= 1.5x); results: target/bench/dom.json");
