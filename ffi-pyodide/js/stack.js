// A stack bound for conversions on Pyodide. Pyodide gives C code a 10 MiB stack in its
// linear memory, but each C frame is also a wasm frame on the JS engine's own stack, which
// is much smaller (about 1 MiB in V8): C code recursing a few thousand levels deep — CPython's
// pickler on a value nested ~6,000 levels — overflows the JS stack first, and Pyodide
// treats that as a fatal error. Around a conversion the bridge tells CPython that its C
// stack ends STACK_BOUND bytes below the current position (CPython 3.14's
// PyUnstable_ThreadState_SetStackProtection), so CPython raises a RecursionError long
// before the JS engine runs out; afterwards the default protection is restored. Nothing
// outside the interpreter changes.

// Enough for the nesting limit (900 levels) of subclass containers too, which reduce
// through a Python call per level (~500 bytes of C stack; plain lists and dicts take
// ~200): measured on Pyodide 314 in Node, 900 nested OrderedDicts convert, and the bound
// stops both kinds at about 60 % of the depth where the JS stack would overflow.
const STACK_BOUND = 768 * 1024;

// How deep a small JS function recurses before a thread's JS stack ends. The count depends
// on V8's tier for it, which varies from run to run: on a Chromium main thread about 12,400
// with interpreter frames and about 20,700 once optimized; a Chromium worker's stack, about
// half, gives 6,300 to 10,600; Node 20's main thread about 13,900. A count of at least
// MAIN_THREAD_LEAST is a main thread's stack whatever the tier, and keeps the full bound;
// a smaller stack — a browser Web Worker — gets the bound scaled by count / MAIN_THREAD_MOST,
// the smaller of the two estimates. Measured once per install, in about a millisecond.
const IN_NODE = typeof process !== "undefined" && !!process.versions?.node;
const MAIN_THREAD_LEAST = IN_NODE ? 12_000 : 11_500;
const MAIN_THREAD_MOST = IN_NODE ? 13_000 : 20_000;

/** The share of the full bound this thread's JS stack allows (1 on a main thread). */
export function stackShare() {
  const depth = jsStackDepth();
  return depth >= MAIN_THREAD_LEAST ? 1 : depth / MAIN_THREAD_MOST;
}

/** How deep a small function recurses before this thread's JS stack ends. */
function jsStackDepth() {
  let depth = 0;
  const dive = () => {
    depth++;
    dive();
  };
  try {
    dive();
  } catch {
    // The engine's stack ended: that is the measurement.
  }
  return depth;
}

/**
 * `{ enter, exit }` for `pyodide._module`; `exports` are the release's stack entry points
 * (versions.js). Throws if this Pyodide lacks them.
 */
export function stackBound(pyodide, exports) {
  const M = pyodide._module;
  const missing = exports.filter((name) => typeof M?.[name] !== "function");
  if (missing.length > 0) {
    throw new Error(
      `ffi-pyodide install(): this Pyodide (${pyodide.version}) lacks ${missing.join(", ")}, which the bridge needs to turn ` +
        "deep nesting into a RecursionError instead of a fatal error; use a supported Pyodide (docs/versions.md)",
    );
  }
  const bound = Math.floor(STACK_BOUND * stackShare());
  // Nested conversions (a default_converter that converts) keep the outermost bound.
  let depth = 0;
  let bounded = false;
  return {
    enter() {
      if (depth++ > 0) return;
      const start = M._emscripten_stack_get_current() - bound;
      bounded = M._PyUnstable_ThreadState_SetStackProtection(M._PyThreadState_Get(), start, bound) === 0;
      // A refusal sets a Python error; the conversion then runs with the default protection.
      if (!bounded) M._PyErr_Clear();
    },
    exit() {
      if (--depth > 0) return;
      depth = 0;
      if (bounded) M._PyUnstable_ThreadState_ResetStackProtection(M._PyThreadState_Get());
      bounded = false;
    },
  };
}
