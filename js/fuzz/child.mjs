// One interpreter for the differential fuzzer: reads cases (JSON lines: {index, code})
// from stdin or --cases FILE, runs each and prints one result line per case:
//   @@fuzz {"index", "outs", "uncaught", "setupError", "notes", "live", "sanity", "async", "ms"}
// ("outs": each output of the case as JSON text; "live": the change in ffi.stats()["live"])
// or, when the interpreter broke, {"index", "crash"} and exits (the parent restarts it).
//   node --expose-gc js/fuzz/child.mjs --interp pyodide|micropython [--cases FILE]
// The ffi build is FFI_DIST (default dist/), relative to the repository root.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

import { importInterpreter, indexURL } from "../interpreters.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = resolve(ROOT, process.env.FFI_DIST || "dist");
export const RESULT_PREFIX = "@@fuzz ";
const CUT = 300;

const cut = (s, n = CUT) => {
  s = String(s);
  return s.length > n ? s.slice(0, n) + `... [${s.length} chars]` : s;
};

// Whatever the interpreters or the library print goes to stderr: stdout carries results only.
for (const name of ["log", "info", "warn", "debug"]) console[name] = (...args) => process.stderr.write(cut(args.map(String).join(" ")) + "\n");

// The last lines the interpreter printed, for crash reports; printedCount counts them all.
const printed = [];
let printedCount = 0;
const capture = (line) => {
  printed.push(cut(line));
  printedCount++;
  if (printed.length > 20) printed.shift();
};

// ---------------------------------------------------------------------------------
// Describing JS values: robust against throwing traps and getters, bounded in size.

const MAX_NODES = 20000;
const MAX_ITEMS = 2000;
// Low enough that the recursive describer never nears the JS stack limit (which differs
// between the two interpreters' hosts: a deeper cap made the outcome depend on it).
const MAX_DEPTH = 200;

function errorText(error) {
  try {
    if (error instanceof Error) return cut(`${error.name}: ${error.message}`);
    return cut(`${typeof error}: ${String(error)}`);
  } catch {
    return "unprintable thrown value";
  }
}

function fnv(units, length) {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ units(i), 0x01000193) >>> 0;
  return h.toString(16);
}

const describeString = (s) => (s.length > CUT ? { len: s.length, hash: fnv((i) => s.charCodeAt(i), s.length), head: s.slice(0, 60) } : s);

