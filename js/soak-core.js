// The soak test's core (sustained load, memory checked after every batch), runnable in
// Node and, later, in a browser: no Node built-ins here. js/soak.mjs is the Node runner
// (child processes, table, exit code). Modelled on js/gc-check-core.js: real garbage
// collection, bounded retries, nothing timed is asserted.
import { loadInterpreter } from "../conformance/harness/runner.js";

// ---------------------------------------------------------------------------------------
// Bounds. Each is met with a wide margin by a bridge that frees what it makes; growth is
// always measured after WARMUP_BATCHES (caches, interned strings, allocator pools and the
// interpreters' own heap growth settle during the warm-up).

/** Operations per batch; every measure is taken between batches. */
export const OPS_PER_BATCH = 1000;
/** Batches run before the baseline is taken; not part of any growth figure. */
export const WARMUP_BATCHES = 2;
/** Python-side live memory (Pyodide: tracemalloc after gc.collect(); MicroPython:
 * gc.mem_alloc() after the collection that runs when a call from JS returns), growth per
 * 1,000 operations across the measured batches. 64 bytes an operation. */
export const PY_LIVE_MAX_PER_1K = 64 * 1024;
/** The bridge's own wasm memory may grow after the warm-up by at most one 64 KiB page per
 * this many operations (at least one page in all). */
export const BRIDGE_WASM_PAGE = 64 * 1024;
export const BRIDGE_WASM_OPS_PER_PAGE = 10_000;
/** The interpreter's wasm memory never shrinks and grows in allocator-sized steps (Pyodide
 * grows by 20 % at a time), so one step is forgiven: growth after the warm-up must stay
 * under SLACK + PER_1K per 1,000 operations. This catches what the Python-side measure
 * cannot see (a malloc'd buffer never freed, say) once it outgrows the slack: at
 * `--scale 10`, a leak of 1 KiB an operation on any workload with 40,000 measured ops. */
export const INTERP_WASM_SLACK = 16 * 1024 * 1024;
export const INTERP_WASM_MAX_PER_1K = 256 * 1024;
/** `ffi.stats()["live"]` (and, where measured, the interpreter's own proxies) must be back
 * where the workload started, after at most this many collect-and-yield rounds. */
export const FINAL_SETTLE_ROUNDS = 60;

// Not bounds: how hard to push JavaScript's garbage collector between batches. Objects a
// job touched through a WeakRef stay alive until the job ends, so yield first; then each
// round collects (queueing FinalizationRegistry callbacks) and yields (running them); what
// they release can only be collected by the next round. Two rounds nearly always settle
// everything; the two measurements that growth is computed from (the end of the warm-up
// and the last batch) go on, up to SETTLE_MAX_ROUNDS, while memory keeps shrinking, so
// that one late finalizer cannot fake (or hide) growth.
const SETTLE_ROUNDS = 2;
const SETTLE_MAX_ROUNDS = 12;

