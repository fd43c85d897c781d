// Runs conformance cases inside one interpreter; the same module runs in Node and in
// Chromium. `base` is the repository root as a URL (file: in Node, http: in Chromium).
import { describe } from "./describe.js";

/** Python helpers for describing values, shared by the cases and js/tests. */
export const PYTHON_HELPERS = `
def js(source):
    # A JS value built by JS source, as the interpreter's own \`js\` module gives it (the
    # tier-1 cases hand such values to to_py, to_js, construct...); ffi.bind(js(...)) is
    # its view (docs/views.md).
    import js as _native
    return _native.eval("(" + source + ")")

def pydesc(value, _seen=None):
    # A JSON-able, type-tagged description of a Python value, the same on both
    # interpreters: dict and set contents sorted, identity shown as {"seen": n}.
    seen = {} if _seen is None else _seen
    t = type(value)
    if value is None or t in (bool, int, float, str):
        return [t.__name__, value]
    if t in (bytes, bytearray):
        return [t.__name__, list(value)]
    if id(value) in seen:
        return ["seen", seen[id(value)]]
    if t in (list, tuple, dict, set, frozenset):
        seen[id(value)] = len(seen)
    if t in (list, tuple):
        return [t.__name__, [pydesc(x, seen) for x in value]]
    if t is dict:
        keys = sorted(value, key=lambda k: (type(k).__name__, str(k)))
        return ["dict", [[pydesc(k, seen), pydesc(value[k], seen)] for k in keys]]
    if t in (set, frozenset):
        return [t.__name__, sorted([pydesc(x, seen) for x in value], key=str)]
    return ["other", "JS value" if t.__name__.startswith("Js") else t.__name__]

`;

const PYTHON_RUNNER = `
import _conformance

def record(label, value):
    # A Python value is recorded as the JS value the FFI under test sends for it.
    from pyscript import ffi
    _conformance.record(label, ffi.to_js([value]))

def record_error(label, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as e:
        _conformance.record_error(label, type(e).__name__, str(e))
    else:
        _conformance.record_error(label, "no exception", "")

${PYTHON_HELPERS}
def _live():
    from pyscript import ffi
    return ffi.stats()["live"] if hasattr(ffi, "stats") else -1

_pending = None

def _run_case():
    # A case that defines after() asks for it to run once JS timers have fired
    # (callbacks that JavaScript calls later): the harness waits, then polls the case's
    # ready() (if any) with a bounded number of retries, then calls _run_after().
    global _pending
    before = _live()
    namespace = {"__name__": "__case__", "record": record, "record_error": record_error, "js": js, "pydesc": pydesc}
    try:
        exec(_conformance.source(), namespace)
    except BaseException as e:
        _conformance.uncaught(type(e).__name__, str(e))
    else:
        if "after" in namespace:
            _pending = (before, namespace)
            _conformance.later()
            return
    _finish(before, namespace)

def _poll_ready():
    ready = _pending[1].get("ready")
    _conformance.ready(bool(ready is None or ready()))

def _run_after():
    global _pending
    before, namespace = _pending
    _pending = None
    try:
        namespace["after"]()
    except BaseException as e:
        _conformance.uncaught(type(e).__name__, str(e))
    _finish(before, namespace)

def _finish(before, namespace):
    namespace.clear()
    _conformance.live(before, _live())
`;

// On a PyScript page: PyScript's own package is loaded, and its ffi is this project's.
const PYSCRIPT_PAGE_CHECK = `
import sys, pyscript
assert "display" in dir(pyscript) and "when" in dir(pyscript), "not PyScript's pyscript package"
assert sys.modules["pyscript.ffi"] is pyscript.ffi and hasattr(pyscript.ffi, "stats"), "pyscript.ffi is not this project's: the plugin did not install it"
del sys, pyscript
`;

// A case's after() runs once JS timers set by the case (up to this delay) have fired and
// its ready() says so, polled every POLL_MS at most POLLS times: no timing is asserted,
// a case that is never ready records what it has and fails on its expectation.
const AFTER_DELAY_MS = 20;
const POLL_MS = 10;
const POLLS = 500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function loadInterpreter(base, interp, version) {
  // The version: `version` (run.mjs passes its --version, or FFI_PYODIDE_VERSION /
  // FFI_MICROPYTHON_VERSION, on, also into Chromium), else versions.json's default.
  const { loadInterpreter: load } = await import(new URL("js/interpreters.js", base).href);
  return load(interp, { base, version: version || undefined, ...(interp === "micropython" ? { heapsize: 64 * 1024 * 1024 } : {}) });
}

