// The JS side of a proxy: while alive it forwards to the interpreter's own proxy of the
// Python object; once destroyed every use throws one fixed error. A callable becomes a JS
// function; any other object a JS Proxy whose prototype is PythonObjectProxy.prototype
// (so to_py and typeof tell it from plain data). The cell is what the core clears on
// release; holding it does not keep the proxy alive.
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

export function make_proxy(cell, handle, onDestroy, invoke, fail, callable, typeName) {
  const destroy = () => onDestroy(handle);
  // The live target; after destroy(), `fail` reports the use (it never returns).
  const live = () => (cell.target === null ? fail(destroyed()) : cell.target);
  if (callable) {
    const proxy = function (...args) {
      return invoke(live(), args);
    };
    Object.defineProperty(proxy, "destroy", { value: destroy });
    Object.defineProperty(proxy, DISPOSE, { value: destroy });
    MADE.set(proxy, { handle, cell, typeName });
    return proxy;
  }
  // Own members shadow the Python object's attributes of the same name.
  const own = new Map([
    ["destroy", destroy],
    [DISPOSE, destroy],
  ]);
  // Only string keys reach Python: symbols are JS protocol, not attributes.
  const proxy = new Proxy(Object.create(PythonObjectProxy.prototype), {
    get: (_, key) => (own.has(key) ? own.get(key) : typeof key === "string" ? live()[key] : undefined),
    set(_, key, value) {
      if (typeof key !== "string" || own.has(key)) return false;
      live()[key] = value;
      return true;
    },
    has: (_, key) => own.has(key) || (typeof key === "string" && key in live()),
    deleteProperty: (_, key) => typeof key === "string" && !own.has(key) && delete live()[key],
    ownKeys: () => [...new Set(Reflect.ownKeys(live()).filter((key) => typeof key === "string"))],
    getOwnPropertyDescriptor(_, key) {
      if (typeof key !== "string" || own.has(key) || !(key in live())) return undefined;
      return { value: live()[key], writable: true, enumerable: true, configurable: true };
    },
  });
  MADE.set(proxy, { handle, cell, typeName });
  return proxy;
}

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
