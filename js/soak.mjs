// The soak test: sustained load on pyscript.ffi, memory measured after every batch of
// 1,000 operations, on Pyodide and MicroPython (workloads, bounds and measures:
// js/soak-core.js, top of the file). Nothing timed is asserted.
//
//   node --expose-gc js/soak.mjs [--interp pyodide|micropython|all] [--scale N] [--json out.json]
//
// FFI_DIST: the built dist/ folder to test (default: the repository's dist/).
// FFI_BENCH_PAYLOADS: payloads.py (default: ../shared/bench/payloads.py, else its copy bench/payloads.py).
// --scale multiplies the measured batches of every workload (the 2 warm-up batches stay);
// the default takes about 30-45 s with both interpreters, `--scale 10` is `make soak`.
// Exits 1 if any bound is exceeded (each failure names the workload, the measure and the
// numbers), 2 on a usage error.
//
// Each interpreter runs in a child process: the bridge's wasm module is one instance per
// JS realm (a second install() in the same process would share its state) and MicroPython
// keeps its proxy tables on globalThis. The workloads marked `isolated` get a child of
// their own, after the others; a workload that throws ends its child (the interpreter may
// be unsafe afterwards) and the rest continue in a fresh one.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { interpreterNames } from "./interpreters.js";
import {
  BRIDGE_WASM_OPS_PER_PAGE,
  evaluate,
  fmtBytes,
  formatTable,
  INTERP_WASM_MAX_PER_1K,
  INTERP_WASM_SLACK,
  OPS_PER_BATCH,
  PY_LIVE_MAX_PER_1K,
  runSoak,
  summarize,
  WARMUP_BATCHES,
  WORKLOADS,
} from "./soak-core.js";

// A child that reports nothing for this long is stuck (a hang is a failure, reported as
// such); every batch reports, and no batch takes more than a few seconds.
const HANG_SECONDS = 180;
const PREFIX = "SOAK ";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);

function usage(message) {
  console.error(`soak: ${message}\nusage: node --expose-gc js/soak.mjs [--interp pyodide|micropython|all] [--scale N] [--json out.json]`);
  process.exit(2);
}
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  if (i + 1 >= argv.length) usage(`--${name} needs a value`);
  return argv[i + 1];
};

const interpArg = option("interp", "all");
const KNOWN = await interpreterNames();
if (![...KNOWN, "all"].includes(interpArg)) usage(`unknown interpreter ${interpArg}`);
const INTERPS = interpArg === "all" ? KNOWN : [interpArg];
const SCALE = Number(option("scale", "1"));
if (!(SCALE > 0)) usage("--scale must be a positive number");
const JSON_OUT = option("json", null);
const DIST = path.resolve(process.env.FFI_DIST || path.join(ROOT, "dist"));
// ../shared is the project's shared folder beside a checkout; a checkout elsewhere (a
// fresh CI clone) uses bench/payloads.py, a copy of it.
const SHARED_PAYLOADS = path.join(ROOT, "../shared/bench/payloads.py");
const PAYLOADS = path.resolve(process.env.FFI_BENCH_PAYLOADS || (existsSync(SHARED_PAYLOADS) ? SHARED_PAYLOADS : path.join(ROOT, "bench/payloads.py")));

for (const interp of INTERPS) {
  const index = path.join(DIST, `ffi-${interp}`, "index.js");
  if (!existsSync(index)) usage(`${index} not found (build first, or set FFI_DIST)`);
}
if (!existsSync(PAYLOADS)) usage(`benchmark payloads not found at ${PAYLOADS} (set FFI_BENCH_PAYLOADS)`);

if (argv.includes("--child")) await child();
else await parent();

/** One interpreter, the workloads named in --workloads (JSON), events on stdout. */
async function child() {
  if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
  const emit = (event) => process.stdout.write(`${PREFIX}${JSON.stringify(event)}\n`);
  // A JS error outside any call (a timer, a finalizer) belongs to the running workload.
  const uncaught = (error) => emit({ type: "uncaught", message: String(error?.stack ?? error).slice(0, 1500) });
  process.on("uncaughtException", uncaught);
  process.on("unhandledRejection", uncaught);
  const { remaining } = await runSoak({
    base: pathToFileURL(ROOT),
    dist: pathToFileURL(DIST + path.sep),
    interp: option("interp"),
    workloads: JSON.parse(option("workloads")),
    scale: SCALE,
    gc: globalThis.gc,
    payloadsSource: readFileSync(PAYLOADS, "utf8"),
    onEvent: (event) => emit({ type: event.type, batches: event.batches, result: event.result }),
  });
  // Exit once the last line is written (Pyodide may leave handles that keep Node alive).
  process.stdout.write(`${PREFIX}${JSON.stringify({ type: "end", remaining })}\n`, () => process.exit(0));
}

