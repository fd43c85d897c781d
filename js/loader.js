// Shared by both adapters' index.js (copied next to each by `make build`).

/**
 * Initialise a wasm-bindgen module (`glue`: its namespace, with `default` and `initSync`):
 * fetched and compiled off the main thread in a browser; in Node, read from disk and
 * compiled here (async init would first touch `Response` and `Request`, whose lazy load
 * costs Node more than compiling the module).
 */
export async function loadWasm(glue, wasmUrl) {
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  if (isNode && wasmUrl.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    glue.initSync({ module: await WebAssembly.compile(await readFile(wasmUrl)) });
  } else {
    await glue.default({ module_or_path: wasmUrl });
  }
}

// BEGIN wire contract: error wire (ffi-core/src/unstable/wire.rs, mod error); generated, FFI_BLESS=1 cargo test contract rewrites it
export const WIRE_SEPARATOR = "\u0000";
export const WIRE_TYPE_ERROR = "TypeError";
export const WIRE_VALUE_ERROR = "ValueError";
export const WIRE_RECURSION_ERROR = "RecursionError";
export const WIRE_MEMORY_ERROR = "MemoryError";
export const WIRE_RUNTIME_ERROR = "RuntimeError";
export const WIRE_JS_EXCEPTION = "JsException";
export const WIRE_PYTHON_ERROR = "PythonError";
export const WIRE_NEEDS_PYTHON = "NeedsPython";
// END wire contract

/**
 * An error in the wire form the Python shim raises (ffi-core/src/unstable/wire.rs, mod error):
 * bridge functions return it instead of throwing, because MicroPython 1.27 cannot catch
 * a JS throw inside a native call. `pythonName` is one of the WIRE_* names above.
 */
export function wireError(pythonName, message) {
  return `${WIRE_SEPARATOR}${pythonName}${WIRE_SEPARATOR}${message}`;
}

/**
 * The proxy ledger for one interpreter (ffi-core's Proxies): a real FinalizationRegistry
 * releases a proxy once JavaScript drops it. `persist`/`release` keep and drop the
 * interpreter's own callable; `calls` is how a proxy reaches the Python object (see
 * callArguments).
 */
export function makeProxies(Proxies, persist, release, calls) {
  let proxies = null;
  const registry = new FinalizationRegistry((handle) => proxies.finalized(handle));
  proxies = new Proxies(registry, (handle) => proxies.destroy(handle), persist, release, calls);
  return proxies;
}

/**
 * How a proxy reaches its Python object (ffi-core's js/proxy.js `calls`). Every call of a
 * Python callable goes through the shim's `_call_viewed` (handed over by `setCallViewed`)
 * with each argument as ffi-core's `view_carry` makes it, so that Python receives them by
 * the view rules (docs/views.md) and JavaScript its result by the to_js rules: the shim
 * returns a value that crosses exactly as it is, or a one-item Array holding the result
 * (`undefined`, Pyodide's None, is null). `attribute` and `method` are the shim's
 * (python/pyscript/_ffi/callbacks.py _attribute and _call_attribute, handed over by
 * `setObjectProtocol`);
 * `fail(error)` reports the use of a destroyed proxy (it throws, until the adapter sets
 * another with `setFail`).
 */
