// Pyodide's internals this adapter relies on, per supported release: the one table of
// them (docs/versions.md lists the releases; versions.json, at the repository root, is the
// list the tests load, and a test checks that both name the same ones). Keys are
// `pyodide.version`. Every fact is proven at install: the entry points by lifetime.js and
// stack.js (install() fails naming the missing ones), the borrowed-proxy message and the
// pickle stream by the self-test in index.js (a Python callable kept by JavaScript must
// outlive its call; a sample value must convert exactly).
//
// To add a release: a row here (copy the nearest one, change what moved), a row in
// versions.json and package.json, and run the tests on it (docs/Architecture.md).

const FACTS_314 = Object.freeze({
  // CPython inside (the pickle stream src/pickle.rs reads; the stack protection API).
  python: "3.14",
  // Every message Pyodide passes when it destroys a borrowed proxy starts so.
  borrowed: "This borrowed proxy was automatically destroyed",
  // `pyodide._module` functions lifetime "auto" wraps or calls (lifetime.js).
  lifetimeHooks: Object.freeze(["pyproxy_new", "pyproxy_destroy", "PyProxy_getAttrs", "PyProxy_getAttrsQuiet", "gc_register_proxy"]),
  // `pyodide._module` exports the stack bound calls (stack.js).
  stackExports: Object.freeze([
    "_PyThreadState_Get",
    "_emscripten_stack_get_current",
    "_PyUnstable_ThreadState_SetStackProtection",
    "_PyUnstable_ThreadState_ResetStackProtection",
    "_PyErr_Clear",
  ]),
});

/** The facts of each supported Pyodide release: 314.0.2 to 314.0.8 share them. */
export const PYODIDE_FACTS = Object.freeze({
  "314.0.2": FACTS_314,
  "314.0.7": FACTS_314,
  "314.0.8": FACTS_314,
});

/** The release `pyodide` is (`pyodide.version`); a sentence starting "unknown" without one. */
export function detectVersion(pyodide) {
  const version = pyodide.version;
  return typeof version === "string" ? version : `unknown (pyodide.version is ${typeof version})`;
}
