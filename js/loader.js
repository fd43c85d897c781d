// Shared by both adapters' index.js (copied next to each by `make build`).

/** Initialise a wasm-bindgen module: from disk in Node, fetched in a browser. */
export async function loadWasm(init, wasmUrl) {
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  if (isNode && wasmUrl.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    await init({ module_or_path: await readFile(wasmUrl) });
  } else {
    await init({ module_or_path: wasmUrl });
  }
}

/**
 * An error in the wire form the Python shim raises (see crates/ffi-core/src/wire.rs):
 * bridge functions return it instead of throwing, because MicroPython 1.27 cannot catch
 * a JS throw inside a native call.
 */
export function wireError(pythonName, message) {
  return `\u0000${pythonName}\u0000${message}`;
}

/**
 * The wire form of an error JavaScript threw: the shim raises ffi.JsException, named and
 * worded as Pyodide does for a throw in any call (`thrown` is ffi-core's, which reads a
 * hostile value without throwing again).
 */
function jsErrorWire(error, thrown) {
  // A Python exception that crossed into JavaScript and back (a callback that raised): the
  // shim raises it again as its type where that is a built-in one.
  const [name, message] = thrown(error);
  let pythonType;
  try {
    pythonType = name === "PythonError" && error instanceof Error ? error.type : undefined;
  } catch {
    pythonType = undefined;
  }
  if (typeof pythonType === "string") return wireError("PythonError", `${pythonType}\u0000${message}`);
  return wireError("JsException", `${name}\u0000${message}`);
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
 * How a proxy reaches its Python object (ffi-core's js/proxy.js `calls`). `invoke` calls
 * the interpreter's callable so that Python receives its arguments by the canonical rules
 * (docs/lifetime.md): `nullish` is what the interpreter turns into None (Pyodide:
 * undefined; MicroPython: null), put in place of both null and undefined (so MicroPython
 * no longer drops trailing ones); arguments whose native crossing is not exact
 * (`needsBox`) send the whole call through the Python function the shim hands
 * `setCallBoxed`, which converts them with to_py. A returned None is null on both
 * interpreters. `attribute` and `method` are the shim's (ffi.py _attribute and
 * _call_attribute, handed over by `setObjectProtocol`); `fail(error)` reports the use of
 * a destroyed proxy (it throws, until the adapter sets another with `setFail`).
 */
export function callArguments(nullish, needsBox) {
  let callBoxed = null;
  let attribute = null;
  let method = null;
  // A Python None comes back as the interpreter's nullish value: null, as to_js says.
  const result = (value) => (value === undefined ? null : value);
  function invoke(target, args) {
    let plain = true;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === null || arg === undefined) {
        if (arg !== nullish) plain = false;
      } else if (needsBox(arg)) {
        return result(callBoxed(target, args));
      }
    }
    if (plain) return result(target(...args));
    return result(target(...args.map((arg) => (arg === null || arg === undefined ? nullish : arg))));
  }
  const calls = {
    invoke,
    attribute: (target, op, key, boxed) => attribute(target, op, key, boxed),
    // The shim gives the result boxed ([value]): exact whatever the interpreter.
    method: (target, key, args) => method(target, key, args)[0],
    // Replaced, not wrapped: MicroPython's guard reads who called it from the stack.
    fail(error) {
      throw error;
    },
    setCallBoxed(fn) {
      callBoxed = fn;
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

/**
 * Whether a string, number or BigInt crosses into Python natively and exactly on both
 * interpreters: MicroPython cuts strings at U+0000, wraps integers to 32 bits, and neither
 * keeps -0 or turns BigInt into int. Other values: true (they are not numbers or text).
 */
export function crossesExactly(value) {
  switch (typeof value) {
    case "string":
      return !value.includes("\u0000");
    case "number":
      return Number.isInteger(value)
        ? value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0)
        : Number.isFinite(value);
    case "bigint":
      return false;
    default:
      return true;
  }
}

/**
 * Bridge functions both adapters share, implemented over plain JS and the ledger; `core`
 * is what the shims and this glue use of ffi-core's wasm exports (`limits`,
 * `converter_error`, `thrown`).
 */
export function commonBridge(proxies, core) {
  // The JS error behind the last JsException, for the shim to attach (take_error).
  let lastError;
  const errorWire = (error) => {
    lastError = error;
    return jsErrorWire(error, core.thrown);
  };
  const isProxy = (value) => proxies.constructor.is_proxy(value);
  // Run JS that may throw; a throw comes back in the wire form (`adapt` may rewrite it).
  const guarded = (work, adapt = (error) => error) => {
    try {
      return work();
    } catch (error) {
      return errorWire(adapt(error));
    }
  };
  const boundGet = (target, key) => guarded(() => boxResult(Reflect.get(Object(target), key), isProxy));
  const boundCall = (target, thisArg, args) => {
    if (typeof target !== "function") {
      return wireError("TypeError", `bind: a JS ${describe(target)} is not callable`);
    }
    return guarded(() => boxResult(Reflect.apply(target, thisArg, args), isProxy), withConstructHint);
  };
  return {
    ...core,
    globalThis,
    construct(cls, args) {
      if (typeof cls !== "function") {
        return wireError(
          "TypeError",
          `construct: expected a JS class or constructor function, got ${cls === null ? "null" : typeof cls}`,
        );
      }
      return guarded(() => Reflect.construct(cls, args));
    },
    create_proxy: (target, objectId, site, typeName) => proxies.create(target, objectId, site ?? undefined, String(typeName)),
    proxy_sites: () => proxies.sites(),
    destroy_proxy: (value) => proxies.destroy_value(value),
    scope_enter: () => proxies.enter_scope(),
    proxy_serial: () => proxies.serial(),
    release_created_since: (mark, created) => proxies.release_created_since(mark, created),
    push_created_since(mark, handedOut, into) {
      into.push(...proxies.created_since(mark, handedOut));
    },
    is_array: (value) => Array.isArray(value),
    scope_exit: (id, kept) => proxies.exit_scope(id, kept),
    stats: () => proxies.stats(),
    // ffi.bind: every JS error is caught here and returned in the wire form; results come
    // boxed (see boxResult) so that the shim converts data with to_py.
    bound_get: boundGet,
    bound_item: (target, boxedKey) => boundGet(target, boxedKey[0]),
    bound_items(target) {
      const iterable = target !== null && typeof target === "object" || typeof target === "function";
      if (!iterable || (typeof target[Symbol.iterator] !== "function" && typeof target.length !== "number")) {
        return wireError("TypeError", `bind: a JS ${describe(target)} is not iterable (no Symbol.iterator, no length)`);
      }
      return guarded(() => Array.from(target, (item) => boxResult(item, isProxy)));
    },
    bound_set(target, key, boxed) {
      return guarded(() =>
        Reflect.set(Object(target), key, boxed[0])
          ? ""
          : wireError("TypeError", `bind: JavaScript refused to set the property ${JSON.stringify(String(key))}`),
      );
    },
    bound_call_plain: (target, thisArg, ...args) => boundCall(target, thisArg, args),
    bound_call: boundCall,
    bound_describe: (target) => describe(target),
    // The wire form of `error`, remembered for take_error (MicroPython's guard).
    error_wire: errorWire,
    // A JS Error with this name and message, for a thrown value that is not one (Pyodide).
    make_error: (name, message) => Object.assign(new Error(message), { name }),
    take_error() {
      const error = lastError;
      lastError = undefined;
      return error;
    },
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
        const [name, message] = core.thrown(error);
        return wireError("TypeError", `assign: JavaScript raised ${name}: ${message}`);
      }
    },
    is_function: (value) => typeof value === "function",
    // A Python dict_converter wrapped by the shim returns its result boxed ([value]).
    unboxing: (converter) => (pairs) => converter(pairs)[0],
  };
}

