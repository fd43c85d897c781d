// Every snippet of js/tests/views-catalogue.py (what a PyScript user writes against
// views, docs/views.md) runs on Pyodide and on MicroPython, in Node (the DOM section
// left out) and in Chromium (one page per interpreter, the whole catalogue); each
// snippet's outcome, described in Python by the same code on both interpreters, must be
// identical. A snippet not marked "!" must not raise on Pyodide; one marked "!" must.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { Worker } from "node:worker_threads";

import { openPage } from "../../conformance/harness/chromium.mjs";

const ROOT = new URL("../../", import.meta.url);
const CATALOGUE = new URL("./views-catalogue.py", import.meta.url);
const INTERPRETERS = ["pyodide", "micropython"];
// An async snippet that has not settled by then is recorded as a Timeout outcome.
const ASYNC_TIMEOUT_MS = 3000;
// VIEWS_CATALOGUE_TRACE=1 logs each snippet as it starts (to find one that hangs a column).
const TRACE = Boolean(process.env.VIEWS_CATALOGUE_TRACE);
// VIEWS_CATALOGUE_DUMP=file.json writes every outcome of every column there.
const DUMP = process.env.VIEWS_CATALOGUE_DUMP;

// Python, the same on both interpreters: loads the catalogue, runs snippet i in a fresh
// namespace and reports its outcome as one canonical string (UTF-8, hex-encoded, so
// that U+0000 and any other code point cross alike).
const PYTHON_RUNNER = String.raw`
import json
import struct
import _catalogue_io
import js as _js
from pyscript import ffi

_window = ffi.bind(_js.eval("globalThis"))
_View = type(_window)
_DATA = (type(None), bool, int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset)


def _send(kind, text):
    _catalogue_io.report(kind, text.encode("utf-8").hex())


def _load():
    data = {}
    exec(_catalogue_io.catalogue(), data)
    out = []
    declared = {code.strip(): reason for code, reason in data.get("DIFFERENCES", {}).items()}
    for section in data["SECTIONS"]:
        for code in section["snippets"]:
            code = code.strip()
            reason = declared.pop(code, None)
            raises = code[:1] == "!"
            if raises:
                code = code[1:].strip()
            out.append({
                "declared": reason,
                "section": section["name"],
                "code": code,
                "raises": raises,
                "async": bool(section.get("async", False)),
                "dom": bool(section.get("dom", False)),
            })
    if declared:
        raise ValueError("DIFFERENCES names snippets the catalogue does not hold: " + repr(list(declared)))
    return out


_SNIPPETS = _load()
_send("catalogue", json.dumps(_SNIPPETS))


# ---- canonical descriptions ---------------------------------------------------------

def _text(s):
    out = []
    for c in s:
        o = ord(c)
        if c == "\\" or c == '"':
            out.append("\\" + c)
        elif 0x20 <= o < 0x7F:
            out.append(c)
        elif o <= 0xFFFF:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    return '"' + "".join(out) + '"'


def _float(x):
    if x != x:
        return "float:nan"
    if x == float("inf") or x == float("-inf"):
        return "float:" + ("inf" if x > 0 else "-inf")
    r = repr(x)
    bits = struct.pack("<d", x)
    try:
        exact = struct.pack("<d", float(r)) == bits
    except Exception:
        exact = False
    return "float:" + r + ("" if exact else "#" + bits.hex())


def _is_js(x):
    if type(x) in _DATA:
        return False
    try:
        ffi.bind(x)
    except BaseException:
        return False
    return True


def _view(v, path):
    try:
        p = ffi.to_py(v)
    except BaseException:
        return "view:" + repr(v)
    if _is_js(p):
        return "view:" + repr(v)
    return "view=" + _describe(p, path)


def _describe(v, path=()):
    t = type(v)
    if v is None:
        return "None"
    if t is bool:
        return "bool:" + ("True" if v else "False")
    if t is int:
        return "int:" + str(v)
    if t is float:
        return _float(v)
    if t is str:
        return "str:" + _text(v)
    if t is bytes or t is bytearray:
        return t.__name__ + ":" + "".join(["%02x" % b for b in v])
    if t in (list, tuple, dict, set, frozenset):
        if id(v) in path:
            return "<cycle>"
        inner = path + (id(v),)
        if t is dict:
            items = sorted([_describe(k, inner) + ": " + _describe(v[k], inner) for k in v])
            return "dict{" + ", ".join(items) + "}"
        if t is set or t is frozenset:
            return t.__name__ + "{" + ", ".join(sorted([_describe(x, inner) for x in v])) + "}"
        return t.__name__ + "[" + ", ".join([_describe(x, inner) for x in v]) + "]"
    if t is _View:
        return _view(v, path)
    if v is ffi.undefined or v is ffi.null:
        return repr(v)
    if isinstance(v, BaseException):
        return "exception:" + type(v).__name__ + ": " + str(v)
    if _is_js(v):
        return _view(ffi.bind(v), path)
    if isinstance(v, type):
        return "python:class " + v.__name__
    if callable(v):
        return "python:callable"
    return "python:" + t.__name__


def _report_value(value):
    try:
        text = _describe(value)
    except BaseException as e:
        _send("error", "describe failed: " + type(e).__name__ + ": " + str(e))
        return
    _send("value", text)


def _report_error(e):
    try:
        text = type(e).__name__ + ": " + str(e)
    except BaseException as inner:
        text = type(e).__name__ + ": <str failed: " + type(inner).__name__ + ">"
    _send("error", text)


# ---- running ------------------------------------------------------------------------

def _is_expression(line):
    # Compiled inside an async function, so that "await x" counts as an expression.
    if line[:1] in (" ", "\t"):
        return False
    try:
        compile("async def _probe():\n    return (\n" + line + "\n    )\n", "<snippet>", "exec")
    except SyntaxError:
        return False
    return True


def _split(code):
    # (statements, last expression or None)
    lines = code.split("\n")
    if _is_expression(lines[-1]):
        return "\n".join(lines[:-1]), lines[-1]
    return code, None


def _namespace(snippet):
    ns = {"__name__": "__snippet__", "window": _window, "ffi": ffi}
    if snippet["dom"]:
        ns["document"] = _window.document
    return ns


_tasks = []


def _run(i):
    snippet = _SNIPPETS[i]
    try:
        ns = _namespace(snippet)
        body, last = _split(snippet["code"])
        if snippet["async"]:
            _start(body, last, ns)
            return
        if body:
            exec(body, ns)
        value = eval(last, ns) if last is not None else None
    except BaseException as e:
        _report_error(e)
        return
    _report_value(value)


def _start(body, last, ns):
    import asyncio

    lines = ["async def __snippet__():"]
    if body:
        lines.extend(["    " + line for line in body.split("\n")])
    lines.append("    return (\n" + last + "\n    )" if last is not None else "    return None")
    exec("\n".join(lines) + "\n", ns)
    coroutine = ns["__snippet__"]()

    async def runner():
        try:
            value = await coroutine
        except BaseException as e:
            _report_error(e)
            return
        _report_value(value)

    del _tasks[:]
    _tasks.append(asyncio.create_task(runner()))


def _canary():
    # Whether the interpreter and its ffi still work (a snippet may have killed them).
    _send("value", "ok" if _window.Math.max(1, 2) == 2 and ffi.to_py(_window.JSON.parse("[1]")) == [1] else "broken")
`;