// Map entries and Set items are described by value, each on its own (their order is the
// interpreter's hash order), sharing the node budget and the path of enclosing objects,
// so that a Set holding itself is {up: n} instead of an endless description.
export function describeJs(root, shared = { budget: MAX_NODES, path: [] }, startDepth = 0) {
  const ids = new Map();
  const number = (v) => (Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "-0" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : v);
  const guard = (work) => {
    try {
      return work();
    } catch (error) {
      return { throws: errorText(error) };
    }
  };
  function d(v, depth) {
    if (--shared.budget < 0) return { truncated: true };
    if (v === undefined) return { type: "undefined" };
    if (v === null) return { type: "null" };
    switch (typeof v) {
      case "boolean":
        return { type: "boolean", value: v };
      case "number":
        return { type: "number", value: number(v) };
      case "bigint":
        return { type: "bigint", value: describeString(v.toString(16)) };
      case "string":
        return { type: "string", value: describeString(v) };
      case "symbol":
        return { type: "symbol", value: guard(() => String(v.description)) };
    }
    if (ids.has(v)) return { ref: ids.get(v) };
    const up = shared.path.lastIndexOf(v);
    if (up >= 0) return { up: shared.path.length - up };
    const id = ids.size;
    ids.set(v, id);
    if (depth > MAX_DEPTH) return { type: "deep", id };
    shared.path.push(v);
    try {
      return object(v, id, depth);
    } finally {
      shared.path.pop();
    }
  }
  function object(v, id, depth) {
    let proto;
    try {
      proto = Object.getPrototypeOf(v);
    } catch (error) {
      return { type: typeof v, id, throws: errorText(error) };
    }
    const ctor = guard(() => (proto === null ? null : typeof proto.constructor === "function" ? proto.constructor.name : "?"));
    if (typeof v === "function") return { type: "function", id, ctor };
    const isArray = guard(() => Array.isArray(v));
    if (isArray === true) {
      const length = guard(() => v.length);
      const items = [];
      if (typeof length === "number") {
        for (let i = 0; i < Math.min(length, MAX_ITEMS); i++) items.push(guard(() => (i in v ? d(v[i], depth + 1) : { type: "hole" })));
      }
      return { type: "array", id, ctor, length, items };
    }
    if (isArray !== false) return { type: "object", id, isArray };
    // Map entries and Set items: by value, each on its own, sorted, because iteration
    // order is the interpreter's hash order. Of a big one, the first MAX_ITEMS by a cheap
    // key (the primitive itself; objects tie) are described, so that which ones does not
    // depend on that order either.
    const entriesOf = (kind, iterate) =>
      guard(() => {
        let items = [...iterate()];
        const count = items.length;
        if (count > MAX_ITEMS) {
          const cheap = (x) => (x !== null && (typeof x === "object" || typeof x === "function") ? "~" : `${typeof x}:${String(x)}`);
          const keyed = items.map((item) => [cheap(kind === "map" ? item[0] : item), item]);
          keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
          items = keyed.slice(0, MAX_ITEMS).map((pair) => pair[1]);
        }
        const out = items.map((item) => {
          const described =
            kind === "map" ? [describeJs(item[0], shared, depth + 1), describeJs(item[1], shared, depth + 1)] : describeJs(item, shared, depth + 1);
          return [toJson(described), described];
        });
        const sorted = out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((pair) => pair[1]);
        return count > MAX_ITEMS ? [{ count }, ...sorted] : sorted;
      });
    if (guard(() => v instanceof Map) === true) return { type: "map", id, ctor, entries: entriesOf("map", () => Map.prototype.entries.call(v)) };
    if (guard(() => v instanceof Set) === true) return { type: "set", id, ctor, items: entriesOf("set", () => Set.prototype.values.call(v)) };
    if (ArrayBuffer.isView(v)) {
      return guard(() => {
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        const length = v.length ?? v.byteLength;
        if (length <= 64 && !(v instanceof DataView)) return { type: "typedarray", id, ctor, items: Array.from(v, (x) => d(x, depth + 1)) };
        return { type: "typedarray", id, ctor, length, bytes: bytes.length, hash: fnv((i) => bytes[i], bytes.length) };
      });
    }
    if (guard(() => v instanceof ArrayBuffer || v instanceof SharedArrayBuffer) === true) {
      return { type: "arraybuffer", id, ctor, byteLength: guard(() => v.byteLength), detached: guard(() => v.detached) };
    }
    if (proto === Object.prototype || proto === null) {
      // Keys sorted: dict iteration order is the interpreter's own (docs/conversions.md).
      const keys = guard(() => Object.keys(v).sort());
      if (!Array.isArray(keys)) return { type: "object", id, ctor, keys };
      const entries = keys.slice(0, MAX_ITEMS).map((k) => [describeString(k), guard(() => d(v[k], depth + 1))]);
      return { type: "object", id, ctor, count: keys.length, entries };
    }
    return { type: "instance", id, ctor, tag: guard(() => Object.prototype.toString.call(v)) };
  }
  return d(root, startDepth);
}

// ---------------------------------------------------------------------------------
// Python helpers the cases use (see js/fuzz/gen.mjs). Everything iterative: MicroPython
// allows about 150 nested Python calls.