/** For a class called without `new`, a TypeError that also says how to construct it. */
function withConstructHint(error) {
  if (error instanceof TypeError && /without 'new'|requires 'new'/.test(error.message)) {
    return new TypeError(`${error.message}; construct it with X.new(...) or ffi.construct(X, ...)`, { cause: error });
  }
  return error;
}

/**
 * A bound result for the Python shim (ffi.py _bound_result): `[value]` for an ffi proxy
 * (to_py gives its Python object back); "\0" for null and undefined;
 * strings (without U+0000), booleans, int32 integers and non-integral numbers as
 * they are (they cross natively exactly alike on both interpreters); `[value]` for what it
 * converts with to_py (other numbers, BigInt, arrays, plain data objects, Maps, Sets,
 * bytes); any other object or function as it is, to bind again — plain objects that are
 * namespaces rather than data (methods, accessors or a Symbol.toStringTag: JSON, Math,
 * console) included.
 */
function boxResult(value, isProxy) {
  // An ffi proxy goes through to_py, which gives Python its Python object back.
  if (isProxy(value)) return [value];
  switch (typeof value) {
    case "undefined":
      return "\u0000";
    case "boolean":
      return value;
    case "string":
    case "number":
      return crossesExactly(value) ? value : [value];
    case "function":
      return value;
    case "object":
      break;
    default:
      return [value];
  }
  if (value === null) return "\u0000";
  if (Array.isArray(value) || value instanceof Map || value instanceof Set || value instanceof Uint8Array || value instanceof ArrayBuffer) {
    return [value];
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  if (Symbol.toStringTag in value) return value;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor && (typeof descriptor.value === "function" || descriptor.get)) return value;
  }
  return [value];
}