/**
 * Runs the catalogue on one interpreter; the same function runs in Node and, serialized
 * by page.evaluate, in Chromium (so it uses nothing from this module's scope).
 */
async function runCatalogue({ base, interp, runner, catalogueSource, dom, asyncTimeoutMs, from, trace }) {
  const root = new URL(base ?? "/", globalThis.location?.href);
  const started = Date.now();
  const { loadInterpreter } = await import(new URL("conformance/harness/runner.js", root).href);
  const { install } = await import(new URL(`dist/ffi-${interp}/index.js`, root).href);

  const decode = (hex) => new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
  let reported = null;
  let current = -1;
  const strays = [];
  const stray = (error) => strays.push({ index: current, message: String((error && (error.stack || error.message)) || error).slice(0, 300) });
  const onError = (event) => { event.preventDefault?.(); stray(event.error ?? event.reason ?? event.message); };
  const onProcess = (error) => stray(error);
  const isNode = typeof process !== "undefined" && typeof process.on === "function" && !globalThis.document;
  if (isNode) {
    process.on("uncaughtException", onProcess);
    process.on("unhandledRejection", onProcess);
  } else {
    globalThis.addEventListener("error", onError);
    globalThis.addEventListener("unhandledrejection", onError);
  }
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // What the interpreters print on the console themselves (Pyodide reports a fatal error
  // there, possibly many thousands of times): the first lines are kept as notes.
  const consoleMethods = ["log", "info", "warn", "error", "debug"];
  const originalConsole = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));
  let consoleLines = 0;
  for (const m of consoleMethods) {
    console[m] = (...parts) => {
      if (consoleLines++ < 5) strays.push({ index: current, message: `console.${m}: ${parts.map(String).join(" ").slice(0, 300)}` });
    };
  }

  const interpreter = await loadInterpreter(root, interp);
  const start = async () => {
    await install(interpreter);
    interpreter.registerJsModule("_catalogue_io", {
      catalogue: () => catalogueSource,
      report(kind, hex) {
        reported = { kind, text: decode(hex) };
      },
    });
    reported = null;
    interpreter.runPython(runner);
    if (!reported || reported.kind !== "catalogue") throw new Error(`${interp}: the catalogue did not load`);
    return JSON.parse(reported.text);
  };
  const alive = () => {
    reported = null;
    try {
      interpreter.runPython("_canary()");
    } catch {
      return false;
    }
    return reported !== null && reported.text === "ok";
  };
  const snippets = await start();
  const loadMs = Date.now() - started;
  const results = [];
  // Where a new realm has to go on (null: the catalogue is done); see runColumn.
  let next = null;
  try {
    for (let i = from; i < snippets.length; i++) {
      if (snippets[i].dom && !dom) continue;
      current = i;
      reported = null;
      if (trace) originalConsole.log(`[views-catalogue] ${dom ? "chromium" : "node"}/${interp} #${i}`);
      const t0 = Date.now();
      try {
        interpreter.runPython(`_run(${i})`);
        while (reported === null && Date.now() - t0 < asyncTimeoutMs) await sleep(1);
        if (reported === null) reported = { kind: "error", text: `Timeout: not settled after ${asyncTimeoutMs} ms` };
      } catch (error) {
        reported = { kind: "harness", text: String((error && error.message) || error).slice(-500) };
      }
      const result = { index: i, kind: reported.kind, text: reported.text, ms: Date.now() - t0 };
      results.push(result);
      if (result.kind !== "value" && !alive()) {
        result.died = true;
        next = i + 1;
        break;
      }
      // Let timers and the host's own work run now and then.
      if (i % 10 === 9) await sleep(0);
    }
    // Late errors (timers a snippet set) belong to the run; give them a moment to arrive.
    await sleep(30);
  } finally {
    Object.assign(console, originalConsole);
    if (consoleLines > 5) strays.push({ index: current, message: `(${consoleLines - 5} more console lines)` });
    if (isNode) {
      process.off("uncaughtException", onProcess);
      process.off("unhandledRejection", onProcess);
    } else {
      globalThis.removeEventListener("error", onError);
      globalThis.removeEventListener("unhandledrejection", onError);
    }
  }
  return { interp, snippets, results, strays, next, loadMs, totalMs: Date.now() - started };
}