const PRELUDE = String.raw`
import gc as _gc
import struct as _struct
import hashlib as _hashlib
import _fuzz
from pyscript import ffi, window

_MAX_NODES = 20000
_MAX_DEPTH = 2000
_SAFE = 9007199254740992


def _sha(b):
    return _hashlib.sha256(b).digest()[:8].hex()


def _sort(items, key=None):
    # sorted(), after a fixed shuffle: MicroPython's sort is a quicksort that takes
    # quadratic time on sorted input (100,000 sorted ints: 20 s).
    items = list(items)
    x = 12345
    for i in range(len(items) - 1, 0, -1):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        j = x % (i + 1)
        items[i], items[j] = items[j], items[i]
    return sorted(items, key=key)


def _sorted_pairs(pairs):
    # (key, value) pairs in an order that is the same on both interpreters: by the key's
    # description, with a fast path for all-str and all-int keys (code point order is
    # UTF-8 byte order). Pairs, not keys: a lookup in a big MicroPython dict can be slow.
    if all(type(p[0]) is str for p in pairs) or all(type(p[0]) is int for p in pairs):
        return _sort(pairs, key=lambda p: p[0])
    decorated = _sort([(_dumps(_kd(p[0])), i, p) for i, p in enumerate(pairs)], key=lambda e: (e[0], e[1]))
    return [e[2] for e in decorated]


def _sorted_items(items):
    return [p[0] for p in _sorted_pairs([(x, None) for x in items])]


def _esc(s):
    # Printable ASCII for any str, lone surrogates included, the same on both
    # interpreters; long strings are cut and hashed.
    if len(s) > 300:
        return ["long-str", len(s), _sha(s.encode("utf-8", "surrogatepass")), _esc(s[:60])]
    r = []
    for ch in s:
        o = ord(ch)
        r.append(ch if 0x20 <= o < 0x7F else "\\u{%x}" % o)
    return "".join(r)


def _text(e):
    try:
        s = str(e)
    except BaseException:
        return "<unprintable>"
    if type(s) is not str:
        return "<str() gave " + type(s).__name__ + ">"
    if len(s) > 300:
        return s[:240] + "...<%d chars, sha %s>" % (len(s), _sha(s.encode("utf-8", "surrogatepass")))
    return s


def _int(v):
    if -_SAFE <= v <= _SAFE:
        return v
    h = hex(v)
    return h if len(h) <= 300 else ["long-int", len(h), _sha(h.encode())]


def _float(v):
    return _struct.pack("<d", v).hex()


def _hex(b):
    # MicroPython's b"".hex() gives b"", not "".
    return b.hex() if b else ""


def _bytes(b):
    b = bytes(b)
    return _hex(b) if len(b) <= 64 else ["long-bytes", len(b), _sha(b), _hex(b[:16])]


def _is_js(v):
    # ffi's own test: Pyodide hands a JS Error to Python as a JsException, which is a JsProxy
    # too, so it is a JS value there as on MicroPython.
    import _pyscript_ffi_impl
    return _pyscript_ffi_impl.is_js(v)


_COMMA = object()
_CLOSE = object()


def _dumps(x):
    # JSON text (ASCII) of lists, tuples, str, int, float, bool and None, without recursion.
    parts = []
    stack = [x]
    while stack:
        v = stack.pop()
        if v is _COMMA:
            parts.append(",")
            continue
        if v is _CLOSE:
            parts.append("]")
            continue
        t = type(v)
        if v is None:
            parts.append("null")
        elif t is bool:
            parts.append("true" if v else "false")
        elif t is int:
            parts.append(str(v) if -_SAFE <= v <= _SAFE else '"' + hex(v) + '"')
        elif t is float:
            parts.append('"f:' + _float(v) + '"')
        elif t is str:
            e = _esc(v)
            if type(e) is list:
                stack.append(e)
            else:
                parts.append('"' + e.replace("\\", "\\\\").replace('"', '\\"') + '"')
        elif t is list or t is tuple:
            parts.append("[")
            more = [_CLOSE]
            for i in range(len(v) - 1, -1, -1):
                more.append(v[i])
                if i:
                    more.append(_COMMA)
            stack.extend(more)
        else:
            parts.append('"<' + _esc(t.__name__) + '>"')
    return "".join(parts)


def _kd(k):
    # A dict key or set item (hashable, shallow): described by value.
    t = type(k)
    if k is None or t is bool:
        return [t.__name__, k]
    if t is int:
        return ["int", _int(k)]
    if t is float:
        return ["float", _float(k)]
    if t is str:
        return ["str", _esc(k)]
    if t is bytes:
        return ["bytes", _bytes(k)]
    if t is tuple:
        return ["tuple", [_kd(x) for x in k]]
    if t is frozenset:
        return ["frozenset", [_kd(x) for x in _sorted_items(k)]]
    if _is_js(k):
        return ["js", _fuzz.describe(k)]
    return ["other", _esc(t.__name__)]


def pyd(root):
    # A type-tagged description of a Python value, the same on both interpreters:
    # dict keys and set items sorted, identity as ["seen", n], JS values described in JS.
    seen = {}
    top = []
    stack = [(root, top, 0)]
    nodes = 0
    while stack:
        v, dst, depth = stack.pop()
        nodes += 1
        if nodes > _MAX_NODES:
            dst.append(["truncated"])
            continue
        t = type(v)
        if v is None or t is bool:
            dst.append([t.__name__, v])
        elif t is int:
            dst.append(["int", _int(v)])
        elif t is float:
            dst.append(["float", _float(v)])
        elif t is str:
            dst.append(["str", _esc(v)])
        elif t is bytes or t is bytearray:
            dst.append([t.__name__, _bytes(v)])
        elif v is ffi.undefined or v is ffi.null:
            dst.append(["sentinel", repr(v)])
        elif _is_js(v):
            dst.append(["js", _fuzz.describe(v)])
        elif t not in (list, tuple, dict, set, frozenset):
            dst.append(["other", _esc(t.__name__)])
        elif id(v) in seen:
            dst.append(["seen", seen[id(v)]])
        elif depth >= _MAX_DEPTH:
            dst.append(["deep", t.__name__])
        else:
            seen[id(v)] = len(seen)
            kids = []
            dst.append([t.__name__, kids])
            # Only as many children as the node budget can still describe.
            room = max(0, _MAX_NODES - nodes - len(stack))
            if t is list or t is tuple:
                n = min(len(v), room)
                if n < len(v):
                    kids.append(["truncated", len(v)])
                # (extend, not append in a loop: far faster on MicroPython here)
                stack.extend([(v[i], kids, depth + 1) for i in range(n - 1, -1, -1)])
            elif t is dict:
                pairs = _sorted_pairs(list(v.items()))
                if len(pairs) > room:
                    kids.append(["truncated", len(pairs)])
                    pairs = pairs[:room]
                entries = []
                for k, _ in pairs:
                    entry = [_kd(k)]
                    entries.append(entry)
                    kids.append(entry)
                stack.extend([(pairs[j][1], entries[j], depth + 1) for j in range(len(pairs) - 1, -1, -1)])
            else:
                items = _sorted_items(v)
                nodes += len(items)
                if len(items) > room:
                    kids.append(["truncated", len(items)])
                    items = items[:room]
                kids.extend([_kd(x) for x in items])
    return top[0]


def jsd(v):
    # The result of to_js: a JS value is described in JS; what to_js returns as it is
    # (None, bool, int, float, str, the sentinels) is described in Python.
    if v is None or type(v) in (bool, int, float, str):
        return ["py", pyd(v)]
    if v is ffi.undefined or v is ffi.null:
        return ["sentinel", repr(v)]
    if _is_js(v):
        return ["js", _fuzz.describe(v)]
    return ["python-object", _esc(type(v).__name__)]


def err(e):
    return ["error", type(e).__name__, _text(e)]


def out(x):
    _fuzz.out(_dumps(x))


def setup_failed(e):
    _fuzz.setup_failed(_dumps([type(e).__name__, _text(e)]))


def destroy_all(xs):
    if _is_js(xs):
        _fuzz.destroy_all(xs)
        return
    for p in xs:
        try:
            ffi.destroy(p)
        except Exception:
            pass


def order_probe(convert, value, first):
    # Whether the error to_js raised depends on dict iteration order: convert a copy of
    # value with every dict's entries reversed and see whether the error changes. Only on
    # CPython (insertion order; MicroPython iterates in hash order, which a copy keeps).
    import sys
    if sys.implementation.name != "cpython":
        return
    # Deep values are not about dict order, and copying them recursively would overflow
    # Pyodide's stack: only values at most 100 levels deep are probed. The walk and the
    # copy use the base types' own methods: hostile subclasses must not run here.
    stack = [(value, 0)]
    seen = set()
    try:
        while stack:
            v, depth = stack.pop()
            if depth > 100:
                return
            if isinstance(v, (list, tuple, dict)) and id(v) not in seen:
                seen.add(id(v))
                kids = dict.values(v) if isinstance(v, dict) else list.__iter__(v) if isinstance(v, list) else tuple.__iter__(v)
                stack.extend((x, depth + 1) for x in kids)
    except BaseException:
        return
    memo = {}

    def copy(v):
        if id(v) in memo:
            return memo[id(v)]
        t = type(v)
        if isinstance(v, dict):
            n = memo[id(v)] = t()
            for k, x in reversed(list(dict.items(v))):
                n[k] = copy(x)
            return n
        if isinstance(v, list):
            n = memo[id(v)] = t()
            for x in list.__iter__(v):
                list.append(n, copy(x))
            return n
        if isinstance(v, tuple):
            items = [copy(x) for x in tuple.__iter__(v)]
            n = memo[id(v)] = t(*items) if hasattr(t, "_fields") else t(items)
            return n
        return v

    try:
        other = copy(value)
    except BaseException:
        return
    try:
        convert(other)
        again = None
    except BaseException as e:
        again = [type(e).__name__, _text(e)]
    if again != [type(first).__name__, _text(first)]:
        _fuzz.note("order-dependent")


_graveyard = []


def keep_alive(value):
    # Pyodide itself (CPython 3.14 in wasm) overflows the JS stack and dies when it frees
    # a value nested deeply enough (an OrderedDict 5,000 levels, a tuple 20,000 levels
    # deep): the fuzzer never frees such values.
    _graveyard.append(value)


def _f(hex_bits):
    return _struct.unpack("<d", bytes.fromhex(hex_bits))[0]


_fz_before = 0


def _fz_run():
    global _fz_before
    _fz_before = ffi.stats()["live"]
    ns = {"__name__": "__fuzz__", "ffi": ffi, "window": window, "JS": window.eval, "out": out, "pyd": pyd, "jsd": jsd,
          "err": err, "setup_failed": setup_failed, "destroy_all": destroy_all, "_f": _f, "sort_pairs": _fuzz.sort_pairs,
          "order_probe": order_probe,
          "keep_alive": keep_alive}
    try:
        exec(_fuzz.source(), ns)
    except BaseException as e:
        _fuzz.uncaught(_dumps([type(e).__name__, _text(e)]))
    ns.clear()
    ns = None
    _fz_live()


def _fz_live():
    _gc.collect()
    _fuzz.live(_fz_before, ffi.stats()["live"])


def _fz_sanity():
    # After every case: a small round trip each way must still be right.
    try:
        v = {"a": [1, 2.5, "x" + chr(0xE9) + chr(0x1F600), None, True, 2**60, -(2**70)], "b": {"c": (1, 2)}, "e": b"\x00\xff"}
        got = ffi.to_py(ffi.to_js(v))
        want = {"a": [1, 2.5, "x" + chr(0xE9) + chr(0x1F600), None, True, 2**60, -(2**70)], "b": {"c": [1, 2]}, "e": b"\x00\xff"}
        h = window.eval("[[1, 'two', 3.5, null, {k: [true]}], 2**40, -0, 12345678901234567890n, new Map([[1, 'm']])]")
        got2 = ffi.to_py(h)
        want2 = [[1, "two", 3.5, None, {"k": [True]}], 2**40, 0.0, 12345678901234567890, {1: "m"}]
        probe = window.eval("(v) => JSON.stringify(v, (k, x) => typeof x === 'bigint' ? 'n' + x : x)")
        got3 = probe(ffi.to_js({"k": [1, 2**60, "s", None]}))
        want3 = '{"k":[1,"n1152921504606846976","s",null]}'
        ok = got == want and got2 == want2 and got3 == want3
        _fuzz.sanity(ok, "" if ok else _dumps([pyd(got), pyd(got2), _esc(got3)]))
    except BaseException as e:
        _fuzz.sanity(False, _dumps(["raised", type(e).__name__, _text(e)]))
`;

