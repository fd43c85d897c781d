// Catchable JS errors on MicroPython 1.27 to 1.29 (docs/construction.md, "Errors").
//
// MicroPython cannot catch a JS throw inside one of its native calls: the throw unwinds
// its C frames past its exception handlers and leaves it unsafe to use. Every JS function
// Python reaches (through `js`, `pyscript.window`, or any object they return) sits in
// MicroPython's table of JS values, `proxy_js_ref`; the guard puts a call-through Proxy of
// the function in that slot when MicroPython adds it. A call, a construction or an access
// to the function's own attributes that throws is then raised as a Python exception the
// way MicroPython's own `raise` does: a longjmp through its handler chain, started by its
// export `_proxy_c_to_js_get_iter` on a Python object whose `__iter__` raises (that export
// runs Python with no handler of its own).
//
// Only functions get a guard, never objects: a Proxy of a DOM node or typed array is not
// accepted by the APIs that take one, while a Proxy of a function is called, constructed,
// subclassed and read exactly like it. MicroPython's key for the slot stays the original,
// so a value reaching Python twice is one JsProxy, equal to itself, as before.
//
// Three rules keep the raise safe: it is only taken when the call came straight from one
// of MicroPython's native functions (C code under a Python handler calls them; JavaScript
// calling a guarded function gets the JS error thrown as usual); only while JavaScript is
// inside one of MicroPython's handler-protected entry points (its `external_call_depth`,
// found at install, is above 0: Python that JavaScript entered by iterating a Python
// object at top level has no handler to reach, and MicroPython would hang); and never
// inside a try block here (the longjmp would stop in it) — a longjmp already on its way
// through a guarded call is thrown on untouched.

// Frames from this file are the guard's own; so are those of ffi's proxies, which raise
// through the guard when Python uses a destroyed one (ffi-core's js/proxy.js, a
// wasm-bindgen snippet below this folder).
const OWN_URL = import.meta.url;
const OWN_DIR = new URL("./", import.meta.url).href;
const isOwn = (url) => url === OWN_URL || (url.startsWith(OWN_DIR) && url.endsWith("/js/proxy.js"));

// The attribute by which a view gives the JS value it wraps (python/pyscript/_ffi/views.py).
const VIEW_TARGET = "__ffi_js__";

/** A NUL-terminated copy of ASCII `text` in MicroPython's heap, kept for its lifetime. */
function cString(M, text) {
  const at = M._malloc(text.length + 1);
  for (let i = 0; i < text.length; i++) M.setValue(at + i, text.charCodeAt(i), "i8");
  M.setValue(at + text.length, 0, "i8");
  return at;
}

// guarded function -> original, and back (one guard per function, for as long as it lives:
// JavaScript sees the same function each time Python hands it over).
const originals = new WeakMap();
const guards = new WeakMap();

/** The original behind a guarded function; any other value as it is. */
export function unwrap(value) {
  return originals.get(value) ?? value;
}

/** `{ name, url }` of one stack line (V8: "    at name (url:1:2)"; SpiderMonkey and
 * JavaScriptCore: "name@url:1:2"), null for a line that is not a frame. */
function parseFrame(line) {
  const match = /^\s*at (?:async )?(?:(.*?) \()?(.*?):\d+:\d+\)?$/.exec(line) ?? /^(.*?)@(.*?):\d+:\d+$/.exec(line);
  if (!match) return null;
  return { name: (match[1] ?? "").split(".").pop(), url: match[2] };
}

/** The first frame on the stack that is not this file's, or null. */
function caller() {
  const stack = new Error().stack;
  if (typeof stack !== "string") return null;
  for (const line of stack.split("\n")) {
    const frame = parseFrame(line);
    if (frame !== null && !isOwn(frame.url)) return frame;
  }
  return null;
}

// The bytes of MicroPython's memory searched for `external_call_depth` (its static data;
// versions.js has its address in each release's default build).
const STATIC_DATA_BYTES = 1 << 20;

/** The addresses of the 32-bit words that read `value` in the first STATIC_DATA_BYTES. */
function scanWords(M, value) {
  const found = [];
  for (let address = 0; address < STATIC_DATA_BYTES; address += 4) {
    if (M.getValue(address, "i32") === value) found.push(address);
  }
  return found;
}

// MicroPython's tables that carry a guard.
const guardedTables = new WeakSet();

/**
 * MicroPython's table of JS values and its map (`{ table, slots }`), checked to be there and
 * to carry no guard yet; else an Error (install() calls it before it reads anything
 * through them, such as the version).
 */