/** runCatalogue in a worker thread of its own: its own global object and ffi modules. */
function inWorker(args) {
  const source = `
const { parentPort, workerData } = require("node:worker_threads");
const runCatalogue = ${runCatalogue.toString()};
runCatalogue(workerData).then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String((error && error.stack) || error) }),
);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { ...args, base: ROOT.href, dom: false } });
    worker.once("message", (message) => {
      worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message.result);
    });
    worker.once("error", reject);
  });
}

/** runCatalogue in a fresh Chromium page. */
async function inChromium(args) {
  const { page, close } = await openPage();
  if (args.trace) page.on("console", (message) => console.log(message.text()));
  try {
    return await page.evaluate(runCatalogue, { ...args, base: null, dom: true });
  } finally {
    await close();
  }
}

/**
 * One column (interpreter x host): one interpreter runs the whole catalogue. Only when a
 * snippet leaves it unusable (a wasm trap poisons the realm's ffi module too) does a new
 * realm (worker, page) go on after that snippet; each such death fails its own test.
 */
async function runColumn(host, interp, args) {
  const column = { interp, snippets: null, results: [], strays: [], deaths: [], loadMs: 0, totalMs: 0 };
  for (let from = 0; from !== null; ) {
    const part = await (host === "node" ? inWorker : inChromium)({ ...args, interp, from });
    column.snippets ??= part.snippets;
    column.results.push(...part.results);
    column.strays.push(...part.strays);
    column.loadMs += part.loadMs;
    column.totalMs += part.totalMs;
    if (part.next !== null) column.deaths.push(part.next - 1);
    from = part.next;
  }
  return column;
}

const runs = { node: {}, chromium: {} };
let snippets = null;
let wallMs = 0;

before(async () => {
  const started = Date.now();
  const catalogueSource = await readFile(CATALOGUE, "utf8");
  const args = { runner: PYTHON_RUNNER, catalogueSource, asyncTimeoutMs: ASYNC_TIMEOUT_MS, trace: TRACE };
  // The four columns run side by side: each in its own worker thread or Chromium page.
  const columns = [];
  for (const host of ["node", "chromium"]) {
    for (const interp of INTERPRETERS) {
      columns.push(runColumn(host, interp, args).then((column) => { runs[host][interp] = column; }));
    }
  }
  await Promise.all(columns);
  snippets = runs.node.pyodide.snippets;
  for (const host of ["node", "chromium"]) {
    for (const interp of INTERPRETERS) {
      assert.deepEqual(runs[host][interp].snippets, snippets, `${host}/${interp} read the same catalogue`);
    }
  }
  wallMs = Date.now() - started;
  if (DUMP) await writeFile(DUMP, JSON.stringify(runs, null, 1));
}, { timeout: 180_000 });

function show(text) {
  return JSON.stringify(text).slice(1, -1);
}

function label(i) {
  const s = snippets[i];
  const number = snippets.slice(0, i).filter((x) => x.section === s.section).length + 1;
  return `${s.section} #${number}${s.raises ? " (expected to raise)" : ""}`;
}

