/** Options of `install()`. */
export interface InstallOptions {
  /**
   * How Python objects handed to JavaScript are kept alive. `"auto"` (default): for as
   * long as JavaScript holds them. `"manual"`: only `create_proxy()` keeps them.
   */
  lifetime?: "auto" | "manual";
}

/**
 * Install `pyscript.ffi` into an interpreter. After it resolves, `from pyscript import ffi`
 * works in that interpreter. Installing twice is harmless; the wrong interpreter is a
 * `TypeError`.
 */
export function install(interpreter: object, options?: InstallOptions): Promise<void>;