// ---------------------------------------------------------------------------------------
// Workloads. `measured` is the number of batches after the warm-up at scale 1 (scale
// multiplies it); the cheap workloads get more so that their growth is measured over more
// operations. `isolated`: run in an interpreter of its own, after the others (the runner
// decides how: js/soak.mjs uses a child process).
//
// One operation is: a to_js + to_py round trip of the payload (built once per workload,
// with the small sizes named here); one create_proxy + destroy(); one `with ffi.scope()`
// block (two proxies made, one kept and destroyed after the block); one implicit crossing
// (a lambda assigned to a JS object's property, the property then deleted, released by a
// FinalizationRegistry); one failing conversion, caught in Python.
export const WORKLOADS = [
  { name: "roundtrip records(20)", setup: "roundtrip('records', 20)", measured: 2 },
  { name: "roundtrip wide_dict(100)", setup: "roundtrip('wide_dict', 100)", measured: 2 },
  { name: "roundtrip deep(20)", setup: "roundtrip('deep', 20)", measured: 2 },
  { name: "roundtrip floats(200)", setup: "roundtrip('floats', 200)", measured: 2 },
  { name: "roundtrip strings(100)", setup: "roundtrip('strings', 100)", measured: 2 },
  { name: "proxy create/destroy", setup: "create_destroy()", measured: 4 },
  { name: "proxy scope", setup: "scoped()", measured: 4 },
  { name: "proxy implicit", setup: "implicit()", measured: 4 },
  { name: "fail to_js tuple key", setup: "tuple_key()", measured: 4 },
  { name: "fail to_js 2000 deep", setup: "too_deep()", measured: 2 },
  // Last in the shared interpreter: like the next one it has corrupted the bridge (a wasm
  // "memory access out of bounds" after ~2,400 failing conversions), so a relapse harms nothing.
  { name: "fail to_py revoked Proxy", setup: "revoked()", measured: 4 },
  // Known to have corrupted the bridge after ~2,400 operations: last, in its own interpreter.
  { name: "fail to_py throwing getter", setup: "throwing_getter()", measured: 3, isolated: true },
];

// The Python half: written to the interpreter's file system as a module, so that every
// batch is one short runPython call. Runs on CPython and MicroPython alike. Results go back
// as JSON strings through `_soak.put`, so that the measurements never depend on the FFI
// under test (except ffi.stats(), which is what is measured) and no int is cut to 32 bits
// by MicroPython's own crossing.
const PYTHON_HELPERS = String.raw`
import gc
import json
import sys

import _soak
import soak_payloads
from pyscript import ffi, window

MICROPYTHON = sys.implementation.name == "micropython"
if not MICROPYTHON:
    import tracemalloc
    import weakref

    tracemalloc.start()


def _python_bytes():
    # MicroPython: valid only in a run that follows the collection (see measure()).
    if MICROPYTHON:
        return gc.mem_alloc()
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


op = None
check = None  # round trips: a correctness check once per batch (not counted)
alive = None  # Pyodide, implicit crossings: weak references to the callables handed over
kinds = {}  # failing conversions: exception type name -> count, this batch


def start(setup):
    global op, check, alive
    op = check = alive = None
    gc.collect()
    op = eval(setup, globals())


def stop():
    # 'alive' stays (it holds nothing): the final measure still counts through it.
    global op, check
    op = check = None


def roundtrip(builder, size):
    global check
    value = getattr(soak_payloads, builder)(size)

    def run():
        ffi.to_py(ffi.to_js(value))

    def verify():
        if ffi.to_py(ffi.to_js(value)) != value:
            raise AssertionError("round trip of " + builder + "(" + str(size) + ") changed the value")

    check = verify
    return run


def create_destroy():
    def run():
        ffi.create_proxy(lambda: 1).destroy()

    return run


def scoped():
    def run():
        with ffi.scope() as s:
            ffi.create_proxy(lambda: 1)
            kept = s.keep(ffi.create_proxy(lambda: 2))
        kept.destroy()

    return run


def implicit():
    global alive
    holder = window.eval("({})")
    delete = window.Reflect.deleteProperty
    if not MICROPYTHON:
        alive = weakref.WeakSet()
    seen = alive

    def run():
        f = lambda: 1
        holder.cb = f
        delete(holder, "cb")
        if seen is not None:
            seen.add(f)

    return run


def failing(convert):
    def run():
        try:
            convert()
        except Exception as e:
            name = type(e).__name__
            kinds[name] = kinds.get(name, 0) + 1
        else:
            raise AssertionError("the conversion did not fail")

    return run


def tuple_key():
    value = {(1, 2): 3}
    return failing(lambda: ffi.to_js(value))


def too_deep():
    value = []
    for _ in range(2000):
        value = [value]
    return failing(lambda: ffi.to_js(value))


def revoked():
    value = window.eval("(() => { const r = Proxy.revocable({}, {}); r.revoke(); return [1, r.proxy] })()")
    return failing(lambda: ffi.to_py(value))


def throwing_getter():
    value = window.eval(
        "(() => { const a = [1,2,3]; Object.defineProperty(a, 1, { get() { throw new Error('boom') } }); return a })()"
    )
    return failing(lambda: ffi.to_py(value))


def batch(n):
    # Growth inside this one call: MicroPython cannot collect before the call returns;
    # on Pyodide it is what waits for JavaScript's collector (borrowed proxies).
    kinds.clear()
    if check is not None:
        check()
    before = _python_bytes()
    run = op
    for _ in range(n):
        run()
    _soak.put(json.dumps({"in_run": _python_bytes() - before, "kinds": kinds}))


def measure():
    python = _python_bytes()
    objects = -1 if MICROPYTHON else len(gc.get_objects())
    held = len(alive) if alive is not None else -1
    _soak.put(json.dumps({"python": python, "objects": objects, "live": ffi.stats()["live"], "held": held}))


def health():
    value = [1, {"a": [2.5, "x", None]}]
    if ffi.to_py(ffi.to_js(value)) != value:
        raise AssertionError("round trip gives a different value")
    ffi.create_proxy(lambda: 1).destroy()
    _soak.put(json.dumps(ffi.stats()))
`;