function code(i) {
  return snippets[i].code.split("\n").map((line) => `      | ${line}`).join("\n");
}

function outcome(result) {
  const text = result.kind === "value" ? show(result.text) : `raised ${show(result.text)}${result.kind === "harness" ? " [harness]" : ""}`;
  return result.died ? `${text} [the interpreter was unusable afterwards]` : text;
}

/** The snippets whose outcomes differ on `host`; `declared`: those DIFFERENCES lists (true) or the others (false). */
function differences(host, declared = false) {
  const { pyodide, micropython } = runs[host];
  const byIndex = new Map(micropython.results.map((r) => [r.index, r]));
  const out = [];
  for (const p of pyodide.results) {
    const m = byIndex.get(p.index);
    if (!!snippets[p.index].declared !== declared) continue;
    if (!m || m.kind !== p.kind || m.text !== p.text || !m.died !== !p.died) out.push({ index: p.index, host, pyodide: p, micropython: m });
  }
  return out;
}

/** Declared differences that no longer differ on `host` (to be removed from DIFFERENCES). */
function resolvedDeclared(host) {
  const differing = new Set(differences(host, true).map((d) => d.index));
  return runs[host].pyodide.results.filter((r) => snippets[r.index].declared && !differing.has(r.index)).map((r) => r.index);
}