export function callArguments(carry, { max_callback_nesting: maxNesting, max_callback_reentry: maxReentry }) {
  let callViewed = null;
  // Calls from JavaScript into Python nested in each other (MAX_CALLBACK_NESTING: a
  // RangeError beyond), and calls of one callable nested inside calls of it that got one
  // of the same objects (MAX_CALLBACK_REENTRY: beyond, the call returns undefined without
  // running Python; a JS Proxy whose trap is a Python function gets its Proxy as the
  // receiver each time, and Pyodide reads a dozen properties of every object that reaches
  // Python, each read running the trap again). Recursion through JavaScript with other
  // arguments at each level is bounded by the first rule only.
  let depth = 0;
  const active = new Map();
  const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");
  const tooDeep = (why) =>
    new RangeError(
      `pyscript.ffi: calls from JavaScript into Python nested too deep (${why}); recursion through JavaScript ` +
        "has a limit (MAX_CALLBACK_NESTING): make it a loop, or recurse in Python",
    );
  // How many open calls of one callable got one of the objects `args` holds.
  const sharingFrames = (frames, args) => {
    let sharing = 0;
    for (let f = 0; f < frames.length; f++) {
      for (let a = 0; a < args.length; a++) {
        if (isObject(args[a]) && frames[f].includes(args[a])) {
          sharing++;
          break;
        }
      }
    }
    return sharing;
  };
  const nested = (target, args, call) => {
    if (depth >= maxNesting) throw tooDeep(`${depth} in all`);
    let frames = active.get(target);
    if (frames !== undefined) {
      const sharing = sharingFrames(frames, args);
      // Answered without Python: a throw here would unwind through Pyodide's own frames
      // (it reads the receiver's properties in C), which that interpreter cannot survive.
      if (sharing >= maxReentry) return undefined;
    } else {
      frames = [];
      active.set(target, frames);
    }
    frames.push(args);
    depth++;
    try {
      return call();
    } finally {
      depth--;
      frames.pop();
      if (frames.length === 0) active.delete(target);
    }
  };
  const carried = (args) => {
    const out = new Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = carry(args[i]);
    return out;
  };
  let attribute = null;
  let method = null;
  const result = (value) => (value === undefined ? null : Array.isArray(value) ? value[0] : value);
  const calls = {
    invoke: (target, args) => nested(target, args, () => result(callViewed(target, ...carried(args)))),
    attribute: (target, op, key, boxed) => attribute(target, op, key, boxed),
    method: (target, key, args) => nested(target, args, () => result(method(target, key, ...carried(args)))),
    // Replaced, not wrapped: MicroPython's guard reads who called it from the stack.
    fail(error) {
      throw error;
    },
    setCallViewed(fn) {
      callViewed = fn;
    },
    setObjectProtocol(attributeFn, methodFn) {
      attribute = attributeFn;
      method = methodFn;
    },
    setFail(fn) {
      calls.fail = fn;
    },
  };
  return calls;
}

/** A value with a callable `then` (a getter that throws makes it none). */
export function isThenable(value) {
  try {
    return value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function";
  } catch {
    return false;
  }
}

/**
 * Bridge functions both adapters share, implemented over plain JS, the ledger and
 * ffi-core's exports (`wasm`, the adapter's wasm-bindgen module).
 */