export function checkOwnTables() {
  // MicroPython (1.27 to 1.29) keeps these on globalThis; each instance loaded replaces them.
  const table = globalThis.proxy_js_ref;
  const slots = globalThis.proxy_js_ref_map;
  if (!Array.isArray(table) || !(slots instanceof Map)) {
    throw new Error(
      "ffi-micropython install(): MicroPython's proxy_js_ref / proxy_js_ref_map tables are missing; this MicroPython is not a supported release (docs/versions.md)",
    );
  }
  if (guardedTables.has(slots)) {
    throw new Error(
      "ffi-micropython install(): another MicroPython instance shares this one's proxy tables (MicroPython keeps them " +
        "on globalThis, and two instances loaded in one JS realm corrupt each other); load one MicroPython per page, worker or process",
    );
  }
  return { table, slots };
}

/**
 * Guard the JS functions MicroPython calls (`M` is `mp._module`, `facts` its release's row
 * of versions.js: the native callers, the JsProxy kind and where `external_call_depth`
 * is expected). `keepAsIs(fn)` says which
 * functions stay unguarded (ffi's own proxies); `wireOf(error)` turns a JS error into the
 * wire form the Python shim raises; `crossesSafely(value)` (ffi-core's) tells what
 * MicroPython's own crossing into Python can take.
 */