// ---------------------------------------------------------------------------------

// A thrown error in a few lines: its message's first and last lines (a Python traceback
// ends with the exception) and the first stack frames.
function crashText(error) {
  let message, stack, name;
  try {
    message = String(error?.message ?? error);
    stack = String(error?.stack ?? "");
    name = String(error?.name ?? typeof error);
  } catch {
    return "unprintable error";
  }
  const lines = message.split("\n").filter((l) => l.trim());
  const shown = lines.length > 5 ? [lines[0], "...", ...lines.slice(-3)] : lines;
  const frames = stack.split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 4);
  return cut([`${name}: ${shown.map((l) => cut(l)).join("\n")}`, ...frames.map((l) => cut(l))].join("\n"), 1500);
}

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}

async function load(interp) {
  const io = { stdout: capture, stderr: (line) => capture("stderr: " + line) };
  // The versions: versions.json's defaults, or FFI_PYODIDE_VERSION / FFI_MICROPYTHON_VERSION.
  if (interp === "pyodide") {
    const { loadPyodide, dir } = await importInterpreter("pyodide");
    return loadPyodide({ indexURL: indexURL(dir), ...io });
  }
  if (interp === "micropython") {
    const { loadMicroPython } = await importInterpreter("micropython");
    return loadMicroPython({ heapsize: 64 * 1024 * 1024, ...io });
  }
  throw new Error(`unknown interpreter ${interp}`);
}