const sleep0 = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The bridge's own WebAssembly.Memory. wasm-bindgen's `--target web` glue keeps the
 * instance's exports in a module-level `wasm` variable and exports `initSync`, which
 * returns that exports object, `memory` included, when the module is already initialised
 * (and only tries to instantiate when it is not). Importing the glue from the URL that
 * index.js imports it from gives the same module instance (ES modules are cached by
 * resolved URL), so `initSync()` with no argument is the instance install() initialised;
 * if it were not initialised it throws (no module given) instead of making a second one.
 */
async function bridgeMemory(dist, interp) {
  const glue = await import(new URL(`ffi-${interp}/ffi_${interp}.js`, dist).href);
  let exports;
  try {
    exports = glue.initSync();
  } catch (error) {
    throw new Error(`the bridge's wasm module (ffi_${interp}.js) is not the one install() initialised: ${error.message}`);
  }
  if (!(exports?.memory instanceof WebAssembly.Memory)) throw new Error(`ffi_${interp}.js: its exports have no memory`);
  return exports.memory;
}

/**
 * The interpreter's wasm memory, in bytes. Pyodide exports HEAP8 (replaced when memory
 * grows). MicroPython 1.27 exports neither the memory nor the HEAP views, and reading an
 * unexported property of its Module aborts the interpreter; its exported getValue reads
 * HEAP8[address], undefined past the end, so a binary search over 64 KiB pages finds the
 * current size.
 */
function interpreterWasmBytes(interpreter, interp) {
  const M = interpreter._module;
  if (interp === "pyodide") return M.HEAP8.length;
  let low = 1;
  let high = 65536; // pages in 4 GiB
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (M.getValue(mid * 65536 - 1, "i8") !== undefined) low = mid;
    else high = mid - 1;
  }
  return low * 65536;
}

/**
 * Load one interpreter, install the bridge from `dist`, run `workloads` (names from
 * WORKLOADS) in order. A workload that throws is recorded with its error and ends the run
 * (the interpreter may be unsafe afterwards: MicroPython after a wasm trap); `remaining`
 * lists what was not run, for the caller to run in a fresh interpreter.
 *   base: the repository root (URL), for node_modules; dist: the built dist/ folder (URL);
 *   gc: forces a JS collection; payloadsSource: the text of payloads.py;
 *   onEvent({ type: "start" | "batch" | "done", result }): progress, with the (partial)
 *   result of the current workload (optional; "done" may come twice for the last one if
 *   the closing health check fails).
 */
