// pyscript.ffi for real PyScript pages (docs/pyscript.md): after PyScript's core.js,
//   import { hooks } from ".../core.js";
//   import { register } from ".../pyscript/plugin.js";
//   register(hooks);
// and every `py` and `mpy` script — main thread and async workers — gets this project's
// ffi as `pyscript.ffi` (and views as `pyscript.window` / `pyscript.document`), while the
// rest of PyScript's `pyscript` package stays PyScript's. Installed with the adapters'
// `package: "private"` option, so nothing of PyScript's is shadowed; a code hook, run
// after PyScript imported its package and before the script, puts it in place. The
// adapters are found beside this file.

// The PyScript types that mean each interpreter, a copy of the adapter table's
// `pyscript_types` (versions.json; js/tests/versions.test.mjs checks it): a script's hooks
// see its type (`py`, `mpy`); a worker made by PyWorker / MPWorker sees the interpreter's
// name. Each interpreter's adapter is dist/ffi-<name>/, beside this file's folder.
export const PYSCRIPT_TYPES = { pyodide: ["py", "pyodide"], micropython: ["mpy", "micropython"] };
const ADAPTERS = Object.fromEntries(
  Object.entries(PYSCRIPT_TYPES).flatMap(([name, types]) => {
    const url = new URL(`../ffi-${name}/index.js`, import.meta.url).href;
    return types.map((type) => [type, url]);
  }),
);

// After PyScript's own `import pyscript` (its stdlib code runs first in the same hook).
// PyScript's names in its ffi (`direct`, `gather`, `query` in workers) stay available.
const SWAP = `
import sys as _sys
import pyscript as _pyscript
try:
    import _pyscript_ffi_pkg.ffi as _ffi
except ImportError:
    _ffi = None
    import js as _js
    try:
        from polyscript import currentScript as _script
        _name = "<script worker src=" + repr(_script.src) + ">" if _script else "a PyWorker/MPWorker worker"
    except Exception:
        _name = "this script"
    _js.console.warn("pyscript.ffi plugin: " + _name + " runs with PyScript's own pyscript.ffi, not this one: a sync worker "
                     "(<script worker async=false>, or a PyWorker/MPWorker without async) has no hook PyScript waits in, "
                     "so the plugin could not install it there; make the worker async to get it")
    del _js, _name
if _ffi is not None and _sys.modules.get("pyscript.ffi") is not _ffi:
    _theirs = _sys.modules.get("pyscript.ffi")
    for _name in ("direct", "gather", "query"):
        if hasattr(_theirs, _name):
            setattr(_ffi, _name, getattr(_theirs, _name))
    _sys.modules["pyscript.ffi"] = _pyscript.ffi = _ffi
    _pyscript.window = _ffi.bind(_pyscript.window)
    if getattr(_pyscript, "document", None) is not None:
        _pyscript.document = _ffi.bind(_pyscript.document)
    del _theirs, _name
del _sys, _pyscript, _ffi
`;

/**
 * Give every py and mpy script on the page this project's pyscript.ffi. `options.lifetime`
 * is install()'s ("auto", the default, or "manual"), and so is `options.version` ("exact",
 * the default, or "best-effort": docs/versions.md).
 */
export function register(hooks, options = {}) {
  const installOptions = { lifetime: options.lifetime ?? "auto", package: "private", version: options.version ?? "exact" };
  hooks.main.onReady.add(async (wrap) => {
    const url = ADAPTERS[wrap.type];
    if (url === undefined) return;
    const { install } = await import(url);
    await install(wrap.interpreter, installOptions);
  });
  for (const kind of ["codeBeforeRun", "codeBeforeRunAsync"]) {
    hooks.main[kind].add(SWAP);
    hooks.worker[kind].add(SWAP);
  }
  // Worker hooks travel as source text: the adapters' absolute URLs are written into it.
  hooks.worker.onBeforeRunAsync.add(
    Function(`return async (wrap) => {
      const url = ${JSON.stringify(ADAPTERS)}[wrap.type];
      if (url === undefined) return;
      const { install } = await import(url);
      await install(wrap.interpreter, ${JSON.stringify(installOptions)});
    }`)(),
  );
}