const emit = (line) => process.stdout.write(RESULT_PREFIX + JSON.stringify(line) + "\n");
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

let current = null;
let pendingAsync = null;
const asyncError = (error) => {
  const text = errorText(error);
  if (current) current.async ??= text;
  else pendingAsync ??= text;
};
process.on("uncaughtException", asyncError);
process.on("unhandledRejection", asyncError);

// JSON text without recursion: descriptions can nest thousands of levels deep, more than
// JSON.stringify's stack allows.
class Raw {
  constructor(text) {
    this.text = text;
  }
}
const COMMA = new Raw(",");
const CLOSE_ARRAY = new Raw("]");
const CLOSE_OBJECT = new Raw("}");

export function toJson(root) {
  const parts = [];
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof Raw) parts.push(v.text);
    else if (v === null || typeof v !== "object") parts.push(JSON.stringify(v) ?? "null");
    else if (Array.isArray(v)) {
      parts.push("[");
      stack.push(CLOSE_ARRAY);
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i]);
        if (i) stack.push(COMMA);
      }
    } else {
      const keys = Object.keys(v);
      parts.push("{");
      stack.push(CLOSE_OBJECT);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push(v[keys[i]], new Raw(JSON.stringify(keys[i]) + ":"));
        if (i) stack.push(COMMA);
      }
    }
  }
  return parts.join("");
}

