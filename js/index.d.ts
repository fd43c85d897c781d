/** Options of `install()`. */
export interface InstallOptions {
  /**
   * How Python objects handed to JavaScript are kept alive. `"auto"` (default): for as
   * long as JavaScript holds them, one JS value per live object, on both interpreters.
   * `"manual"`: each interpreter's own rule for implicit crossings (Pyodide destroys a
   * borrowed argument when the call returns); `create_proxy()` behaves the same either
   * way. One interpreter takes one lifetime: a second `install()` asking for another is
   * a `TypeError`.
   */
  lifetime?: "auto" | "manual";
  /**
   * What the install writes. `"pyscript"` (default): the `pyscript` package with `ffi`,
   * `window` and `document`. `"private"`: only the ffi module, as `_pyscript_ffi_pkg.ffi`,
   * shadowing nothing, for a page whose `pyscript` package is PyScript's own
   * (`dist/pyscript/plugin.js` uses it). A second `install()` must ask for the same.
   */
  package?: "pyscript" | "private";
  /**
   * Which interpreter releases the install accepts (docs/versions.md). `"exact"`
   * (default): only the supported ones; any other is an `Error` naming the version met
   * and the supported ones. `"best-effort"`: another release gets the facts of the nearest
   * supported one, and the install self-tests decide: if a fact does not hold, the install
   * rejects with an `Error` naming whose facts it used and what failed. Another value is a
   * `TypeError`.
   */
  version?: "exact" | "best-effort";
}

/**
 * Install `pyscript.ffi` into an interpreter. After it resolves, `from pyscript import ffi`
 * works in that interpreter. Installing twice is harmless; the wrong interpreter is a
 * `TypeError`; an unsupported release of the right one is an `Error` (see `version`).
 */
export function install(interpreter: object, options?: InstallOptions): Promise<void>;