/** "function TextStats", "object Date", "object": for messages and reprs. */
function describe(value) {
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  if (value === null || typeof value !== "object") return typeof value;
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name ? `object ${name}` : "object";
}

/** Write `[path, text]` pairs below `root` in an Emscripten file system. */
export function writePythonFiles(FS, root, files) {
  for (const [path, text] of files) {
    const full = `${root}/${path}`;
    const parts = full.split("/").filter(Boolean);
    let dir = "";
    for (const part of parts.slice(0, -1)) {
      dir += `/${part}`;
      if (!FS.analyzePath(dir).exists) FS.mkdir(dir);
    }
    FS.writeFile(full, text);
  }
}

/** The Python that makes `from pyscript import ffi` work after the files are written. */
export function activationSource(root) {
  return [
    "import sys",
    `if ${JSON.stringify(root)} not in sys.path:`,
    `    sys.path.insert(0, ${JSON.stringify(root)})`,
    "import pyscript.ffi",
  ].join("\n");
}

export const PYTHON_ROOT = "/_pyscript_ffi";

export const LIFETIMES = ["auto", "manual"];

/** Reject unknown option names and values with a message that says what is accepted. */
export function checkOptions(adapter, options) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${adapter} install(): options must be an object, got ${typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== "lifetime") {
      throw new TypeError(`${adapter} install(): unknown option ${JSON.stringify(key)}; accepted: lifetime`);
    }
  }
  if (options.lifetime !== undefined && !LIFETIMES.includes(options.lifetime)) {
    throw new TypeError(
      `${adapter} install(): lifetime must be one of ${LIFETIMES.join(", ")}, got ${JSON.stringify(options.lifetime)}`,
    );
  }
}

/**
 * The `install(interpreter, options)` both adapters export: checks the interpreter and
 * the options, and runs `setUp(interpreter, { lifetime })` once per interpreter (a second
 * call waits for the first, and must ask for the same lifetime).
 */
export function makeInstall({ adapter, kind, setUp, requires = { interpreter: [], module: [] } }) {
  const names = { pyodide: "Pyodide", micropython: "MicroPython" };
  const loaders = { pyodide: "loadPyodide()", micropython: "loadMicroPython()" };
  const installs = new WeakMap();
  return async function install(interpreter, options = {}) {
    const got = interpreterKind(interpreter);
    if (got !== kind) {
      const hint = names[got] ? `; for ${names[got]} load dist/ffi-${got}/index.js` : "";
      throw new TypeError(
        `${adapter} install(): expected a ${names[kind]} interpreter (what ${loaders[kind]} resolves to), got ${got}${hint}`,
      );
    }
    const missing = [
      ...requires.interpreter.filter((name) => interpreter[name] === undefined || interpreter[name] === null),
      ...requires.module.filter((name) => typeof interpreter._module?.[name] !== "function").map((name) => `_module.${name}`),
    ];
    if (missing.length > 0) {
      throw new TypeError(
        `${adapter} install(): this object looks like a ${names[kind]} interpreter but lacks ${missing.join(", ")}; ` +
          `pass what ${loaders[kind]} resolves to, of a supported version (docs/conversions.md)`,
      );
    }
    checkOptions(adapter, options);
    const lifetime = options.lifetime ?? "auto";
    const installed = installs.get(interpreter);
    if (installed === undefined) {
      const done = setUp(interpreter, { lifetime });
      installs.set(interpreter, { lifetime, done });
      return done;
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
    if (typeof value.pyimport === "function" && value._module && typeof value._module._proxy_c_to_js_get_array === "function") {
      return "micropython";
    }
  }
  return value === null ? "null" : typeof value;
}