/** Run `workloads` on `interp` in one child; resolves { results, remaining }. */
function runChild(interp, workloads) {
  return new Promise((resolve) => {
    const args = ["--expose-gc", SELF, "--child", "--interp", interp, "--scale", String(SCALE), "--workloads", JSON.stringify(workloads)];
    const proc = spawn(process.execPath, args, { env: { ...process.env, FFI_DIST: DIST, FFI_BENCH_PAYLOADS: PAYLOADS }, stdio: ["ignore", "pipe", "pipe"] });
    const results = new Map(); // workload -> latest (partial) result
    const uncaught = new Map(); // workload -> messages
    let current = null;
    let remaining = null;
    let stderr = "";
    let pending = "";
    let hung = false;
    let watchdog = null;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        hung = true;
        proc.kill("SIGKILL");
      }, HANG_SECONDS * 1000);
    };
    arm();
    proc.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    proc.stdout.on("data", (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf("\n")) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.startsWith(PREFIX)) continue; // interpreter output
        arm();
        const event = JSON.parse(line.slice(PREFIX.length));
        if (event.type === "end") {
          remaining = event.remaining;
          continue;
        }
        if (event.type === "uncaught") {
          if (current) uncaught.set(current, [...(uncaught.get(current) ?? []), event.message]);
          else stderr += `\n${event.message}`;
          continue;
        }
        const r = event.result;
        results.set(r.workload, r);
        if (event.type === "start") {
          current = r.workload;
          progress(`${interp} ${r.workload}: ${event.batches} batches of ${OPS_PER_BATCH}`);
        } else if (event.type === "done") {
          current = null;
          progress(`${interp} ${r.workload}: ${r.error ? `error: ${r.error.split("\n").slice(-3).join(" ").slice(0, 300)}` : "done"}`);
        }
      }
    });
    proc.on("close", (code, signal) => {
      clearTimeout(watchdog);
      const list = [...results.values()];
      for (const r of list) {
        const messages = uncaught.get(r.workload);
        if (messages && !r.error) r.error = `uncaught JS error during the workload: ${messages[0]}`;
      }
      if (remaining === null) {
        // The child died or hung: the workload it was running failed, the rest go on.
        const how = hung ? `made no progress for ${HANG_SECONDS} s and was killed` : `ended (exit code ${code}, signal ${signal})`;
        const tail = stderr.trim().split("\n").slice(-6).join(" | ").slice(-800);
        const culprit = current ?? workloads.find((w) => !results.has(w));
        if (culprit) {
          const r = results.get(culprit) ?? { workload: culprit, interp, batches: [], start: null, end: null };
          r.error = `the interpreter process ${how} during this workload${tail ? `; stderr: ${tail}` : ""}`;
          r.errorAt = `batch ${r.batches.length + 1} (after ${r.batches.length * OPS_PER_BATCH} ops)`;
          results.set(culprit, r);
          progress(`${interp} ${culprit}: ${r.error}`);
        }
        remaining = workloads.filter((w) => !results.has(w));
      }
      resolve({ results: [...results.values()], remaining });
    });
  });
}

function progress(message) {
  console.error(`soak ${message}`);
}

async function parent() {
  const started = performance.now();
  const names = WORKLOADS.filter((w) => !w.isolated).map((w) => w.name);
  // The ordinary workloads share one interpreter; each isolated one gets its own, last.
  const groups = [names, ...WORKLOADS.filter((w) => w.isolated).map((w) => [w.name])];
  const results = [];
  for (const interp of INTERPS) {
    for (const group of groups) {
      let todo = group;
      while (todo.length > 0) {
        const out = await runChild(interp, todo);
        results.push(...out.results);
        todo = out.remaining;
      }
    }
  }
  // One table, grouped by workload (in WORKLOADS order), then interpreter.
  const order = (r) => WORKLOADS.findIndex((w) => w.name === r.workload) * 10 + INTERPS.indexOf(r.interp);
  results.sort((a, b) => order(a) - order(b));
  const failures = results.flatMap(evaluate);
  const seconds = (performance.now() - started) / 1000;

  console.log(formatTable(results));
  console.log(
    `\nscale ${SCALE}; growth after ${WARMUP_BATCHES} warm-up batches of ${OPS_PER_BATCH} ops. py live/1k: Pyodide tracemalloc, ` +
      `MicroPython gc.mem_alloc(), after collection (bound ${fmtBytes(PY_LIVE_MAX_PER_1K, false)}). in-run/1k: growth inside one ` +
      `batch's call, before any collection can free it (information). bridge wasm: after warm-up (since start), bound one ` +
      `64 KiB page per ${BRIDGE_WASM_OPS_PER_PAGE} ops. interp wasm: bound ${fmtBytes(INTERP_WASM_SLACK, false)} + ` +
      `${fmtBytes(INTERP_WASM_MAX_PER_1K, false)}/1k ops. live: ffi.stats()["live"] at the start and after GC (own: the ` +
      `interpreter's own proxies, MicroPython's proxy_js_map / Pyodide weakrefs). ops/s: information.`,
  );
  if (failures.length) {
    console.log(`\n${failures.length} bound(s) exceeded:`);
    for (const f of failures) console.log(`  FAIL ${f.interp} ${f.workload}: ${f.measure}: ${f.detail}`);
  } else {
    console.log("\nall bounds met");
  }
  console.log(`soak: ${results.length} workload runs in ${seconds.toFixed(1)} s`);
  if (JSON_OUT) {
    const bounds = { PY_LIVE_MAX_PER_1K, BRIDGE_WASM_OPS_PER_PAGE, INTERP_WASM_SLACK, INTERP_WASM_MAX_PER_1K, WARMUP_BATCHES, OPS_PER_BATCH };
    const withSummary = results.map((r) => ({ ...r, summary: summarize(r) }));
    writeFileSync(JSON_OUT, JSON.stringify({ scale: SCALE, dist: DIST, seconds, bounds, results: withSummary, failures }, null, 2));
  }
  process.exitCode = failures.length ? 1 : 0;
}
