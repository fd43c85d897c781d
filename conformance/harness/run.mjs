// Thin JS harness driven by the `conformance` binary: runs the cases in one column
// (interpreter x host) and prints one JSON line per case on stdout.
//   node conformance/harness/run.mjs --interp pyodide|micropython --host node|chromium|pyscript|pyscript-worker
//        --mode ours|pyscript --cases cases.json
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

import { versionEnv } from "../../js/interpreters.js";
import { openPage } from "./chromium.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const key of ["interp", "host", "mode", "cases"]) if (!out[key]) throw new Error(`missing --${key}`);
  return out;
}

const emit = (line) => process.stdout.write(JSON.stringify(line) + "\n");

async function runInNode(options) {
  const { runAll } = await import(new URL("./runner.js", import.meta.url).href);
  await runAll({ ...options, base: pathToFileURL(ROOT), report: emit });
}

async function runInChromium(options) {
  const { page, close } = await openPage();
  try {
    await page.exposeFunction("__report", (line) => emit(JSON.parse(line)));
    await page.evaluate(async (opts) => {
      const { runAll } = await import("/conformance/harness/runner.js");
      await runAll({ ...opts, base: new URL("/", location.href), report: (r) => window.__report(JSON.stringify(r)) });
    }, options);
  } finally {
    await close();
  }
}

const { interp, host, mode, cases: casesFile, version: given } = args();
const cases = JSON.parse(await readFile(casesFile, "utf8"));
// The release: --version (the conformance binary always passes one), else the environment's
// choice (js/interpreters.js), else versions.json's default; in every host alike.
const chosen = process.env[versionEnv(interp)] || undefined;
const options = { interp, mode, cases, version: given || chosen };
try {
  if (given && chosen && given !== chosen) {
    throw new Error(`${versionEnv(interp)}=${chosen} but --version ${given}: the conformance binary picks releases with --releases ${chosen}`);
  }
  if (host === "node") await runInNode(options);
  else if (host === "chromium") await runInChromium(options);
  else if (host === "pyscript" || host === "pyscript-worker") {
    const { runInPyScript } = await import("./pyscript.mjs");
    await runInPyScript({ interp, worker: host === "pyscript-worker", cases, version: options.version, emit });
  }
  else throw new Error(`unknown host ${host}`);
  emit({ done: true });
} catch (error) {
  // One line, not the interpreter's whole source: Emscripten errors print the module.
  emit({ fatal: String(error && error.stack || error).split("\n").slice(0, 8).join("\n").slice(0, 2000) });
  process.exitCode = 1;
}
