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

// How deep a small JS function recurses on a main thread, where STACK_BOUND holds (Node
// 20: about 13,700; Chromium: about 20,500, smaller frames). A thread with a smaller JS
// stack — a browser Web Worker has about half — gets a bound scaled down by the same
// ratio (never up): measured once per install, in about a millisecond.
const IN_NODE = typeof process !== "undefined" && !!process.versions?.node;
const REFERENCE_DEPTH = IN_NODE ? 13_000 : 20_000;

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
  const bound = Math.floor(STACK_BOUND * Math.min(1, jsStackDepth() / REFERENCE_DEPTH));
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
