// `make gc-check`: js/gc-check-core.js in Node (node --expose-gc) and in headless Chromium
// (--js-flags=--expose-gc). Separate from the deterministic tests: it depends on a GC.
import { pathToFileURL, fileURLToPath } from "node:url";

import { openPage } from "../conformance/harness/chromium.mjs";
import { gcCheck } from "./gc-check-core.js";

if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
const ROOT = fileURLToPath(new URL("../", import.meta.url));

let passed = 0;
for (const line of await gcCheck(pathToFileURL(ROOT), globalThis.gc)) {
  console.log(`gc-check node ${line}`);
  passed++;
}
const { page, close } = await openPage(["--js-flags=--expose-gc"]);
try {
  const lines = await page.evaluate(async () => {
    const { gcCheck: check } = await import("/js/gc-check-core.js");
    return check(new URL("/", location.href), () => window.gc());
  });
  for (const line of lines) {
    console.log(`gc-check chromium ${line}`);
    passed++;
  }
} finally {
  await close();
}
console.log(`${passed} passed, 0 failed`);
