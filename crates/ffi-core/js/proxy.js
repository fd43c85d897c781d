// The JS side of a proxy: a function that forwards to the interpreter's own callable
// while alive and throws one fixed error once destroyed. The cell is what the core
// clears on release; holding it does not keep the function alive.
export const DESTROYED_MESSAGE =
  "pyscript.ffi: this proxy was destroyed (destroy() or ffi.destroy()); create a new one with ffi.create_proxy()";

const HANDLE = Symbol("pyscript.ffi proxy handle");

export function make_proxy_function(cell, handle, onDestroy) {
  const proxy = function (...args) {
    const target = cell.target;
    if (target === null) {
      const error = new Error(DESTROYED_MESSAGE);
      error.name = "ProxyDestroyedError";
      throw error;
    }
    return target(...args);
  };
  const destroy = () => onDestroy(handle);
  Object.defineProperty(proxy, "destroy", { value: destroy });
  Object.defineProperty(proxy, Symbol.dispose ?? Symbol.for("Symbol.dispose"), { value: destroy });
  Object.defineProperty(proxy, HANDLE, { value: handle });
  return proxy;
}

export function proxy_handle(value) {
  return typeof value === "function" && HANDLE in value ? value[HANDLE] : undefined;
}

export function clear_cell(cell) {
  cell.target = null;
}

export function new_cell(target) {
  return { target };
}
