// Which interpreter release the tests, the conformance harness and the checks load: the
// one helper that reads versions.json, the adapter table (docs/Architecture.md, part 5):
// one row per interpreter, keyed by the name that also names its adapter folder
// (`ffi-<name>/`, built to `dist/ffi-<name>/`), with its display name, npm package, loader
// export, the PyScript types that mean it, and its supported releases. In Node, FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION pick a version (a
// value ending in ".mjs" is a loader module path from the repository root instead, for
// trying a release that is not in the table); otherwise, and in a browser, the default
// (what @pyscript/core ships by default).

/** The environment variable that picks an interpreter's version: FFI_<NAME>_VERSION. */
export const versionEnv = (interp) => `FFI_${interp.toUpperCase()}_VERSION`;

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

/** The interpreters of the table, in its order (`base` as for readVersions). */
export async function interpreterNames(base = ROOT) {
  return Object.keys(await readVersions(base));
}

/** The version asked for in the environment (Node only), or undefined. */
export function requestedVersion(interp) {
  const value = IN_NODE ? process.env[versionEnv(interp)] : undefined;
  return value === undefined || value === "" ? undefined : value;
}

/**
 * `{ version, module, dir }` of the interpreter to load: `version` as versions.json names
 * it (or the path given), `module` the loader's URL and `dir` its folder's URL. `version`
 * defaults to the environment's choice, then to versions.json's default; an unknown one is
 * an Error naming the known ones.
 */
export async function interpreterEntry(interp, { base = ROOT, version = requestedVersion(interp) } = {}) {
  const all = await readVersions(base);
  const table = all[interp];
  if (table === undefined) throw new Error(`unknown interpreter ${JSON.stringify(interp)}: versions.json has ${Object.keys(all).join(", ")}`);
  if (version !== undefined && version.endsWith(".mjs")) {
    const module = new URL(version, base);
    return { version, module, dir: new URL("./", module), loader: table.loader };
  }
  const wanted = version ?? table.default;
  const entry = table.versions.find((v) => v.version === wanted);
  if (entry === undefined) {
    const known = table.versions.map((v) => v.version).join(", ");
    throw new Error(`${versionEnv(interp)}=${wanted}: not in versions.json (known: ${known}), and not a path ending in .mjs`);
  }
  const module = new URL(entry.module, base);
  return { version: entry.version, module, dir: new URL("./", module), loader: table.loader };
}

/**
 * The loader module of the interpreter to load (its exports, among them the table's
 * `loader`: `loadPyodide`, `loadMicroPython`), plus `version`, `dir` and `loader`.
 */
export async function importInterpreter(interp, options = {}) {
  const entry = await interpreterEntry(interp, options);
  const exports = await import(entry.module.href);
  return { ...exports, version: entry.version, dir: entry.dir, loader: entry.loader };
}

/**
 * A fresh interpreter of the release interpreterEntry picks (`base`, `version`), quiet
 * unless `stdout`/`stderr` are given; other options go to its loader function.
 */
export async function loadInterpreter(interp, { base = ROOT, version, ...options } = {}) {
  const quiet = { stdout: () => {}, stderr: () => {} };
  const loaded = await importInterpreter(interp, { base, version });
  // indexURL: where Pyodide finds its files (MicroPython's loader takes no such option).
  return loaded[loaded.loader]({ indexURL: indexURL(loaded.dir), ...quiet, ...options });
}

/** A folder URL as loadPyodide's `indexURL` takes it (a path for file: URLs). */
export function indexURL(dir) {
  return dir.protocol === "file:" ? decodeURIComponent(dir.pathname) : dir.href;
}
