// `make bench`: what each adapter costs a page before any conversion — its shipped size
// (every file of dist/ffi-<interp>/ a browser loads, raw and gzipped) and the time of
// `install()` in Node after the interpreter has loaded, beside the interpreter's own load
// time, each the median of fresh child processes (a page installs once, so the first
// install, wasm compilation included, is the one that counts). Results also in
// target/bench/startup.json. Never asserted in a test.
//   node bench/startup.mjs [--rounds N]
//   node bench/startup.mjs --child INTERP     one child: prints {load_ms, install_ms}
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { interpreterNames, loadInterpreter } from "../js/interpreters.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const INTERPS = await interpreterNames();

async function child(interp) {
  const started = performance.now();
  const I = await loadInterpreter(interp);
  const loaded = performance.now();
  const { install } = await import(`../dist/ffi-${interp}/index.js`);
  await install(I);
  const installed = performance.now();
  // Proof the install worked (a fast broken install must not count).
  I.runPython("from pyscript import ffi\nassert ffi.to_js([1])[0] == 1");
  process.stdout.write(JSON.stringify({ load_ms: loaded - started, install_ms: installed - loaded }));
}

/** Every file under `dir` a browser fetches: modules and wasm, not the typings. */
async function shipped(dir) {
  const files = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith(".d.ts")) continue;
    const path = `${entry.parentPath ?? entry.path}/${entry.name}`;
    const bytes = await readFile(path);
    files.push({ path: path.slice(ROOT.length), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return files;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (opt("child", null)) {
  await child(opt("child", null));
} else {
  const rounds = Number(opt("rounds", 7));
  const results = {};
  for (const interp of INTERPS) {
    const files = await shipped(`${ROOT}dist/ffi-${interp}`);
    const sum = (pick) => files.filter(pick).reduce((n, f) => ({ raw: n.raw + f.raw, gzip: n.gzip + f.gzip }), { raw: 0, gzip: 0 });
    const wasm = sum((f) => f.path.endsWith(".wasm"));
    const js = sum((f) => f.path.endsWith(".js"));
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      runs.push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", interp], { cwd: ROOT, encoding: "utf8" })));
    }
    const load = median(runs.map((r) => r.load_ms));
    const install = median(runs.map((r) => r.install_ms));
    results[interp] = { wasm, js, total_gzip: wasm.gzip + js.gzip, load_ms: load, install_ms: install, rounds };
    console.log(
      `startup ${interp.padEnd(12)} shipped ${kib(wasm.gzip + js.gzip)} gzipped (wasm ${kib(wasm.gzip)}, JS ${kib(js.gzip)}; raw ${kib(wasm.raw + js.raw)})` +
        ` | interpreter load ${load.toFixed(1)} ms, install() ${install.toFixed(1)} ms (${(install / load).toFixed(2)}x the load), medians of ${rounds}`,
    );
  }
  await mkdir(`${ROOT}target/bench`, { recursive: true });
  await writeFile(`${ROOT}target/bench/startup.json`, JSON.stringify(results, null, 2));
  console.log("startup: targets (issue 14) shipped <= 60 KiB gzipped per adapter, install() <= 25 ms (MicroPython) / 100 ms (Pyodide); results: target/bench/startup.json");
}