/**
 * The example crate of docs/rust-crates.md (dist/examples/textstats), importable in
 * Python as `textstats`, for the rust_example_* cases.
 */
export async function registerExample(base, interpreter) {
  const { loadWasm } = await import(new URL("js/loader.js", base).href);
  const example = await import(new URL("dist/examples/textstats/textstats.js", base).href);
  await loadWasm(example, new URL("dist/examples/textstats/textstats_bg.wasm", base));
  interpreter.registerJsModule("textstats", { TextStats: example.TextStats });
}

async function installReference(base, interpreter) {
  // PyScript's own pyscript.ffi, as @pyscript/core ships it, on the same interpreter.
  const response = await readText(new URL("node_modules/@pyscript/core/src/stdlib/pyscript/ffi.py", base));
  const FS = interpreter.FS;
  for (const dir of ["/_reference", "/_reference/pyscript"]) if (!FS.analyzePath(dir).exists) FS.mkdir(dir);
  FS.writeFile("/_reference/pyscript/ffi.py", response);
  FS.writeFile("/_reference/pyscript/__init__.py", "import js\nwindow = js\nfrom . import ffi\n");
  interpreter.runPython("import sys\nsys.path.insert(0, '/_reference')\nimport pyscript.ffi");
}

async function readText(url) {
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url, "utf8");
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Run every case; `report(result)` is called after each one.
 * mode: "ours" (dist/ffi-<interp>) or "pyscript" (the reference column).
 */
export async function runAll({ base, interp, mode, cases, report, interpreter: given, version }) {
  let current = null;
  // An error JavaScript throws outside any call (a timer calling a dead callback) belongs
  // to the case that is running: it fails that case instead of ending the harness.
  const asyncError = (error) => {
    const message = String((error && error.message) || error).slice(0, 500);
    if (current && !current.uncaught) current.uncaught = { error: "UncaughtJsError", message };
  };
  if (typeof process !== "undefined" && typeof process.on === "function") {
    process.on("uncaughtException", asyncError);
    process.on("unhandledRejection", asyncError);
  } else {
    globalThis.addEventListener("error", (event) => {
      event.preventDefault();
      asyncError(event.error ?? event.message);
    });
    globalThis.addEventListener("unhandledrejection", (event) => {
      event.preventDefault();
      asyncError(event.reason);
    });
  }
  // `given`: an interpreter a real PyScript page set up, with this ffi installed by the
  // plugin (conformance/harness/pyscript.mjs); it must be this project's pyscript.ffi.
  const interpreter = given ?? (await loadInterpreter(base, interp, version));
  // The column's label names a release: prove it is the one that runs (a PyScript page
  // loads whatever its config names).
  if (version) {
    const { detectVersion } = await import(new URL(`dist/ffi-${interp}/versions.js`, base).href);
    const running = detectVersion(interpreter);
    if (running !== version) throw new Error(`the column asked for ${interp} ${version}, but ${running} runs`);
  }
  if (given) {
    interpreter.runPython(PYSCRIPT_PAGE_CHECK);
  } else if (mode === "ours") {
    const { install } = await import(new URL(`dist/ffi-${interp}/index.js`, base).href);
    await install(interpreter);
  } else {
    await installReference(base, interpreter);
  }
  await registerExample(base, interpreter);
  interpreter.registerJsModule("_conformance", {
    source: () => current.code,
    record(label, boxed) {
      current.records.push([label, describe(boxed[0])]);
    },
    record_error(label, type, message) {
      current.records.push([label, { error: type, message }]);
    },
    uncaught(type, message) {
      current.uncaught = { error: type, message };
    },
    later() {
      current.later = true;
    },
    ready(value) {
      current.ready = value;
    },
    live(before, after) {
      current.live = before === -1 ? null : { before, after };
    },
  });
  interpreter.runPython(PYTHON_RUNNER);
  for (const testCase of cases) {
    current = { code: testCase.code, records: [], uncaught: null, live: null, later: false, ready: false };
    try {
      interpreter.runPython("_run_case()");
      if (current.later) {
        await sleep(AFTER_DELAY_MS);
        for (let poll = 0; poll < POLLS; poll++) {
          interpreter.runPython("_poll_ready()");
          if (current.ready) break;
          await sleep(POLL_MS);
        }
        interpreter.runPython("_run_after()");
      }
    } catch (error) {
      // The Python runner catches everything; reaching here is a harness-level failure.
      current.uncaught = { error: "HarnessError", message: String(error && error.message || error).slice(0, 500) };
    }
    await report({ case: testCase.name, result: { records: current.records, uncaught: current.uncaught }, live: current.live });
  }
}