// An output of the case as JSON text: the tokens ["js",n] that pyd/jsd left become the JS
// descriptions they stand for (a str inside the text has its quotes escaped, so it never
// looks like a token); a huge output is compared by its hash.
function finishOut(text, js) {
  const full = String(text).replace(/\["js",(\d+)\]/g, (token, n) => (Number(n) < js.length ? `["js",${js[Number(n)]}]` : token));
  if (full.length <= 100000) return full;
  return toJson({ big: full.length, sha256: createHash("sha256").update(full).digest("hex"), head: full.slice(0, 1000) });
}

async function main() {
  const { interp, cases: casesFile } = args();
  const started = performance.now();
  const interpreter = await load(interp);
  const { install } = await import(pathToFileURL(resolve(DIST, `ffi-${interp}`, "index.js")).href);
  await install(interpreter);
  interpreter.registerJsModule("_fuzz", {
    // None of these may throw: MicroPython 1.27 cannot catch a JS throw in a native call.
    source: () => current.code,
    out: (text) => void current.outs.push(String(text)),
    setup_failed(text) {
      current.outs.push(`["setup-error",${text}]`);
      current.setupError = true;
    },
    describe(value) {
      let description;
      try {
        description = describeJs(value);
      } catch (error) {
        description = { describeFailed: errorText(error) };
      }
      current.js.push(toJson(description));
      return current.js.length - 1;
    },
    uncaught: (text) => void (current.uncaught = String(text)),
    note: (text) => void current.notes.push(String(text)),
    live: (before, after) => void (current.live = [before, after]),
    sanity: (ok, detail) => void (current.sanity = ok ? true : String(detail)),
    sort_pairs(pairs) {
      const key = (pair) => {
        try {
          return `${typeof pair[0]}:${String(pair[0])}`;
        } catch {
          return "?";
        }
      };
      try {
        return [...pairs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      } catch {
        return pairs;
      }
    },
    destroy_all(array) {
      try {
        for (const proxy of Array.from(array)) {
          try {
            if (proxy && typeof proxy.destroy === "function") proxy.destroy();
          } catch {}
        }
      } catch {}
    },
  });
  interpreter.runPython(PRELUDE);
  emit({ ready: true, ms: Math.round(performance.now() - started) });

  const input = casesFile ? createReadStream(casesFile) : process.stdin;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const testCase = JSON.parse(line);
    current = { code: testCase.code, outs: [], js: [], notes: [], uncaught: null, live: null, sanity: null, async: pendingAsync, setupError: false };
    pendingAsync = null;
    const printedBefore = printedCount;
    const t0 = performance.now();
    try {
      interpreter.runPython("_fz_run()");
      // Proxies released only by garbage collection: collect, let finalizers run, recount.
      for (let round = 1; round <= 4 && current.live && current.live[0] !== current.live[1]; round++) {
        globalThis.gc?.();
        await sleep(5 * round);
        interpreter.runPython("_fz_live()");
      }
      interpreter.runPython("_fz_sanity()");
    } catch (error) {
      // The Python side catches everything: a throw out of runPython means the interpreter
      // broke (a fatal error, a wasm trap, a JS error escaping). Report it and exit.
      emit({ index: testCase.index, crash: crashText(error), printed: printed.slice(-5) });
      process.exit(3);
    }
    // Only what the interpreter printed during this case (a case itself prints nothing).
    const fresh = printed.slice(Math.max(0, printed.length - (printedCount - printedBefore)));
    const fatal = fresh.find((l) => /fatal error|memory access out of bounds|RuntimeError: unreachable|Aborted\(/i.test(l));
    const js = current.js;
    const result = {
      index: testCase.index,
      outs: current.outs.map((text) => finishOut(text, js)),
      uncaught: current.uncaught && finishOut(current.uncaught, js),
      setupError: current.setupError,
      notes: current.notes,
      live: current.live ? current.live[1] - current.live[0] : null,
      sanity: current.sanity,
      async: current.async,
      ms: Math.round(performance.now() - t0),
    };
    if (fatal) {
      emit({ index: testCase.index, crash: "interpreter printed: " + fatal, printed: printed.slice(-5) });
      process.exit(3);
    }
    emit(result);
    current = null;
  }
  // End of input: leave even if the interpreter keeps handles open.
  process.exit(0);
}

main().catch((error) => {
  emit({ fatal: cut(String((error && error.stack) || error).split("\n").slice(0, 8).join("\n"), 2000), printed: printed.slice(-5) });
  process.exit(2);
});