function unexpected(host) {
  const out = [];
  for (const r of runs[host].pyodide.results) {
    const raised = r.kind !== "value";
    if (raised !== snippets[r.index].raises) out.push({ index: r.index, host, result: r });
  }
  return out;
}

after(() => {
  if (!snippets) return;
  const parts = ["node", "chromium"].map((host) => {
    const n = runs[host].pyodide.results.length;
    const declared = differences(host, true).length;
    const same = n - differences(host).length - declared;
    const times = INTERPRETERS.map((i) => `${i} ${(runs[host][i].totalMs / 1000).toFixed(1)}s`).join(", ");
    return `${host}: ${n} snippets, ${same} identical, ${declared} declared differences (${times})`;
  });
  const bad = unexpected("node").length + unexpected("chromium").length;
  const deaths = ["node", "chromium"].flatMap((host) => INTERPRETERS.flatMap((i) => runs[host][i].deaths)).length;
  console.log(`views catalogue: ${parts.join("; ")}; ${bad} raise expectations unmet on Pyodide; ${deaths} interpreter deaths; ${(wallMs / 1000).toFixed(1)}s`);
  for (const host of ["node", "chromium"]) {
    for (const interp of INTERPRETERS) {
      for (const s of runs[host][interp].strays) {
        const where = s.index >= 0 ? label(s.index) : "before the first snippet";
        console.log(`  note: ${host}/${interp}: an uncaught JS error during ${where}: ${s.message.split("\n")[0]}`);
      }
    }
  }
});

for (const host of ["node", "chromium"]) {
  test(`views catalogue: identical outcomes on Pyodide and MicroPython (${host})`, () => {
    const found = differences(host);
    const report = found.map(({ index, pyodide, micropython }) =>
      `  [${host}] ${label(index)}\n${code(index)}\n      pyodide:     ${outcome(pyodide)}\n      micropython: ${micropython ? outcome(micropython) : "(not run)"}`);
    assert.ok(found.length === 0, `${found.length} of ${runs[host].pyodide.results.length} snippets differ between the interpreters in ${host}:\n${report.join("\n")}`);
  });
  test(`views catalogue: every declared difference still differs (${host})`, () => {
    const resolved = resolvedDeclared(host);
    assert.ok(resolved.length === 0, `now identical, remove from DIFFERENCES: ${resolved.map((i) => label(i)).join(", ")}`);
  });
}

test("views catalogue: no snippet leaves an interpreter unusable", () => {
  const report = [];
  for (const host of ["node", "chromium"]) {
    for (const interp of INTERPRETERS) {
      for (const index of runs[host][interp].deaths) {
        const result = runs[host][interp].results.find((r) => r.index === index);
        report.push(`  [${host}/${interp}] ${label(index)} (a new interpreter ran the rest)\n${code(index)}\n      ${interp}: ${outcome(result)}`);
      }
    }
  }
  assert.ok(report.length === 0, `${report.length} snippets left their interpreter unusable:\n${report.join("\n")}`);
});

test("views catalogue: only the snippets marked '!' raise (on Pyodide)", () => {
  const found = [...unexpected("node"), ...unexpected("chromium")];
  const report = found.map(({ index, host, result }) =>
    `  [${host}] ${label(index)}: ${snippets[index].raises ? "returned instead" : "raised"}\n${code(index)}\n      pyodide: ${outcome(result)}`);
  assert.ok(found.length === 0, `${found.length} snippets broke their raise expectation:\n${report.join("\n")}`);
});
