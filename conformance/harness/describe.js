// The canonical description of a JS value that expected-result files hold: type,
// constructor, contents and identity (an id per object in first-seen order; a second
// sighting is {"ref": id}). Plain-object keys are listed sorted: dict iteration order is
// the interpreter's own (hash order on MicroPython), so order is checked by cases that
// compare it with Python's, not by the description (docs/conversions.md, "Key order").
export function describe(root) {
  const ids = new Map();
  const number = (v) =>
    Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "-0" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : v;
  function d(v) {
    if (v === undefined) return { type: "undefined" };
    if (v === null) return { type: "null" };
    switch (typeof v) {
      case "boolean":
        return { type: "boolean", value: v };
      case "number":
        return { type: "number", value: number(v) };
      case "bigint":
        return { type: "bigint", value: v.toString() };
      case "string":
        return { type: "string", value: v };
      case "symbol":
        return { type: "symbol", value: String(v.description) };
    }
    if (ids.has(v)) return { ref: ids.get(v) };
    const id = ids.size;
    ids.set(v, id);
    const proto = Object.getPrototypeOf(v);
    const ctor = proto === null ? null : typeof proto.constructor === "function" ? proto.constructor.name : "?";
    if (typeof v === "function") return { type: "function", id, ctor };
    if (Array.isArray(v)) {
      const items = [];
      for (let i = 0; i < v.length; i++) items.push(i in v ? d(v[i]) : { type: "hole" });
      return { type: "array", id, ctor, items };
    }
    if (v instanceof Map) {
      // Entry order follows the dict it came from (hash order on MicroPython): entries are
      // described by value, on their own, and sorted.
      const entries = [...v].map(([k, x]) => [describe(k), describe(x)]);
      entries.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      return { type: "map", id, ctor, entries };
    }
    if (v instanceof Set) {
      // A set's iteration order is the interpreter's own (hash order): items are
      // described by value, on their own, and sorted.
      const items = [...v].map((x) => describe(x)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      return { type: "set", id, ctor, items };
    }
    if (ArrayBuffer.isView(v)) return { type: "typedarray", id, ctor, items: Array.from(v, (x) => d(x)) };
    if (proto === Object.prototype || proto === null) {
      const entries = {};
      for (const key of Object.keys(v).sort()) entries[key] = d(v[key]);
      return { type: "object", id, ctor, entries };
    }
    return { type: "instance", id, ctor };
  }
  return d(root);
}
