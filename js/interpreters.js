// Which interpreter release the tests, the conformance harness and the checks load: the
// one helper that reads versions.json (the supported versions and each one's loader
// module). In Node, FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION pick a version (a
// value ending in ".mjs" is a loader module path from the repository root instead, for
// trying a release that is not in the table); otherwise, and in a browser, the default
// (what @pyscript/core ships by default).

/** The environment variable that picks each interpreter's version. */
export const VERSION_ENV = { pyodide: "FFI_PYODIDE_VERSION", micropython: "FFI_MICROPYTHON_VERSION" };

const ROOT = new URL("../", import.meta.url);
const IN_NODE = typeof process !== "undefined" && !!process.versions?.node;

/** versions.json, read from the repository root `base` (a URL: file: in Node, http: in a browser). */
export async function readVersions(base = ROOT) {
  const url = new URL("versions.json", base);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return JSON.parse(await readFile(url, "utf8"));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The version asked for in the environment (Node only), or undefined. */
export function requestedVersion(interp) {
  const name = VERSION_ENV[interp];
  if (name === undefined) throw new Error(`unknown interpreter ${JSON.stringify(interp)}; expected pyodide or micropython`);
  const value = IN_NODE ? process.env[name] : undefined;
  return value === undefined || value === "" ? undefined : value;
}

/**
 * `{ version, module, dir }` of the interpreter to load: `version` as versions.json names
 * it (or the path given), `module` the loader's URL and `dir` its folder's URL. `version`
 * defaults to the environment's choice, then to versions.json's default; an unknown one is
 * an Error naming the known ones.
 */
export async function interpreterEntry(interp, { base = ROOT, version = requestedVersion(interp) } = {}) {
  const table = (await readVersions(base))[interp];
  if (table === undefined) throw new Error(`versions.json has no ${JSON.stringify(interp)} entry`);
  if (version !== undefined && version.endsWith(".mjs")) {
    const module = new URL(version, base);
    return { version, module, dir: new URL("./", module) };
  }
  const wanted = version ?? table.default;
  const entry = table.versions.find((v) => v.version === wanted);
  if (entry === undefined) {
    const known = table.versions.map((v) => v.version).join(", ");
    throw new Error(`${VERSION_ENV[interp]}=${wanted}: not in versions.json (known: ${known}), and not a path ending in .mjs`);
  }
  const module = new URL(entry.module, base);
  return { version: entry.version, module, dir: new URL("./", module) };
}

/**
 * The loader module of the interpreter to load (its exports: `loadPyodide` or
 * `loadMicroPython`), plus `version` and `dir` (see interpreterEntry).
 */
export async function importInterpreter(interp, options = {}) {
  const entry = await interpreterEntry(interp, options);
  const exports = await import(entry.module.href);
  return { ...exports, version: entry.version, dir: entry.dir };
}

/**
 * A fresh interpreter of the release interpreterEntry picks (`base`, `version`), quiet
 * unless `stdout`/`stderr` are given; other options go to loadPyodide / loadMicroPython.
 */
export async function loadInterpreter(interp, { base = ROOT, version, ...options } = {}) {
  const quiet = { stdout: () => {}, stderr: () => {} };
  const loaded = await importInterpreter(interp, { base, version });
  if (interp === "pyodide") return loaded.loadPyodide({ indexURL: indexURL(loaded.dir), ...quiet, ...options });
  return loaded.loadMicroPython({ ...quiet, ...options });
}

/** A folder URL as loadPyodide's `indexURL` takes it (a path for file: URLs). */
export function indexURL(dir) {
  return dir.protocol === "file:" ? decodeURIComponent(dir.pathname) : dir.href;
}
