// The JS steps of the view operations (src/view/ops.rs). Each may run user code — a
// getter, a setter, a Proxy trap, an iterator — that throws; the Rust side imports them
// with `catch`, so a throw comes back as an error value, never unwinding through wasm.
// The decisions (what a value becomes, which shape an object has) are made in Rust.

const mapGet = Map.prototype.get;
const mapHas = Map.prototype.has;
const mapSet = Map.prototype.set;
const mapDelete = Map.prototype.delete;
const mapKeys = Map.prototype.keys;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
const setHas = Set.prototype.has;
const setValues = Set.prototype.values;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
const includes = Array.prototype.includes;

/**
 * 1 for a Map, 2 for a Set, 3 for the global object (a namespace, whatever its `length`:
 * a browser window has one), 4 for an ArrayBuffer or DataView (a sequence of bytes), else 0: by `instanceof` first (no exception on the common
 * path), confirmed by the internal slot the built-in size getter needs (a Proxy of a Map
 * or an object faking its prototype is no Map); no user code of the value runs but its
 * prototype chain (a Proxy's getPrototypeOf trap), whose throw counts as "neither".
 */
export function collection_kind(value) {
  // An Array, the common case, is none of them: answered before the instanceof walks.
  if (Array.isArray(value)) return 0;
  if (value === globalThis) return 3;
  if (value instanceof ArrayBuffer || value instanceof DataView) return 4;
  try {
    if (value instanceof Map) {
      mapSize.call(value);
      return 1;
    }
    if (value instanceof Set) {
      setSize.call(value);
      return 2;
    }
  } catch {
    // a Proxy or a fake: neither
  }
  return 0;
}

export const map_get = (map, key) => mapGet.call(map, key);
export const map_has = (map, key) => mapHas.call(map, key);
export const map_set = (map, key, value) => void mapSet.call(map, key, value);
export const map_delete = (map, key) => mapDelete.call(map, key);
export const set_has = (set, item) => setHas.call(set, item);
export const array_includes = (value, item) => includes.call(value, item);

/** `key in value`; a primitive (a symbol view) as its wrapper object, as JS property reads do. */
export const has_property = (value, key) => key in Object(value);

/** `value[key]`, a primitive (a symbol view) read through its wrapper object. */
export const get_property = (value, key) => Reflect.get(Object(value), key);

/** The iterator a view's iteration uses: Map keys, Set values, the object's own
 * Symbol.iterator, else its items by index (`length` read at each step, as JS does). */
export function iterator_of(value, kind) {
  if (kind === 1) return mapKeys.call(value);
  if (kind === 2) return setValues.call(value);
  const own = value[Symbol.iterator];
  if (typeof own === "function") {
    const iterator = own.call(value);
    if (iterator === null || (typeof iterator !== "object" && typeof iterator !== "function")) {
      throw new TypeError("Result of the Symbol.iterator method is not an object");
    }
    return iterator;
  }
  let index = 0;
  return {
    next: () => (index < value.length ? { done: false, value: value[index++] } : { done: true, value: undefined }),
  };
}

/** The next item of an iterator as `[item]`, or `[]` once it is done. */
export function next_of(iterator) {
  const step = iterator.next();
  if (step === null || (typeof step !== "object" && typeof step !== "function")) {
    throw new TypeError(`Iterator result ${String(step)} is not an object`);
  }
  return step.done ? [] : [step.value];
}

/** The bytes of an ArrayBuffer or DataView as a Uint8Array over the same memory (live). */
export const byte_view = (value) =>
  value instanceof DataView ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value);

/** Whether `value.then` is a function (what `await` takes for a thenable). */
export const is_thenable = (value) => typeof value.then === "function";

// The views whose items are its bytes; the internal type name (toString's tag), which
// holds across realms and is no property of the instance.
const BYTE_ITEMS = new Set(["[object DataView]", "[object Uint8Array]", "[object Uint8ClampedArray]"]);

/**
 * A copy of the bytes of a value whose items are bytes (an ArrayBuffer, a DataView, a
 * Uint8Array or Uint8ClampedArray); else undefined: bytes() of any other typed array reads
 * its items, as MicroPython's bytes() does.
 */
export function bytes_of_view(value) {
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer)) {
    return new Uint8Array(value.slice(0));
  }
  if (ArrayBuffer.isView(value) && BYTE_ITEMS.has(Object.prototype.toString.call(value))) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  return undefined;
}

/** "function TextStats", "object Date", "Array": for messages and reprs. Never throws. */
export function describe(value) {
  try {
    if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
    if (Array.isArray(value)) return "Array";
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === "string" && name ? `object ${name}` : "object";
  } catch {
    return typeof value;
  }
}

/** String(value), for str() of a view. */
export const to_text = (value) => String(value);

/** For a class called without `new`: a TypeError that also says how to construct it. */
export function construct_hint(error) {
  try {
    if (error instanceof TypeError && /without 'new'|requires 'new'|cannot be invoked without/.test(error.message)) {
      return new TypeError(`${error.message}; construct it with X.new(...) or ffi.construct(X, ...)`, { cause: error });
    }
  } catch {
    // a hostile error: keep it as it is
  }
  return error;
}