export async function runSoak({ base, dist, interp, workloads, scale = 1, gc, payloadsSource, onEvent = () => {} }) {
  const interpreter = await loadInterpreter(base, interp);
  const { install } = await import(new URL(`ffi-${interp}/index.js`, dist).href);
  await install(interpreter);
  const memory = await bridgeMemory(dist, interp);

  let reply = null;
  interpreter.registerJsModule("_soak", {
    put(json) {
      reply = json;
    },
  });
  // Run Python and return what it put (parsed).
  const ask = (code) => {
    reply = null;
    interpreter.runPython(code);
    if (reply === null) throw new Error(`no reply from: ${code}`);
    return JSON.parse(reply);
  };
  interpreter.FS.writeFile("/soak_payloads.py", payloadsSource);
  interpreter.FS.writeFile("/soak_helpers.py", PYTHON_HELPERS);
  interpreter.runPython("import sys\nsys.path.insert(0, '/')\nimport soak_helpers as _soak_helpers");

  // MicroPython: gc.collect() inside a run only sets a flag; the collection happens when
  // the outermost call from JavaScript returns, so collect in one call and read in the next.
  const collectPython = () => {
    if (interp === "micropython") interpreter.runPython("import gc; gc.collect()");
  };
  // The interpreter's own proxies of Python objects that JavaScript still holds: MicroPython
  // keeps them in its proxy_js_map (global); on Pyodide only the implicit workload counts
  // them (weak references, reported by measure()).
  const heldByInterpreter = (python) =>
    interp === "micropython" ? globalThis.proxy_js_map.size : python.held >= 0 ? python.held : null;

  const measureNow = () => {
    collectPython();
    const python = ask("_soak_helpers.measure()");
    return {
      python: python.python,
      objects: python.objects >= 0 ? python.objects : null,
      live: python.live,
      held: heldByInterpreter(python),
      bridge: memory.buffer.byteLength,
      interp: interpreterWasmBytes(interpreter, interp),
    };
  };
  const settle = async (rounds) => {
    await sleep0();
    for (let i = 0; i < rounds; i++) {
      gc();
      await sleep0();
    }
  };
  // Settle, measure; `thorough`: more rounds while anything measured still shrinks.
  const settledMeasure = async (thorough) => {
    await settle(SETTLE_ROUNDS);
    let m = measureNow();
    for (let round = SETTLE_ROUNDS; thorough && round < SETTLE_MAX_ROUNDS; round++) {
      await settle(1);
      const next = measureNow();
      const shrank = next.python < m.python || next.live < m.live || (next.held ?? 0) < (m.held ?? 0);
      m = next;
      if (!shrank) break;
    }
    return m;
  };

  const results = [];
  const todo = [...workloads];
  while (todo.length > 0) {
    const name = todo.shift();
    const workload = WORKLOADS.find((w) => w.name === name);
    if (!workload) throw new Error(`unknown workload ${JSON.stringify(name)}`);
    const batches = WARMUP_BATCHES + Math.max(1, Math.round(workload.measured * scale));
    const result = { workload: name, interp, batches: [], start: null, end: null, error: null, errorAt: null, settleRounds: null };
    results.push(result);
    onEvent({ type: "start", result, batches });
    try {
      interpreter.runPython(`_soak_helpers.start(${JSON.stringify(workload.setup)})`);
      result.start = await settledMeasure(true);
      for (let b = 0; b < batches; b++) {
        const t0 = performance.now();
        const run = ask(`_soak_helpers.batch(${OPS_PER_BATCH})`);
        const ms = performance.now() - t0;
        const m = await settledMeasure(b === WARMUP_BATCHES - 1 || b === batches - 1);
        result.batches.push({ ops: OPS_PER_BATCH, ms, inRun: run.in_run, kinds: run.kinds, ...m });
        onEvent({ type: "batch", result, batches });
      }
      // Release what the workload holds itself, then collect until the ledger (and the
      // interpreter's proxy table) are back where they started: bounded, never timed.
      interpreter.runPython("_soak_helpers.stop()");
      const target = result.start;
      let end = null;
      let round = 0;
      for (; round < FINAL_SETTLE_ROUNDS; round++) {
        await settle(1);
        end = measureNow();
        if (end.live === target.live && (target.held === null || end.held === null || end.held <= target.held)) break;
      }
      result.end = end;
      result.settleRounds = round + 1;
    } catch (error) {
      result.error = String(error?.message ?? error).trim().slice(0, 1500);
      const done = result.batches.length;
      result.errorAt = result.start === null ? "setup" : done < batches ? `batch ${done + 1} (after ${done * OPS_PER_BATCH} ops)` : "final collection";
      onEvent({ type: "done", result });
      return { results, remaining: todo };
    }
    onEvent({ type: "done", result });
  }
  // A last check that the interpreter and the bridge still work after everything.
  try {
    ask("_soak_helpers.health()");
  } catch (error) {
    const last = results[results.length - 1];
    last.error = `health check after the run failed: ${String(error?.message ?? error).trim().slice(0, 1000)}`;
    last.errorAt = "health check";
    onEvent({ type: "done", result: last });
  }
  return { results, remaining: [] };
}