export function installGuard(M, facts, keepAsIs, wireOf, crossesSafely) {
  // MicroPython's JS functions that C code calls to call, construct or read or write an
  // attribute of a JS value, and its proxy kind of a JsProxy in a conversion record
  // (`value` + 4: its ref).
  const NATIVE_CALLERS = new Set(facts.nativeCallers);
  const JSPROXY_KIND = facts.layout.kind_jsproxy;
  const { table, slots } = checkOwnTables();
  guardedTables.add(slots);
  // A view (ffi's `_View`, docs/views.md) reaches JavaScript as MicroPython's proxy of a
  // Python callable, a function whose attributes JavaScript cannot read: the guard asks
  // MicroPython itself for the view's VIEW_TARGET attribute (has_attr never raises; the
  // lookup runs only when it is there) and passes the JS value it wraps instead.
  const viewName = cString(M, VIEW_TARGET);
  const viewOut = M._malloc(12);
  function viewTarget(value) {
    const ref = value._ref;
    if (!Number.isInteger(ref) || !M._proxy_c_to_js_has_attr(ref, viewName)) return value;
    M._proxy_c_to_js_lookup_attr(ref, viewName, viewOut);
    return M.getValue(viewOut, "i32") === JSPROXY_KIND ? unwrap(table[M.getValue(viewOut + 4, "i32")]) : value;
  }
  // How the release's Emscripten throws a longjmp (versions.js `longjmp`): `throw Infinity`
  // (1.27, 1.28), or an instance of its class EmscriptenSjLj (1.29). Proven at install
  // (arm_guard's self-test raises through JavaScript iterating Python).
  const isLongjmp =
    facts.longjmp === "Infinity"
      ? (error) => error === Infinity
      : (error) => {
          if (error === null || typeof error !== "object") return false;
          try {
            return Object.getPrototypeOf(error)?.constructor?.name === facts.longjmp;
          } catch {
            return false;
          }
        };
  let raiser = null;
  let micropythonUrl = null;
  let pendingWire = "";
  // Where MicroPython keeps `external_call_depth` (main.c): the word of its static data
  // that reads 0 here (install() runs outside Python) and then 1, 2, 3 in calls nested that
  // deep (guard_probe): the release's known address if it passes, else the only other one.
  // Only the known address is followed while it passes (scanning the static data costs
  // more than the rest of the guard's set-up); the first probe it fails scans for the
  // words that read that depth, and the later probes narrow those down.
  const knownDepth = facts.externalCallDepth;
  let depthScanned = !(Number.isInteger(knownDepth) && M.getValue(knownDepth, "i32") === 0);
  let depthCandidates = depthScanned ? scanWords(M, 0) : [knownDepth];
  let depthAddress = null;

  function raise(error) {
    // Emscripten's longjmp: a MicroPython raise passing through a call that went back into
    // Python; it must reach its handler untouched.
    if (isLongjmp(error)) throw error;
    if (depthAddress === null || M.getValue(depthAddress, "i32") === 0) throw error;
    const from = raiser === null ? null : caller();
    if (from === null || from.url !== micropythonUrl || !NATIVE_CALLERS.has(from.name)) throw error;
    pendingWire = wireOf(error);
    M._proxy_c_to_js_get_iter(raiser._ref);
    // Not reached: the Python raise unwinds this frame.
    throw error;
  }

  // Arguments reach the original as originals (only functions are ever guarded); so do
  // the values of a trailing plain object (MicroPython's keyword arguments). `args` is the
  // fresh array the Proxy call made. An argument that cannot be inspected (a Proxy whose
  // traps throw) is passed as it is.
  function unwrapArguments(args) {
    for (let i = 0; i < args.length; i++) {
      if (typeof args[i] === "function") args[i] = viewTarget(unwrap(args[i]));
    }
    const last = args[args.length - 1];
    if (typeof last === "object" && last !== null) {
      try {
        if (Object.getPrototypeOf(last) === Object.prototype) {
          for (const key of Object.keys(last)) {
            if (typeof last[key] === "function") last[key] = unwrap(last[key]);
          }
        }
      } catch {
        // Not MicroPython's keyword object.
      }
    }
    return args;
  }

  // What a guarded call hands MicroPython must be something its own crossing into Python
  // can take: a revoked Proxy (or one whose getPrototypeOf trap throws) would make it throw
  // where it cannot catch; it is raised as a TypeError instead.
  function crossing(value) {
    if (crossesSafely(value)) return value;
    return raise(
      new TypeError(
        "a JavaScript value whose prototype cannot be read (a revoked Proxy, or a Proxy whose getPrototypeOf trap throws), or a function that claims a `_ref` it does not have, cannot reach Python",
      ),
    );
  }

  const traps = {
    // Attributes of the function itself (`Date.now`, a static getter) are read and written
    // with the function as `this`, as JavaScript reading them directly would.
    get(target, key) {
      let value;
      try {
        value = Reflect.get(target, key);
      } catch (error) {
        return raise(error);
      }
      return crossing(value);
    },
    set(target, key, value) {
      let done;
      try {
        done = Reflect.set(target, key, typeof value === "function" ? unwrap(value) : value);
      } catch (error) {
        return raise(error);
      }
      if (!done) raise(new TypeError(`Cannot assign to read only property '${String(key)}' of function '${target.name}'`));
      return true;
    },
    apply(target, thisArg, args) {
      let result;
      try {
        result = Reflect.apply(target, typeof thisArg === "function" ? unwrap(thisArg) : thisArg, unwrapArguments(args));
      } catch (error) {
        return raise(error);
      }
      return crossing(result);
    },
    construct(target, args, newTarget) {
      let result;
      try {
        result = Reflect.construct(target, unwrapArguments(args), unwrap(newTarget));
      } catch (error) {
        return raise(error);
      }
      return crossing(result);
    },
  };

  function guarded(value) {
    if (typeof value !== "function" || originals.has(value) || keepAsIs(value)) return value;
    let made = guards.get(value);
    if (made === undefined) {
      try {
        // MicroPython's own proxies of Python callables carry `_ref`: they stay as they are.
        if (Object.hasOwn(value, "_ref")) return value;
      } catch {
        return value;
      }
      made = new Proxy(value, traps);
      originals.set(made, value);
      guards.set(value, made);
    }
    return made;
  }

  // MicroPython writes a new JS value into `table[id]`, then `slots.set(value, id)`; its
  // lookups and frees go through `slots` too. These own properties of that one Map (no
  // built-in is touched) put the guarded function in the slot and keep the original as key.
  const { get, set, delete: remove } = Map.prototype;
  Object.defineProperties(slots, {
    get: { configurable: true, writable: true, value: (key) => get.call(slots, unwrap(key)) },
    delete: { configurable: true, writable: true, value: (key) => remove.call(slots, unwrap(key)) },
    set: {
      configurable: true,
      writable: true,
      value(key, id) {
        const original = unwrap(key);
        set.call(slots, original, id);
        if (table[id] === key) table[id] = guarded(original);
        return slots;
      },
    },
  });

  return {
    /** Raise `error` in the Python code that made the current call, if MicroPython's own
     * native function made it; else throw it (see the rules at the top). Never returns. */
    raise,
    /** Bridge functions for the Python shim (_pyscript_ffi_impl.py arm_guard). */
    bridge: {
      // The raiser: a Python object whose __iter__ raises guard_error(). This call also
      // shows which script MicroPython's native functions live in.
      guard_arm(pythonRaiser) {
        const from = caller();
        const found = depthCandidates.filter((address) => M.getValue(address, "i32") === 1);
        depthCandidates = [];
        const known = found.includes(knownDepth);
        if (from === null || !NATIVE_CALLERS.has(from.name) || (!known && found.length !== 1)) return false;
        depthAddress = known ? knownDepth : found[0];
        raiser = pythonRaiser;
        micropythonUrl = from.url;
        return true;
      },
      // Keep the candidates for external_call_depth that read `depth` now.
      guard_probe(depth) {
        depthCandidates = depthCandidates.filter((address) => M.getValue(address, "i32") === depth);
        if (depthCandidates.length === 0 && !depthScanned) {
          depthScanned = true;
          depthCandidates = scanWords(M, depth);
        }
      },
      // Call a Python callable from JavaScript: one entry point deeper.
      guard_nest: (callable) => callable(),
      guard_error() {
        const wire = pendingWire;
        pendingWire = "";
        return wire;
      },
      // Throws, to prove at install that a guarded call raises in Python.
      guard_selftest() {
        throw new Error("pyscript.ffi guard self-test");
      },
      // JavaScript iterating a Python object whose __iter__ makes a guarded call that
      // raises: the raise passes through this guarded call as a longjmp, which must go on
      // untouched (proves versions.js `longjmp` at install).
      guard_iterate(iterable) {
        for (const item of iterable) void item;
      },
    },
  };
}