export function commonBridge(proxies, wasm, { holdsThenables = false } = {}) {
  // Errors JavaScript threw: the wire form, the value kept by ffi-core for take_error.
  const errorWire = (error) => wasm.view_raised(error);
  const guarded = (work) => {
    try {
      return work();
    } catch (error) {
      return errorWire(error);
    }
  };
  // A value the shim passes as it is (None: undefined on Pyodide, null on MicroPython, is
  // null) or, when it would not cross exactly, boxed in a one-item Array.
  const value = (given, boxed) => (boxed ? given[0] : given === undefined ? null : given);
  const thisOf = (given) => (given === null ? undefined : given);
  const plainArguments = (args) => args.map((arg) => (arg === undefined ? null : arg));
  // Pyodide turns a thenable that a call returns into a Python Future, which fails on a
  // rejection that is no Error: a thenable result waits in `held`, read as an attribute.
  const [, , , HELD] = wasm.view_markers();
  const held = { value: undefined };
  const out = holdsThenables
    ? (result) => {
        if (!isThenable(result)) return result;
        held.value = result;
        return HELD;
      }
    : (result) => result;
  return {
    converter_error: wasm.converter_error,
    limits: wasm.limits(),
    globalThis,
    construct(cls, args) {
      if (typeof cls !== "function") {
        return wireError(
          WIRE_TYPE_ERROR,
          `construct: expected a JS class or constructor function, got ${cls === null ? "null" : typeof cls}`,
        );
      }
      return guarded(() => Reflect.construct(cls, args));
    },
    create_proxy: (target, objectId, site, typeName) => proxies.create(target, objectId, site ?? undefined, String(typeName)),
    proxy_sites: () => proxies.sites(),
    destroy_proxy: (given) => proxies.destroy_value(given),
    scope_enter: () => proxies.enter_scope(),
    proxy_serial: () => proxies.serial(),
    release_created_since: (mark, created) => proxies.release_created_since(mark, created),
    push_created_since(mark, handedOut, into) {
      into.push(...proxies.created_since(mark, handedOut));
    },
    is_array: (given) => Array.isArray(given),
    scope_exit: (id, kept) => proxies.exit_scope(id, kept),
    stats: () => proxies.stats(),
    // Views (python/pyscript/_ffi/views.py _View; the operations are ffi-core's src/view/ops.rs).
    view_markers: wasm.view_markers(),
    held,
    view_get: (target, key) => out(wasm.view_get(target, key)),
    view_set: (target, key, given, boxed) => wasm.view_set(target, key, value(given, boxed)),
    view_delete: (target, key) => wasm.view_delete(target, key),
    view_call_plain: (target, thisArg, ...args) => out(wasm.view_call(target, thisOf(thisArg), plainArguments(args))),
    view_call: (target, thisArg, args) => out(wasm.view_call(target, thisOf(thisArg), args)),
    view_new_plain: (target, ...args) => out(wasm.view_new(target, plainArguments(args))),
    view_new: (target, args) => out(wasm.view_new(target, args)),
    view_item: (target, key, boxed) => out(wasm.view_item(target, value(key, boxed))),
    view_set_item: (target, key, keyBoxed, given, boxed) => wasm.view_set_item(target, value(key, keyBoxed), value(given, boxed)),
    view_delete_item: (target, key, boxed) => wasm.view_delete_item(target, value(key, boxed)),
    view_contains: (target, item, boxed) => wasm.view_contains(target, value(item, boxed)),
    view_slice: wasm.view_slice,
    view_length: wasm.view_length,
    view_truthy: wasm.view_truthy,
    view_iter: wasm.view_iter,
    view_next: (iterator) => out(wasm.view_next(iterator)),
    view_bytes: wasm.view_bytes,
    view_string: wasm.view_string,
    view_thenable: wasm.view_thenable,
    view_identity: wasm.view_identity,
    view_describe: wasm.view_describe,
    // `await view`: a Promise that never rejects: [carried result] or [error wire, error].
    view_settle: (thenable) =>
      Promise.resolve()
        .then(() => thenable)
        .then(
          (result) => [wasm.view_carry(result)],
          (error) => [wasm.view_raised(error), wasm.view_thrown()],
        ),
    take_error: () => wasm.view_thrown(),
    assign(target, source) {
      // Object.assign's own enumerable properties, set one by one: a "__proto__" key is
      // defined as a property (as to_js makes it), never run as the prototype setter.
      try {
        for (const key of Reflect.ownKeys(source)) {
          const descriptor = Reflect.getOwnPropertyDescriptor(source, key);
          if (!descriptor?.enumerable) continue;
          if (key === "__proto__") {
            Object.defineProperty(target, key, { value: source[key], writable: true, enumerable: true, configurable: true });
          } else {
            target[key] = source[key];
          }
        }
        return target;
      } catch (error) {
        const [name, message] = wasm.thrown(error);
        return wireError(WIRE_TYPE_ERROR, `assign: JavaScript raised ${name}: ${message}`);
      }
    },
    is_function: (given) => typeof given === "function",
    // A Python dict_converter wrapped by the shim returns its result boxed ([value]).
    unboxing: (converter) => (pairs) => converter(pairs)[0],
  };
}

/** Write `[path, text]` pairs below `root` in an Emscripten file system. */
export function writePythonFiles(FS, root, files) {
  // `content`: source text, or the bytes of a compiled module.
  for (const [path, content] of files) {
    const full = `${root}/${path}`;
    const parts = full.split("/").filter(Boolean);
    let dir = "";
    for (const part of parts.slice(0, -1)) {
      dir += `/${part}`;
      if (!FS.analyzePath(dir).exists) FS.mkdir(dir);
    }
    FS.writeFile(full, content);
  }
}

/**
 * The Python files `install()` writes, for its `package` option: "pyscript" (the default)
 * the `pyscript` package with `ffi`, `window` and `document`; "private" only the ffi
 * module and the private modules behind it (`_ffi/`, imported relatively), as
 * `_pyscript_ffi_pkg.ffi`, for a page whose `pyscript` package is PyScript's own
 * (dist/pyscript/plugin.js puts it in place as `pyscript.ffi`).
 */
export function pythonFiles(files, pkg) {
  if (pkg !== "private") return files;
  const out = [];
  // A module is source (`.py`) or MicroPython bytecode (`.mpy`, ffi-micropython/build.rs).
  for (const [path, content] of files) {
    if (/^pyscript\/__init__\.m?py$/.test(path)) out.push([`${PRIVATE_PACKAGE}/__init__.py`, ""]);
    else if (path.startsWith("pyscript/")) out.push([`${PRIVATE_PACKAGE}/${path.slice("pyscript/".length)}`, content]);
    else out.push([path, content]);
  }
  return out;
}

