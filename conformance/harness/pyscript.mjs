// The PyScript columns: the cases run inside a real PyScript page (@pyscript/core from
// node_modules, interpreters through its `interpreter` config key, offline) that loads
// dist/pyscript/plugin.js as docs/pyscript.md tells a page author to, in a `py` or `mpy`
// script on the main thread or in a `<script worker>`. After the script ran (so PyScript
// has set up its `pyscript` package and the plugin its ffi), a hook hands PyScript's own
// interpreter to runner.js, which runs every case in it as in the other columns.
import { mkdir, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

import { interpreterEntry } from "../../js/interpreters.js";
import { openPage } from "./chromium.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const TYPES = { pyodide: "py", micropython: "mpy" };

/** The page's `<py-config>`/`<mpy-config>`: PyScript loads the release's loader module. */
async function config(interp, version) {
  const { module } = await interpreterEntry(interp, { version });
  const path = `/${relative(ROOT, fileURLToPath(module))}`;
  return `<${TYPES[interp]}-config>${JSON.stringify({ interpreter: path })}</${TYPES[interp]}-config>`;
}

// Runs where the script runs (main thread or worker); worker hooks travel as source text,
// so it names everything by absolute URL and reports through a BroadcastChannel.
const RUN_CASES = `async (wrap) => {
  if (globalThis.__conformanceStarted) return;
  globalThis.__conformanceStarted = true;
  const channel = new BroadcastChannel("conformance");
  const base = new URL("/", ORIGIN);
  try {
    const { runAll } = await import(new URL("conformance/harness/runner.js", base).href);
    const cases = await (await fetch(new URL(CASES, base))).json();
    await runAll({ base, interp: INTERP, mode: "ours", cases, version: VERSION, interpreter: wrap.interpreter, report: (line) => channel.postMessage(line) });
    channel.postMessage({ done: true });
  } catch (error) {
    channel.postMessage({ fatal: String((error && error.stack) || error).split("\\n").slice(0, 8).join("\\n").slice(0, 2000) });
  }
}`;

function pageSource({ interp, worker, casesPath, origin, configTag, version }) {
  const type = TYPES[interp];
  const hook = RUN_CASES.replace("ORIGIN", JSON.stringify(origin))
    .replace("CASES", JSON.stringify(casesPath))
    .replace("INTERP", JSON.stringify(interp))
    .replace("VERSION", JSON.stringify(version ?? null));
  const side = worker ? "worker" : "main";
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>conformance: ${type}${worker ? " worker" : ""} on a PyScript page</title>
${configTag}
<script type="module">
  import { hooks } from "/node_modules/@pyscript/core/dist/core.js";
  import { register } from "/dist/pyscript/plugin.js";
  new BroadcastChannel("conformance").onmessage = (event) => window.__report(JSON.stringify(event.data));
  register(hooks);
  const run = ${side === "worker" ? `Function("return " + ${JSON.stringify(hook)})()` : hook};
  hooks.${side}.onAfterRun.add(run);
  hooks.${side}.onAfterRunAsync.add(run);
</script>
</head>
<body>
<div id="target"></div>
<script type="${type}"${worker ? " worker" : ""} target="target">
import pyscript
</script>
</body>
</html>
`;
}

/**
 * Run `cases` in one PyScript column on release `version` (versions.json; its default if
 * undefined); `emit(line)` gets each JSON line of runner.js.
 */
export async function runInPyScript({ interp, worker, cases, version, emit }) {
  if (!TYPES[interp]) throw new Error(`unknown interpreter ${interp}`);
  const configTag = await config(interp, version);
  const name = `pyscript-${TYPES[interp]}${worker ? "-worker" : ""}${version ? `@${version}` : ""}`;
  const dir = `${ROOT}target/conformance`;
  await mkdir(dir, { recursive: true });
  const casesPath = `target/conformance/${name}-cases.json`;
  await writeFile(`${ROOT}${casesPath}`, JSON.stringify(cases));
  const { page, origin, close } = await openPage();
  try {
    await writeFile(`${dir}/${name}.html`, pageSource({ interp, worker, casesPath, origin, configTag, version }));
    let finish, fail;
    const finished = new Promise((resolve, reject) => {
      [finish, fail] = [resolve, reject];
    });
    await page.exposeFunction("__report", (text) => {
      const line = JSON.parse(text);
      if (line.fatal) fail(new Error(line.fatal));
      else if (line.done) finish();
      else emit(line);
    });
    page.on("console", (message) => {
      if (message.type() === "error") process.stderr.write(`[${name}] console: ${message.text().slice(0, 300)}\n`);
    });
    await page.goto(`${origin}/target/conformance/${name}.html`);
    await finished;
  } finally {
    await close();
  }
}
