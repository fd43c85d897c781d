// Differential fuzzer for pyscript.ffi: the same hostile cases (js/fuzz/gen.mjs) run on
// Pyodide and on MicroPython, each interpreter in its own child process, and must give
// the same outcome, with no crash, no hang, a passing sanity check and no leaked proxy.
//
//   node js/fuzz.mjs [--seed S] [--cases N] [--time SECONDS] [--family py|js|all]
//                    [--case N] [--code FILE.py] [--show] [--full] [--timeout MS]
//
// --cases N runs cases 0..N-1 (default 200); --time runs new cases until the time is up;
// --case N --show replays one case and prints its snippet and both outcomes; --code runs
// a snippet of your own the same way (the helpers it may use: js/fuzz/gen.mjs). The ffi
// build is FFI_DIST (default dist/), relative to the repository root. Exit status 1 when
// any case failed.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { generate } from "./fuzz/gen.mjs";
import { cut, InterpreterRunner } from "./fuzz/runner.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const INTERPRETERS = ["pyodide", "micropython"];

// What each interpreter calls the same built-in thing, for "interpreter-wording" below.
// Type names (as type(x).__name__ gives them) that stand for the same kind of object on
// the other interpreter, and [MicroPython's wording, CPython's wording] of errors the
// interpreter itself raises.
const TYPE_NAME_GROUPS = [
  // len or print: builtin_function_or_method on CPython, function on MicroPython; a
  // function with free variables: function on CPython, closure on MicroPython.
  ["builtin_function_or_method", "function", "closure"],
  ["method", "bound_method"],
  ["list_iterator", "tuple_iterator", "iterator"],
];
const MESSAGES = [
  [/'(\w+)' object isn't (iterable|subscriptable|callable)/g, "'$1' object is not $2"],
  [/unsupported type for __hash__: '(\w+)'/g, "unhashable type: '$1'"],
  [/'(\w+)' object isn't an iterator/g, "iter() returned non-iterator of type '$1'"],
];
function canonicalWording(text) {
  // Messages first: "isn't an iterator" must not read as the type name "iterator".
  for (const [re, canonical] of MESSAGES) text = text.replace(re, canonical);
  for (const group of TYPE_NAME_GROUPS) {
    // Only a quoted or article-led name ('function', \"function\", "a function would
    // cross"), never part of another word.
    const re = new RegExp(`(['"]|\\ba |\\ban )(${group.join("|")})(?=['",\\\\ ])`, "g");
    text = text.replace(re, (m, before) => `${before}<${group[0]}>`);
  }
  return text;
}

// Outcomes that legitimately cannot be identical on both interpreters, each with its
// reason. This is the one place for them; the goal is to keep it empty. An entry is
// { id, reason, match(testCase, pyodide, micropython) } on two non-crash results; a
// matching case is counted as skipped (with its id), not as a failure.
const EXPECTED_DIFFERENCES = [
  {
    id: "converter-mutates-the-value",
    reason:
      "a converter (default_converter, eager_converter, dict_converter) changes the very value " +
      "being converted: Pyodide's pickler has written the parts it already passed and reads the " +
      "rest as changed, while MicroPython's walk reads the heap after every converter ran; no " +
      "walk that runs no Python code mid-way can see both at once (docs/failures.md, \"What " +
      "stays outside\"); both give a JS value or a catchable error, never a crash",
    match: (testCase) => testCase.kind === "mutate",
  },
  {
    id: "interpreter-wording",
    reason:
      "the outcomes are the same once each interpreter's own names are mapped: CPython and " +
      "MicroPython name some built-in types differently (TYPE_NAME_GROUPS: len is a " +
      "builtin_function_or_method on CPython, a function on MicroPython), which ffi's " +
      "messages quote as type(x).__name__, and word the errors they raise themselves " +
      "differently (MESSAGES: \"is not iterable\" / \"isn't iterable\"), e.g. when a hostile " +
      "__iter__ returns an int",
    match: (testCase, a, b) => canonicalWording(outcomeOf(a)) === canonicalWording(outcomeOf(b)),
  },
  {
    id: "value-not-constructible",
    reason:
      "the hostile value itself cannot be built (its setup raised on one interpreter or on " +
      "both, e.g. a memoryview slice with a step on MicroPython), so there is nothing to " +
      "convert; the error it gave is recorded as the skip reason",
    match: (testCase, a, b) => a.setupError || b.setupError,
  },
  {
    id: "dict-order-errors",
    reason:
      "the value holds several entries that fail to convert: which failure to_js meets " +
      "first follows dict iteration order, insertion order on CPython and hash order on " +
      "MicroPython (docs/conversions.md, Key order), so both raise but may name different " +
      "entries; claimed only when Pyodide itself raises a different error for the same " +
      "value with every dict's entries reversed (order_probe in js/fuzz/child.mjs)",
    match: (testCase, a, b) =>
      a.notes?.includes("order-dependent") &&
      !a.uncaught &&
      !b.uncaught &&
      a.outs.length === b.outs.length &&
      a.outs.every((x, i) => x === b.outs[i] || (x.startsWith('["error",') && b.outs[i].startsWith('["error",'))),
  },
];

function parseArgs(argv) {
  const options = { seed: null, cases: null, time: null, family: "all", case: null, code: null, show: false, full: false, timeout: 20000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--seed") options.seed = Number(value());
    else if (arg === "--cases") options.cases = Number(value());
    else if (arg === "--time") options.time = Number(value());
    else if (arg === "--family") options.family = value();
    else if (arg === "--case") options.case = Number(value());
    else if (arg === "--timeout") options.timeout = Number(value());
    else if (arg === "--code") options.code = value();
    else if (arg === "--show") options.show = true;
    else if (arg === "--full") options.full = true;
    else if (arg === "--help" || arg === "-h") {
      console.log("node js/fuzz.mjs [--seed S] [--cases N] [--time SECONDS] [--family py|js|all] [--case N] [--code FILE.py] [--show] [--full] [--timeout MS]");
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!["py", "js", "all"].includes(options.family)) throw new Error("--family is py, js or all");
  for (const key of ["seed", "cases", "time", "case", "timeout"]) {
    if (options[key] !== null && !(Number.isInteger(options[key]) || (key === "time" && options[key] > 0))) throw new Error(`--${key} needs a number`);
  }
  // A long run without a seed gets a fresh one (printed, so that it can be replayed).
  options.seed ??= options.time ? Math.floor(Math.random() * 2 ** 31) : 1;
  if (options.cases === null && options.time === null) options.cases = 200;
  return options;
}

/** What a case did on one interpreter, as compared: the outputs and an uncaught error. */
const outcomeOf = (result) => JSON.stringify({ outs: result.outs, uncaught: result.uncaught ?? null });

/** The failures of one case (empty when it passed), or {skipped} for an expected difference. */
function judge(testCase, results) {
  const failures = [];
  for (const interp of INTERPRETERS) {
    const r = results[interp];
    if (r.timeout) failures.push({ kind: "timeout", interp, detail: `no result within ${r.timeout} ms` });
    else if (r.crash) failures.push({ kind: "crash", interp, detail: r.crash });
    else {
      if (r.sanity !== true) failures.push({ kind: "sanity", interp, detail: `sanity check after the case: ${r.sanity}` });
      if (r.async) failures.push({ kind: "crash", interp, detail: `uncaught JS error: ${r.async}` });
    }
  }
  const [a, b] = INTERPRETERS.map((i) => results[i]);
  if (a.timeout || a.crash || b.timeout || b.crash) return { failures };
  if (outcomeOf(a) !== outcomeOf(b)) {
    const expected = EXPECTED_DIFFERENCES.find((d) => d.match(testCase, a, b));
    if (expected) return { failures, skipped: expected.id, why: cut(expected.id === "value-not-constructible" ? outcomeOf(a.setupError ? a : b) : `pyodide ${outcomeOf(a)} micropython ${outcomeOf(b)}`) };
    failures.push({ kind: "divergence", detail: "the outcomes differ" });
  }
  // Leaks: the live count must come back on both; where the case hands proxies to places
  // it cannot destroy (testCase.proxies), it must at least agree between interpreters.
  if (a.live !== b.live) failures.push({ kind: "leak", detail: `live proxies after the case: pyodide ${a.live >= 0 ? "+" : ""}${a.live}, micropython ${b.live >= 0 ? "+" : ""}${b.live}` });
  else if (a.live !== 0 && !testCase.proxies) failures.push({ kind: "leak", detail: `live proxies after the case: +${a.live} on both` });
  return { failures };
}

function replayCommand(options, index) {
  if (options.code !== null) return `node js/fuzz.mjs --code ${options.code} --show`;
  return `node js/fuzz.mjs --seed ${options.seed} --case ${index}${options.family === "all" ? "" : ` --family ${options.family}`} --show`;
}

function printFailure(options, testCase, results, failures) {
  const kinds = [...new Set(failures.map((f) => f.kind))].join(", ");
  console.log(`\nFAIL seed=${options.seed} case=${testCase.index} family=${testCase.family} kind=${testCase.kind}: ${kinds}`);
  console.log(`  replay: ${replayCommand(options, testCase.index)}`);
  for (const f of failures) console.log(`  ${f.kind}${f.interp ? ` (${f.interp})` : ""}: ${cut(f.detail)}`);
  for (const interp of INTERPRETERS) console.log(`  ${interp.padEnd(11)}: ${cut(showResult(results[interp]))}`);
}

function showResult(r) {
  if (r.timeout) return `timeout after ${r.timeout} ms`;
  if (r.crash) return `crash: ${r.crash}`;
  return [...r.outs, ...(r.uncaught ? [`uncaught: ${r.uncaught}`] : [])].join("  ") || "(no output)";
}

/** A short signature for grouping failures: kind, case kind, first outcome shapes. */
function signature(testCase, results, failures) {
  const shape = (r) => {
    if (r.timeout) return "timeout";
    if (r.crash) return "crash:" + String(r.crash).replace(/[0-9]+/g, "#").slice(0, 60);
    if (r.uncaught) return "uncaught:" + (r.uncaught.match(/^\["([^"]*)"/)?.[1] ?? "?");
    const error = (r.outs ?? []).map((o) => o.match(/^\["error","([^"]*)"/)).find(Boolean);
    return error ? `error:${error[1]}` : "ok";
  };
  return `${[...new Set(failures.map((f) => f.kind))].join("+")} [${testCase.family}/${testCase.kind}] pyodide=${shape(results.pyodide)} micropython=${shape(results.micropython)}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(ROOT, process.env.FFI_DIST || "dist");
  for (const interp of INTERPRETERS) {
    if (!existsSync(resolve(dist, `ffi-${interp}`, "index.js"))) {
      console.error(`fuzz: no build at ${dist}/ffi-${interp}/index.js (set FFI_DIST or build first)`);
      process.exit(2);
    }
  }
  const runners = Object.fromEntries(INTERPRETERS.map((i) => [i, new InterpreterRunner(i, { dist, timeoutMs: options.timeout })]));
  const t0 = Date.now();
  const cleanup = () => Object.values(runners).forEach((r) => r.close());
  // However the run ends, no child outlives it (a hung one would never see its stdin close).
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }

  if (options.case !== null || options.code !== null) {
    // Replay one case (or run a snippet of your own, written like a generated one).
    const testCase =
      options.code !== null
        ? { seed: null, index: 0, family: "file", kind: options.code, code: readFileSync(options.code, "utf8"), proxies: false }
        : generate(options.seed, options.case, options.family);
    if (options.show) console.log(`# seed ${options.seed}, case ${options.case}, family ${testCase.family}, kind ${testCase.kind}${testCase.proxies ? ", may leave proxies" : ""}\n${testCase.code}\n`);
    const results = {};
    await Promise.all(INTERPRETERS.map(async (i) => (results[i] = await runners[i].run(testCase))));
    cleanup();
    const { failures, skipped, why } = judge(testCase, results);
    const width = options.full ? Infinity : 300;
    for (const interp of INTERPRETERS) {
      const r = results[interp];
      console.log(`== ${interp}${r.ms !== undefined ? ` (${r.ms} ms, live ${r.live >= 0 ? "+" : ""}${r.live}, sanity ${r.sanity === true ? "ok" : cut(r.sanity)})` : ""}`);
      if (r.timeout || r.crash) console.log(cut(showResult(r), width));
      else {
        for (const o of r.outs) console.log(cut(o, width));
        if (r.uncaught) console.log("uncaught: " + cut(r.uncaught, width));
      }
    }
    if (skipped) console.log(`\nskipped (${skipped}): ${why}`);
    if (failures.length) printFailure(options, testCase, results, failures);
    else console.log("\npass");
    process.exit(failures.length ? 1 : 0);
  }

  const deadline = options.time ? t0 + options.time * 1000 : Infinity;
  const limit = options.cases ?? Infinity;
  console.log(`fuzz: seed ${options.seed}, family ${options.family}, ${options.time ? `for ${options.time} s` : `${limit} cases`}, ${options.timeout} ms per case, dist ${dist}`);

  // Each interpreter runs through the cases at its own pace; a case is judged once both
  // have run it.
  const cases = new Map();
  const caseAt = (index) => {
    if (!cases.has(index)) cases.set(index, { testCase: generate(options.seed, index, options.family), results: {} });
    return cases.get(index);
  };
  const done = { pyodide: 0, micropython: 0 };
  let judged = 0;
  let failed = 0;
  const skips = new Map();
  const groups = new Map();
  const slow = [];
  let lastProgress = Date.now();

  const settle = (index) => {
    const entry = cases.get(index);
    cases.delete(index);
    judged++;
    const { testCase, results } = entry;
    const { failures, skipped, why } = judge(testCase, results);
    if (skipped) {
      const list = skips.get(skipped) ?? [];
      list.push(`case ${index}: ${why}`);
      skips.set(skipped, list);
    }
    for (const interp of INTERPRETERS) if (results[interp].ms > 5000) slow.push(`case ${index} ${interp} ${results[interp].ms} ms`);
    if (failures.length) {
      failed++;
      printFailure(options, testCase, results, failures);
      const sig = signature(testCase, results, failures);
      const group = groups.get(sig) ?? [];
      group.push(index);
      groups.set(sig, group);
    }
  };

  // The faster interpreter waits when it is far ahead: in a timed run, cases only one of
  // them reaches are never judged.
  const MAX_LEAD = 20;
  let wake = () => {};
  let progressed = new Promise((resolve) => (wake = resolve));
  const notify = () => {
    wake();
    progressed = new Promise((resolve) => (wake = resolve));
  };
  const others = (interp) => INTERPRETERS.filter((i) => i !== interp);

  async function drive(interp) {
    for (let index = 0; index < limit && Date.now() < deadline; index++) {
      while (others(interp).some((o) => !finished[o] && index - done[o] > MAX_LEAD)) await progressed;
      const entry = caseAt(index);
      entry.results[interp] = await runners[interp].run(entry.testCase);
      done[interp] = index + 1;
      notify();
      if (INTERPRETERS.every((i) => entry.results[i])) settle(index);
      if (options.time && Date.now() - lastProgress > 30000) {
        lastProgress = Date.now();
        console.error(`fuzz: ${Math.round((Date.now() - t0) / 1000)} s, ${judged} cases judged, ${failed} failing (pyodide at ${done.pyodide}, micropython at ${done.micropython})`);
      }
    }
  }
  const finished = {};
  try {
    await Promise.all(
      INTERPRETERS.map((i) =>
        drive(i).finally(() => {
          finished[i] = true;
          notify();
        }),
      ),
    );
  } finally {
    cleanup();
  }
  // In a timed run the faster interpreter may have run cases the other never reached.
  const unjudged = cases.size;

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`\n${judged} cases, ${failed} failures (seed ${options.seed}, ${seconds} s${unjudged ? `, ${unjudged} cases run on one interpreter only and not judged` : ""})`);
  const startUp = (ms) => `${ms.length} start(s), first ${ms[0]} ms, slowest ${Math.max(...ms)} ms`;
  console.log(`  restarts after a crash, timeout or failed sanity check: ${INTERPRETERS.map((i) => `${i} ${runners[i].restarts}`).join(", ")}`);
  console.log(`  start-up: ${INTERPRETERS.map((i) => `${i} ${startUp(runners[i].startMs)}`).join("; ")}`);
  console.log(`  time in cases: ${INTERPRETERS.map((i) => `${i} ${(runners[i].busyMs / 1000).toFixed(1)} s`).join(", ")}`);
  if (skips.size) {
    console.log("skipped as expected differences:");
    for (const [id, list] of skips) console.log(`  ${id}: ${list.length} case(s), e.g. ${list.slice(0, 3).join("; ")}`);
  }
  if (slow.length) console.log(`slow cases (> 5 s): ${slow.slice(0, 10).join("; ")}${slow.length > 10 ? "; ..." : ""}`);
  if (groups.size) {
    console.log("distinct failure signatures:");
    for (const [sig, list] of [...groups].sort((x, y) => y[1].length - x[1].length)) console.log(`  ${list.length}x ${sig}: cases ${list.slice(0, 8).join(", ")}${list.length > 8 ? ", ..." : ""}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`fuzz: ${cut(String((error && error.stack) || error), 2000)}`);
  process.exit(2);
});