/** The Python that makes the ffi importable after the files are written (see pythonFiles). */
export function activationSource(root, pkg = "pyscript") {
  if (pkg === "private") {
    // Appended, not first: nothing of PyScript's may be shadowed.
    return [
      "import sys",
      `if ${JSON.stringify(root)} not in sys.path:`,
      `    sys.path.append(${JSON.stringify(root)})`,
      `import ${PRIVATE_PACKAGE}.ffi`,
    ].join("\n");
  }
  return [
    "import sys",
    `if ${JSON.stringify(root)} not in sys.path:`,
    `    sys.path.insert(0, ${JSON.stringify(root)})`,
    "import pyscript.ffi",
  ].join("\n");
}

/** The package the "private" install writes the ffi module into. */
export const PRIVATE_PACKAGE = "_pyscript_ffi_pkg";

export const PYTHON_ROOT = "/_pyscript_ffi";

export const LIFETIMES = ["auto", "manual"];

export const PACKAGES = ["pyscript", "private"];

export const VERSIONS = ["exact", "best-effort"];

const OPTIONS = ["lifetime", "package", "version"];

/** Reject unknown option names and values with a message that says what is accepted. */
export function checkOptions(adapter, options) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${adapter} install(): options must be an object, got ${typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) {
      throw new TypeError(`${adapter} install(): unknown option ${JSON.stringify(key)}; accepted: ${OPTIONS.join(", ")}`);
    }
  }
  if (options.version !== undefined && !VERSIONS.includes(options.version)) {
    throw new TypeError(
      `${adapter} install(): version must be one of ${VERSIONS.join(", ")}, got ${JSON.stringify(options.version)}`,
    );
  }
  if (options.package !== undefined && !PACKAGES.includes(options.package)) {
    throw new TypeError(
      `${adapter} install(): package must be one of ${PACKAGES.join(", ")}, got ${JSON.stringify(options.package)}`,
    );
  }
  if (options.lifetime !== undefined && !LIFETIMES.includes(options.lifetime)) {
    throw new TypeError(
      `${adapter} install(): lifetime must be one of ${LIFETIMES.join(", ")}, got ${JSON.stringify(options.lifetime)}`,
    );
  }
}

/**
 * The order of interpreter releases: `[major, minor, patch, stage, build]`, where a
 * pre-release ("315.0.0-alpha.2", MicroPython's "1.28.0-preview-230") comes before its
 * release and a build after one ("1.28.0-6": six commits past v1.28.0, as MicroPython's
 * npm packages number them). Null for a string that is no version.
 */
export function versionKey(version) {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-.]?(?:(alpha|a|beta|b|rc|preview|dev)[-.]?)?(\d+))?/.exec(String(version));
  if (!match) return null;
  const stages = { alpha: -4, a: -4, beta: -3, b: -3, rc: -2, preview: -1, dev: -5 };
  const stage = match[4] === undefined ? 0 : stages[match[4]];
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0), stage, Number(match[5] ?? 0)];
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Negative, 0 or positive as release `a` comes before, with or after `b` (see versionKey). */
export function compareVersions(a, b) {
  return compareKeys(versionKey(a) ?? [-1], versionKey(b) ?? [-1]);
}

/**
 * The known version whose facts serve `met` in "best-effort": the newest known one not
 * newer than `met`, or the oldest known one when `met` is older than all of them (or no
 * version at all).
 */
export function nearestVersion(met, known) {
  const key = versionKey(met);
  const sorted = known.filter((v) => versionKey(v) !== null).sort((a, b) => compareKeys(versionKey(a), versionKey(b)));
  if (key === null) return sorted[0];
  const older = sorted.filter((v) => compareKeys(versionKey(v), key) <= 0);
  return older.length > 0 ? older[older.length - 1] : sorted[0];
}

/**
 * The facts `install()` uses for the version it met: `{ met, used, facts }`. An unknown
 * version is an Error naming it and the supported ones, unless `mode` is "best-effort":
 * then the nearest known version's facts (the install self-tests decide whether they hold).
 */
export function factsFor({ adapter, name, met, table, mode }) {
  const known = Object.keys(table);
  if (Object.hasOwn(table, met)) return { met, used: met, facts: table[met] };
  if (mode === "best-effort") {
    const used = nearestVersion(met, known);
    return { met, used, facts: table[used] };
  }
  throw new Error(
    `${adapter} install(): ${name} ${met} is not a supported version; supported: ${known.join(", ")} ` +
      `(docs/versions.md). Load one of those, or pass { version: "best-effort" } to try the facts of the nearest one`,
  );
}