// ---------------------------------------------------------------------------------------
// Evaluation and report: pure functions of the results.

const KIB = 1024;

/** Per-workload figures (growth after the warm-up), as the table shows them. */
export function summarize(result) {
  const b = result.batches;
  const measured = b.length - WARMUP_BATCHES;
  const base = measured >= 1 ? b[WARMUP_BATCHES - 1] : null;
  const last = b[b.length - 1];
  const kops = measured >= 1 ? (measured * OPS_PER_BATCH) / 1000 : 0;
  const afterWarmup = b.slice(WARMUP_BATCHES);
  const inRuns = afterWarmup.map((x) => (x.inRun * 1000) / x.ops).sort((x, y) => x - y);
  const totalMs = b.reduce((sum, x) => sum + x.ms, 0);
  const totalOps = b.reduce((sum, x) => sum + x.ops, 0);
  return {
    measuredOps: kops * 1000,
    pythonPer1k: base ? (last.python - base.python) / kops : null,
    objectsPer1k: base && last.objects !== null ? (last.objects - base.objects) / kops : null,
    inRunPer1k: inRuns.length ? inRuns[inRuns.length >> 1] : null, // median over the measured batches
    bridgeGrowth: base ? last.bridge - base.bridge : null,
    bridgeTotal: last && result.start ? last.bridge - result.start.bridge : null,
    interpGrowth: base ? last.interp - base.interp : null,
    liveBefore: result.start?.live ?? null,
    liveAfter: result.end?.live ?? null,
    heldBefore: result.start?.held ?? null,
    heldAfter: result.end?.held ?? null,
    opsPerSecond: totalMs > 0 ? (totalOps / totalMs) * 1000 : null,
  };
}

