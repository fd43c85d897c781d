// Reads of JS values that input controls, for the Rust walkers (src/js.rs). Each may run
// user code — a getter, a Proxy trap — that throws; the Rust side imports them with
// `catch`, so a throw comes back as an error value and never unwinds through wasm frames
// (which would skip the restore of wasm's stack pointer and, after a few thousand
// failures, corrupt the module's memory).

export const is_array = (value) => Array.isArray(value);
export const length_of = (value) => value.length;
export const item_of = (value, index) => value[index];
export const keys_of = (value) => Object.keys(value);
export const prototype_of = (value) => Object.getPrototypeOf(value);
export const property_of = (value, key) => Reflect.get(value, key);

// A Map's entries and a Set's items through the built-in iterators, whatever the instance
// overrides: bounded by the collection's size, and never user code.
const mapEntries = Map.prototype.entries;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
const setValues = Set.prototype.values;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;

export function map_entries(map) {
  const out = new Array(mapSize.call(map));
  let i = 0;
  for (const entry of { [Symbol.iterator]: () => mapEntries.call(map) }) out[i++] = entry;
  return out;
}

export function set_items(set) {
  const out = new Array(setSize.call(set));
  let i = 0;
  for (const item of { [Symbol.iterator]: () => setValues.call(set) }) out[i++] = item;
  return out;
}

export const collection_size = (value) => (value instanceof Map ? mapSize.call(value) : setSize.call(value));

/**
 * A copy of the bytes of a Uint8Array or ArrayBuffer, through the typed-array constructor
 * (internal slots, never the value's own `slice` or `constructor`); a detached buffer throws.
 */
export const bytes_of = (value) => new Uint8Array(value instanceof ArrayBuffer ? new Uint8Array(value) : value);

/** Whether a string has no lone surrogate. */
export const is_well_formed =
  typeof String.prototype.isWellFormed === "function" ? (text) => text.isWellFormed() : (text) => !/\p{Cs}/u.test(text);

/**
 * Whether an interpreter's own crossing of the value into Python can take it: every step of
 * its prototype chain can be read (what `instanceof` needs; MicroPython's crossing throws,
 * uncatchably, on a revoked Proxy or a Proxy whose getPrototypeOf trap throws), and a
 * function does not claim a `_ref` it does not have as a number (MicroPython takes such a
 * function for one of its own proxies of a Python object).
 */
export function crosses_safely(value) {
  try {
    void (value instanceof Object);
    return typeof value !== "function" || !("_ref" in value) || Number.isInteger(value._ref);
  } catch {
    return false;
  }
}

/**
 * `[name, message]` of a thrown value, as Pyodide words them for a throw in any call: an
 * Error's own name and message; any other value is named "Error", a string its message,
 * anything else described. Never throws, whatever the value's getters and traps do.
 */
export function thrown_parts(error) {
  const text = (read) => {
    try {
      const value = read();
      return typeof value === "string" ? value : value === undefined ? "" : String(value);
    } catch {
      return "";
    }
  };
  let isError = false;
  try {
    isError = error instanceof Error;
  } catch {
    // A revoked Proxy or a throwing trap: not an Error that can be read.
  }
  if (isError) return [text(() => error.name) || "Error", text(() => error.message)];
  if (typeof error === "string") return ["Error", error];
  return ["Error", describeThrown(error)];
}

/** Pyodide's words for a thrown value that is neither an Error nor a string. */
function describeThrown(value) {
  const attempt = (fn) => {
    try {
      return `"""${fn()}"""`;
    } catch {
      return null;
    }
  };
  const interpolated = attempt(() => `${value}`);
  const converted = attempt(() => value.toString());
  let tag;
  try {
    tag = Object.prototype.toString.call(value);
  } catch {
    tag = "[object ?]";
  }
  return (
    `A value of type ${typeof value} with tag ${tag} was thrown as an error!\n` +
    `String interpolation of the thrown value ${interpolated === null ? "fails" : `gives ${interpolated}`}.\n` +
    `The thrown value's toString method ${converted === null ? "fails" : `returns ${converted}`}.`
  );
}

/**
 * The Python type name of an Error both interpreters throw for an exception raised in a
 * callback (named PythonError, with a string `.type`), else undefined. Never throws.
 */
export function python_error_type(error) {
  try {
    return error instanceof Error && error.name === "PythonError" && typeof error.type === "string" ? error.type : undefined;
  } catch {
    return undefined;
  }
}