/**
 * The `install(interpreter, options)` both adapters export: checks the interpreter and
 * the options, then what every release has (`requires`: `{ interpreter, module }` names;
 * `precheck(interpreter)` may throw too), finds the interpreter's version
 * (`detect(interpreter)`, a string) and its facts (`facts`, keyed by version;
 * `factRequires(facts)` names the `_module` functions that release's facts use), and runs
 * `setUp(interpreter, { lifetime, package, facts, version })` once per interpreter (a
 * second call waits for the first, and must ask for the same options). Nothing is touched
 * before setUp. With `version: "best-effort"` on an unknown version, a failed check or
 * self-test says whose facts it used.
 */
export function makeInstall({ adapter, kind, setUp, requires, precheck = () => {}, detect, facts: table, factRequires }) {
  const names = { pyodide: "Pyodide", micropython: "MicroPython" };
  const loaders = { pyodide: "loadPyodide()", micropython: "loadMicroPython()" };
  const installs = new WeakMap();
  const lacking = (interpreter, { interpreter: own = [], module = [] }) => [
    ...own.filter((name) => interpreter[name] === undefined || interpreter[name] === null),
    ...module.filter((name) => typeof interpreter._module?.[name] !== "function").map((name) => `_module.${name}`),
  ];
  const lacks = (missing) =>
    new TypeError(
      `${adapter} install(): this object looks like a ${names[kind]} interpreter but lacks ${missing.join(", ")}; ` +
        `pass what ${loaders[kind]} resolves to, of a supported version (docs/versions.md)`,
    );
  return async function install(interpreter, options = {}) {
    const got = interpreterKind(interpreter);
    if (got !== kind) {
      const hint = names[got] ? `; for ${names[got]} load dist/ffi-${got}/index.js` : "";
      throw new TypeError(
        `${adapter} install(): expected a ${names[kind]} interpreter (what ${loaders[kind]} resolves to), got ${got}${hint}`,
      );
    }
    const basic = lacking(interpreter, requires);
    if (basic.length > 0) throw lacks(basic);
    checkOptions(adapter, options);
    const lifetime = options.lifetime ?? "auto";
    const pkg = options.package ?? "pyscript";
    const mode = options.version ?? "exact";
    const installed = installs.get(interpreter);
    if (installed === undefined) {
      precheck(interpreter);
      const met = detect(interpreter);
      const chosen = factsFor({ adapter, name: names[kind], met, table, mode });
      const borrowed = chosen.used !== met;
      const missing = lacking(interpreter, { module: factRequires(chosen.facts) });
      if (missing.length > 0 && borrowed) {
        throw new Error(
          `${adapter} install(): ${names[kind]} ${met} is not a supported version, and the facts of ${chosen.used} ` +
            `(version "best-effort") do not hold: it lacks ${missing.join(", ")}; supported: ${Object.keys(table).join(", ")}`,
        );
      }
      if (missing.length > 0) throw lacks(missing);
      const running = setUp(interpreter, { lifetime, package: pkg, facts: chosen.facts, version: chosen.used });
      const done = borrowed
        ? running.catch((error) => {
            throw new Error(
              `${adapter} install(): ${names[kind]} ${met} is not a supported version, and with version "best-effort" ` +
                `the facts of ${chosen.used} failed its self-tests: ${error?.message ?? error}`,
              { cause: error },
            );
          })
        : running;
      installs.set(interpreter, { lifetime, package: pkg, done });
      return done;
    }
    if (installed.package !== pkg) {
      throw new TypeError(
        `${adapter} install(): this interpreter is already installed with package ${JSON.stringify(installed.package)}; ` +
          `a second install() must not ask for ${JSON.stringify(pkg)} (load a new interpreter for that)`,
      );
    }
    if (installed.lifetime !== lifetime) {
      throw new TypeError(
        `${adapter} install(): this interpreter is already installed with lifetime ${JSON.stringify(installed.lifetime)}; ` +
          `a second install() must not ask for ${JSON.stringify(lifetime)} (load a new interpreter for that)`,
      );
    }
    return installed.done;
  };
}

/** What kind of interpreter object this is, for install()'s wrong-interpreter error. */
export function interpreterKind(value) {
  if (value && typeof value === "object") {
    if (typeof value.runPython === "function" && value.ffi && typeof value.loadPackage === "function") {
      return "pyodide";
    }
    if (typeof value.pyimport === "function" && value._module && typeof value._module._proxy_c_to_js_get_iter === "function") {
      return "micropython";
    }
  }
  return value === null ? "null" : typeof value;
}