/** Every bound a result exceeds: [{ workload, interp, measure, detail }]. */
export function evaluate(result) {
  const failures = [];
  const fail = (measure, detail) => failures.push({ workload: result.workload, interp: result.interp, measure, detail });
  const s = summarize(result);
  if (result.error) {
    // What memory did before it broke often names the cause (a leak on an error path).
    const ops = result.batches.length * OPS_PER_BATCH;
    const bridge = s.bridgeTotal === null ? "" : `; by then the bridge's wasm memory had grown ${fmtBytes(s.bridgeTotal)} over ${ops} ops`;
    fail("run", `error in ${result.errorAt ?? "the run"}: ${result.error}${bridge}`);
  }
  if (s.pythonPer1k !== null && s.pythonPer1k > PY_LIVE_MAX_PER_1K) {
    fail("python live memory", `grew ${fmtBytes(s.pythonPer1k)} per 1,000 ops over ${s.measuredOps} ops (bound ${fmtBytes(PY_LIVE_MAX_PER_1K, false)})`);
  }
  if (s.bridgeGrowth !== null) {
    const allowed = BRIDGE_WASM_PAGE * Math.max(1, Math.ceil(s.measuredOps / BRIDGE_WASM_OPS_PER_PAGE));
    if (s.bridgeGrowth > allowed) {
      fail("bridge wasm memory", `grew ${fmtBytes(s.bridgeGrowth)} after the warm-up over ${s.measuredOps} ops (bound ${fmtBytes(allowed, false)}: one 64 KiB page per ${BRIDGE_WASM_OPS_PER_PAGE} ops)`);
    }
  }
  if (s.interpGrowth !== null) {
    const allowed = INTERP_WASM_SLACK + (INTERP_WASM_MAX_PER_1K * s.measuredOps) / 1000;
    if (s.interpGrowth > allowed) {
      fail("interpreter wasm memory", `grew ${fmtBytes(s.interpGrowth)} after the warm-up over ${s.measuredOps} ops (bound ${fmtBytes(allowed, false)})`);
    }
  }
  if (result.end && s.liveAfter !== s.liveBefore) {
    fail("ffi.stats() live", `${s.liveBefore} before, ${s.liveAfter} after ${result.settleRounds} collection round(s)`);
  }
  if (result.end && s.heldBefore !== null && s.heldAfter !== null && s.heldAfter > s.heldBefore) {
    fail("interpreter's own proxies", `${s.heldBefore} alive before, ${s.heldAfter} after ${result.settleRounds} collection round(s)`);
  }
  // A failing conversion must keep failing the same way: a new kind of exception in a
  // later batch means the bridge's state changed under the load.
  const first = result.batches[0]?.kinds;
  for (const [i, batch] of result.batches.entries()) {
    const a = JSON.stringify(Object.keys(first ?? {}).sort());
    const k = JSON.stringify(Object.keys(batch.kinds).sort());
    if (k !== a) {
      fail("exceptions raised", `batch 1 raised ${fmtKinds(first)}, batch ${i + 1} raised ${fmtKinds(batch.kinds)}`);
      break;
    }
  }
  return failures;
}

function fmtKinds(kinds) {
  const entries = Object.entries(kinds ?? {});
  return entries.length ? entries.map(([k, n]) => `${k} x${n}`).join(", ") : "nothing";
}

export function fmtBytes(n, signed = true) {
  if (n === null || n === undefined || Number.isNaN(n)) return "n/a";
  const sign = n < 0 ? "-" : n > 0 && signed ? "+" : "";
  const a = Math.abs(n);
  if (a >= 1024 * KIB) return `${sign}${(a / (1024 * KIB)).toFixed(1)} MiB`;
  if (a >= KIB) return `${sign}${(a / KIB).toFixed(1)} KiB`;
  return `${sign}${Math.round(a)} B`;
}

/** The table: one row per workload and interpreter. */
export function formatTable(results) {
  const header = [
    "workload",
    "interp",
    "py live/1k",
    "in-run/1k",
    "bridge wasm",
    "interp wasm",
    "live before→after",
    "ops/s",
    "result",
  ];
  const rows = results.map((r) => {
    const s = summarize(r);
    const failed = evaluate(r);
    const live = s.liveBefore === null ? "n/a" : `${s.liveBefore}→${s.liveAfter ?? "?"}`;
    const held = s.heldBefore !== null && r.end ? ` (own ${s.heldBefore}→${s.heldAfter})` : "";
    return [
      r.workload,
      r.interp,
      fmtBytes(s.pythonPer1k),
      fmtBytes(s.inRunPer1k),
      `${s.bridgeGrowth === null ? "n/a" : fmtBytes(s.bridgeGrowth)} (${fmtBytes(s.bridgeTotal)})`,
      fmtBytes(s.interpGrowth),
      live + held,
      s.opsPerSecond === null ? "n/a" : String(Math.round(s.opsPerSecond)),
      failed.length ? `FAIL (${failed.map((f) => f.measure).join(", ")})` : "ok",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}
