// The JS side of a proxy: while alive it reaches the Python object through the
// interpreter's own proxy of it (the cell's target); once destroyed every use fails with
// one fixed error. A callable becomes a JS function; any other object a JS Proxy whose
// prototype is PythonObjectProxy.prototype (so to_py and typeof tell it from plain data),
// whose properties are the object's Python attributes, read and written through the
// shim (`calls.attribute`, _ffi/callbacks.py _attribute), the same on every interpreter. The cell is
// what the core clears on release; holding it does not keep the proxy alive.
export const DESTROYED_MESSAGE =
  "pyscript.ffi: this proxy was destroyed (destroy() or ffi.destroy()); create a new one with ffi.create_proxy()";

// Every proxy made here -> { handle, cell, typeName }. Looking a value up runs none of its code
// (a foreign Proxy's traps would: `key in pyodideProxy` calls into Python).
const MADE = new WeakMap();
const DISPOSE = Symbol.dispose ?? Symbol.for("Symbol.dispose");

/** The prototype of object proxies: `p instanceof PythonObjectProxy` is how JS can tell. */
export class PythonObjectProxy {}

function destroyed() {
  const error = new Error(DESTROYED_MESSAGE);
  error.name = "ProxyDestroyedError";
  return error;
}

/**
 * `calls` is the adapter's (js/loader.js callArguments): `invoke(target, args)` calls a
 * callable; `attribute(target, op, key, boxed)` and `method(target, key, args)` reach an
 * object's attributes; `fail(error)` reports the use of a destroyed proxy (never returns).
 */
export function make_proxy(cell, handle, onDestroy, calls, callable, typeName) {
  const destroy = () => onDestroy(handle);
  const live = () => (cell.target === null ? calls.fail(destroyed()) : cell.target);
  if (callable) {
    const proxy = function (...args) {
      return calls.invoke(live(), args);
    };
    Object.defineProperty(proxy, "destroy", { value: destroy });
    Object.defineProperty(proxy, DISPOSE, { value: destroy });
    MADE.set(proxy, { handle, cell, typeName });
    return proxy;
  }
  // Own members shadow the Python object's attributes of the same name; toString gives
  // str(obj), so that String(p) and template literals work (as for any JS object).
  const own = new Map([
    ["destroy", destroy],
    [DISPOSE, destroy],
    ["toString", () => calls.attribute(live(), ATTRIBUTE.str, "", null)],
  ]);
  // A callable attribute (a method) is read as a JS function that calls it: the same
  // function each time, and no proxy of a fresh bound method per read.
  const methods = new Map();
  const method = (key) => {
    let call = methods.get(key);
    if (call === undefined) {
      call = (...args) => calls.method(live(), key, args);
      methods.set(key, call);
    }
    return call;
  };
  // _attribute's answer to a read: [] for no such attribute, [value], or [null, true] for a method.
  const read = (key) => {
    const found = calls.attribute(live(), ATTRIBUTE.get, key, null);
    return found.length === 0 ? NOTHING : found.length === 2 ? method(key) : found[0];
  };
  // Only string keys reach Python: symbols are JS protocol, not attributes.
  const proxy = new Proxy(Object.create(PythonObjectProxy.prototype), {
    get(_, key) {
      if (own.has(key)) return own.get(key);
      if (typeof key !== "string") return undefined;
      const value = read(key);
      return value === NOTHING ? undefined : value;
    },
    set(_, key, value) {
      if (typeof key !== "string" || own.has(key)) return false;
      calls.attribute(live(), ATTRIBUTE.set, key, [value]);
      return true;
    },
    has: (_, key) => own.has(key) || (typeof key === "string" && calls.attribute(live(), ATTRIBUTE.has, key, null) === true),
    deleteProperty: (_, key) =>
      typeof key === "string" && !own.has(key) && calls.attribute(live(), ATTRIBUTE.delete, key, null) === true,
    ownKeys: () => [...calls.attribute(live(), ATTRIBUTE.keys, "", null)],
    getOwnPropertyDescriptor(_, key) {
      if (typeof key !== "string" || own.has(key)) return undefined;
      const value = read(key);
      return value === NOTHING ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  MADE.set(proxy, { handle, cell, typeName });
  return proxy;
}

// The operations of `calls.attribute`: the contract with python/pyscript/_ffi/callbacks.py _attribute.
const ATTRIBUTE = { get: 0, set: 1, has: 2, delete: 3, keys: 4, str: 5 };
const NOTHING = Symbol("no such attribute");

export function proxy_handle(value) {
  return MADE.get(value)?.handle;
}

/** The interpreter's proxy behind one of ours (the Python object, for to_py), if alive. */
export function proxy_target(value) {
  return MADE.get(value)?.cell.target ?? undefined;
}

/** The Python type name of the object behind one of ours, if it is one. */
export function proxy_type_name(value) {
  return MADE.get(value)?.typeName;
}

export function clear_cell(cell) {
  cell.target = null;
}

export function new_cell(target) {
  return { target };
}
