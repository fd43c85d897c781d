// Hostile cases for the differential fuzzer (js/fuzz.mjs). A case is a Python snippet,
// a pure function of (seed, index, family): it builds a hostile value, converts it with
// ffi.to_js (family "py") or ffi.to_py (family "js"), and reports what happened through
// the helpers of js/fuzz/child.mjs:
//   out(x)            record a JSON-able description (its strings are escaped to ASCII)
//   pyd(v) / jsd(v)   describe a Python value / the result of to_js (described in JS)
//   err(e)            ["error", type name, message]
//   setup_failed(e)   the hostile value itself could not be built on this interpreter
//   destroy_all(xs)   destroy every proxy in a JS Array or Python list
//   JS(src)           window.eval(src); _f(hex) a float from its IEEE bits
//   sort_pairs(a)     a dict_converter's pairs sorted by key (their order is the dict's)
//   order_probe(...)  note whether an error depends on dict iteration order (CPython only)
//   keep_alive(v)     never free v (Pyodide dies freeing values nested a few 1,000 deep)
// Generated code is ASCII only: a snippet crosses into both interpreters exactly.
import { rng } from "../rng.js";


/** Python running `op` n times, counting outcomes by exception type, and its last error. */
function repeated(op, n) {
  return `counts = {}
last = None
for i in range(${n}):
    try:
        ${op}
        k = "ok"
    except Exception as e:
        k = type(e).__name__
        last = e
    counts[k] = counts.get(k, 0) + 1
out(sorted([[k, n] for k, n in counts.items()]))
if last is not None:
    out(err(last))
`;
}

// Each case gets its own stream, so case N is generated without generating 0..N-1.
function caseSeed(seed, index, family) {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ (family === "js" ? 0x27d4eb2f : 0x165667b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Ctx {
  constructor(r) {
    this.r = r;
    this.n = 0;
    this.lines = []; // Python setup lines
    this.once = new Set(); // setup emitted at most once (imports, helper classes)
    this.pool = []; // names of containers built so far (for sharing and cycles)
    this.proxies = false; // may leave proxies alive that the case cannot destroy
  }
  rand() {
    return this.r();
  }
  chance(p) {
    return this.r() < p;
  }
  int(lo, hi) {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick(xs) {
    return xs[Math.floor(this.r() * xs.length)];
  }
  // weighted: [[weight, value], ...]
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let x = this.r() * total;
    for (const [w, v] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][1];
  }
  name(prefix) {
    return `${prefix}${this.n++}`;
  }
  setup(...lines) {
    for (const l of lines) this.lines.push(...l.split("\n"));
  }
  setupOnce(key, text) {
    if (this.once.has(key)) return;
    this.once.add(key);
    this.setup(text);
  }
}

const indent = (text, n = 4) =>
  text
    .split("\n")
    .map((l) => (l ? " ".repeat(n) + l : l))
    .join("\n");

/** A Python string literal for ASCII text (JSON escapes are valid Python escapes). */
const pyLit = (s) => JSON.stringify(s);

// ---------------------------------------------------------------------------------
// Python values

// How many str keys (or str Set items) a "many keys" case has. Not 10^5: MicroPython
// itself (no ffi involved) needs about 30 s to put 10^5 distinct str keys in a dict or
// set (a plain `{"k" + str(i): i for i in range(100000)}`; 3*10^4 take 0.5 s), so every
// such case would only time out. Int keys and items (Maps, lists, sets) stay at 10^5.
const STR_KEYS = 30000;

function floatHex(x) {
  return Buffer.from(new Float64Array([x]).buffer).toString("hex");
}

function pyFloat(c) {
  if (c.chance(0.15)) {
    // Any bit pattern, NaN payloads and subnormals included.
    const b = Buffer.alloc(8);
    for (let i = 0; i < 8; i++) b[i] = c.int(0, 255);
    return `_f("${b.toString("hex")}")`;
  }
  const x = c.pick([0.5, -0, 0, NaN, Infinity, -Infinity, 1e300, -1e-300, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e16, 0.1, 1 / 3, -1.5, 2, 1e-7, 123456789.125, 1e21, 2 ** 63, c.rand() * 1e6]);
  return `_f("${floatHex(x)}")`;
}

const INTS = ["0", "1", "-1", "255", "2**31-1", "-2**31", "2**32", "2**53-1", "-(2**53-1)", "2**53", "-(2**53)", "2**53+1", "2**63", "2**64", "-(2**64)", "2**70", "10**20", "2**1000", "-(10**400)"];

function pyInt(c) {
  if (c.chance(0.03)) return c.pick(["2**100000", "-(2**100000)", "3**50000"]);
  if (c.chance(0.3)) return String(Math.floor((c.rand() - 0.5) * 2 ** c.int(1, 53)));
  return `(${c.pick(INTS)})`;
}

const STR_PIECES = ['"a"', '"xyz"', '"1"', "chr(0)", "chr(0xe9)", "chr(0x65e5)", "chr(0x1f600)", "chr(0xd800)", "chr(0xdfff)", "chr(0xdbff)", "(chr(0xd83d) + chr(0xde00))", "(chr(0xde00) + chr(0xd83d))", "chr(0x10ffff)", "chr(0xfffe)", '"\\\\"', '"\\""', '"\\n"', "chr(0x7f)", "chr(0x80)", "chr(0x2028)"];

function pyStr(c) {
  if (c.chance(0.04)) return c.pick(['("x" * (1 << 20))', "(chr(0xd800) * 1000)", "(chr(0x1f600) * 100000)", '("ab" + chr(0xdc00)) * 5000']);
  const n = c.int(0, 4);
  if (n === 0) return '""';
  return "(" + Array.from({ length: n }, () => c.pick(STR_PIECES)).join(" + ") + ")";
}

function pyBytesish(c) {
  return c.weighted([
    [3, () => `bytes([${Array.from({ length: c.int(0, 6) }, () => c.int(0, 255)).join(", ")}])`],
    [1, () => `bytes(${c.pick([0, 1, 1000, 1 << 20, 3 << 20])})`],
    [1, () => `(b"\\xff" * ${c.pick([1, 100, 1 << 16, 2 << 20])})`],
    [2, () => `bytearray(b"\\x00\\x01xyz")`],
    [1, () => `bytearray(${c.pick([0, 10, 1 << 20])})`],
    [2, () => pyMemoryview(c)],
  ])();
}

function pyMemoryview(c) {
  c.setupOnce("array", "import array");
  return c.pick([
    'memoryview(b"abc")',
    'memoryview(bytearray(b"abc"))',
    "memoryview(array.array('i', [1, -2, 3]))",
    "memoryview(array.array('d', [1.5, -0.0]))",
    "memoryview(array.array('B', [1, 255]))",
    "memoryview(array.array('b', [-1, 2]))",
    "memoryview(array.array('H', [65535]))",
    "memoryview(array.array('q', [-1]))",
    'memoryview(b"abcdef")[1:4]',
    'memoryview(b"abcdef")[::2]',
    "memoryview(b'')",
    "memoryview(bytes(1 << 20))",
    "array.array('i', [1, 2])",
  ]);
}

/** Scalars that can be set items and dict keys. */
function pyHashable(c) {
  return c.weighted([
    [1, () => c.pick(["None", "True", "False", 'b"k"', "()", "(1, (2,))", "frozenset({3})"])],
    [3, () => pyInt(c)],
    [2, () => pyFloat(c)],
    [3, () => pyStr(c)],
  ])();
}

function pyScalar(c) {
  return c.weighted([
    [1, () => c.pick(["None", "True", "False"])],
    [3, () => pyInt(c)],
    [2, () => pyFloat(c)],
    [3, () => pyStr(c)],
    [1, () => pyBytesish(c)],
    [1, () => c.pick(["ffi.undefined", "ffi.null"])],
  ])();
}

// Overridable protocols per base type, each with bodies that lie, raise or mutate.
const RAISE = (what) => `raise ValueError("hostile ${what}")`;
const PROTOCOLS = {
  __int__: ["return 7", "return 2**70", RAISE("__int__"), 'return "x"'],
  __index__: ["return 7", "return -(2**70)", RAISE("__index__"), "return 1.5"],
  __float__: ["return 1.5", "return float('nan')", RAISE("__float__"), "return 3"],
  __str__: ['return "fake"', "return chr(0xd800)", RAISE("__str__"), "return 5"],
  __repr__: ['return "fake"', "return chr(0xd800)", RAISE("__repr__"), "return 5"],
  __bytes__: ['return b"fake"', RAISE("__bytes__"), 'return "notbytes"'],
  __iter__: ["return iter([9, 8, 7])", RAISE("__iter__"), "return iter([])", "return 5"],
  __len__: ["return 0", "return 10**6", RAISE("__len__"), "return -1", "return 2**70"],
  __getitem__: ['raise KeyError("hostile __getitem__")', "return 42", "raise IndexError(0)", RAISE("__getitem__")],
  __hash__: ["return 1", "return 2**70", "return -1"],
  __eq__: ["return True", "return False", RAISE("__eq__"), "return NotImplemented"],
  __contains__: ["return True", RAISE("__contains__")],
  items: ['return [("x", 1)]', RAISE("items"), 'return iter([("a", 1), ("a", 2)])', "return 5", 'return [("k", self)]'],
  keys: ['return ["zz"]', RAISE("keys"), "return []"],
  values: ["return [0]", RAISE("values")],
};
// Mutating bodies: they change the very object being converted.
const MUTATORS = {
  list: ["self.append(len(self)) if len(self) < 64 else None", "self.clear()", "self.pop() if self else None", "self.insert(0, [])"],
  dict: ['self["m" + str(len(self))] = len(self) if len(self) < 64 else None', "self.clear()", "self.popitem() if self else None"],
  set: ["self.add(len(self)) if len(self) < 64 else None", "self.clear()"],
  bytearray: ['self.extend(b"zz") if len(self) < 64 else None', "self.clear()"],
};
const BASES = {
  int: { protos: ["__int__", "__index__", "__float__", "__str__", "__repr__", "__hash__", "__eq__"], arg: (c) => pyInt(c) },
  float: { protos: ["__int__", "__index__", "__float__", "__str__", "__repr__", "__hash__", "__eq__"], arg: (c) => pyFloat(c) },
  str: { protos: ["__str__", "__repr__", "__iter__", "__len__", "__getitem__", "__hash__", "__eq__", "__index__"], arg: (c) => pyStr(c) },
  bytes: { protos: ["__bytes__", "__iter__", "__len__", "__getitem__", "__str__", "__index__"], arg: () => 'b"abc"' },
  bytearray: { protos: ["__bytes__", "__iter__", "__len__", "__getitem__"], arg: () => 'b"xyz"' },
  list: { protos: ["__iter__", "__len__", "__getitem__", "__eq__", "__repr__"], arg: () => '[1, "a", None]' },
  tuple: { protos: ["__iter__", "__len__", "__getitem__", "__hash__", "__eq__"], arg: () => '(1, "t")' },
  dict: { protos: ["items", "keys", "values", "__getitem__", "__iter__", "__len__", "__contains__"], arg: () => '{"a": 1, 2: "b"}' },
  set: { protos: ["__iter__", "__len__", "__contains__"], arg: () => '{1, "s"}' },
  frozenset: { protos: ["__iter__", "__len__", "__contains__", "__hash__"], arg: () => 'frozenset({2, "f"})' },
};

/** A class deriving from `base` with some protocols overridden; returns the class name. */
function pySubclass(c, base, { mutate = c.chance(0.3), key = false } = {}) {
  const spec = BASES[base];
  const name = c.name(`H${base}_`);
  const methods = [];
  for (const proto of spec.protos) {
    // A dict key or set item with a lying __eq__/__hash__ builds a different dict on each
    // interpreter (which keys are merged is the interpreter's business, not ffi's).
    if (key && (proto === "__eq__" || proto === "__hash__")) continue;
    if (!c.chance(0.4)) continue;
    let body = c.pick(PROTOCOLS[proto]);
    if (mutate && MUTATORS[base] && c.chance(0.6)) body = `${c.pick(MUTATORS[base])}\n${body.startsWith("return") || body.startsWith("raise") ? body : "return None"}`;
    // (not base.__iter__(self): MicroPython's types do not expose it)
    if (proto === "__iter__" && mutate && MUTATORS[base]) body = `${c.pick(MUTATORS[base])}\nreturn iter([1, 2])`;
    methods.push(`def ${proto}(self, *args):\n${indent(body)}`);
  }
  // A subclass that overrides __eq__ without __hash__ becomes unhashable: keep it hashable
  // (not with base.__hash__, which MicroPython's types do not expose).
  if (methods.some((m) => m.startsWith("def __eq__")) && !methods.some((m) => m.startsWith("def __hash__")) && ["int", "float", "str", "bytes", "tuple", "frozenset"].includes(base)) {
    methods.push(`def __hash__(self):\n    return 1`);
  }
  c.setup(`class ${name}(${base}):\n${indent(methods.join("\n") || "pass")}`);
  return name;
}

function pySubclassInstance(c, base = c.pick(Object.keys(BASES))) {
  const cls = pySubclass(c, base);
  return `${cls}(${BASES[base].arg(c)})`;
}

const OBJ_CLASS = "class Obj:\n    def __init__(self, n=0):\n        self.n = n\n    def m(self):\n        return self.n";
const NT_CLASSES = "from collections import namedtuple\nNT = namedtuple('NT', ['x', 'y'])\nNT2 = namedtuple('NT2', 'a')";

/** Python objects with no conversion of their own: they cross as proxies. */
function pyObject(c) {
  c.setupOnce("Obj", OBJ_CLASS);
  return c.pick(["Obj(1)", "Obj()", "(lambda: 1)", "(x for x in [1, 2])", "Obj", "len", "range(3)", 'Exception("x")', "object()", "Obj(2).m", "iter([1])", "ffi", "window", "type", "print", "BaseException"]);
}

function pyNamedtuple(c) {
  c.setupOnce("nt", NT_CLASSES);
  return c.pick(["NT", "NT", "NT2"]) === "NT2" ? `NT2(${pyAtom(c)})` : `NT(${pyAtom(c)}, ${pyAtom(c)})`;
}

function pyJsValue(c) {
  return c.pick(['JS("({js: 1})")', 'JS("[1, 2]")', 'JS("new Date(0)")', 'JS("(() => 1)")', 'JS("new Map([[1, 2]])")', 'JS("12345678901234567890n")', 'JS("Symbol.iterator")', 'JS("new Uint8Array([1, 2])")', "window.Object", "window.JSON.parse"]);
}

function pyAtom(c) {
  return c.weighted([
    [6, () => pyScalar(c)],
    [3, () => pySubclassInstance(c)],
    [2, () => pyObject(c)],
    [1, () => pyNamedtuple(c)],
    [1, () => pyJsValue(c)],
  ])();
}

// Dict keys: every scalar type, colliding spellings, unsupported types.
function pyKey(c) {
  return c.weighted([
    [3, () => c.pick(['"k"', '"1"', '"true"', '"null"', '"NaN"', '"Infinity"', '"-0.0"', '"2.0"', '"__proto__"', '"constructor"', '"toString"', '""', '"length"', '"0"', '"4294967295"'])],
    [2, () => pyInt(c)],
    [2, () => pyFloat(c)],
    [1, () => c.pick(["True", "False", "None"])],
    [2, () => pyStr(c)],
    [1, () => {
      const base = c.pick(["int", "float", "str"]);
      return `${pySubclass(c, base, { key: true })}(${base === "str" ? c.pick(['"k"', '"1"']) : c.pick(["1", "2"])})`;
    }],
    [1, () => c.pick(["(1, 2)", "()", "frozenset()", "frozenset({1})", 'b"k"', "len", "1j", "ffi.undefined"])],
    [0.3, () => (c.setupOnce("Obj", OBJ_CLASS), "Obj()")],
    [0.2, () => (c.setupOnce("nt", NT_CLASSES), "NT(1, 2)")],
  ])();
}

/** A container tree with shared parts and back edges (cycles). Returns an expression. */
function pyComposite(c, depth, maxDepth) {
  // The root is nearly always a container: options only matter for those.
  if (depth >= maxDepth || (c.chance(0.3) && (depth > 0 || c.chance(0.3)))) {
    if (c.pool.length && c.chance(0.2)) return c.pick(c.pool); // shared, or a cycle
    return pyAtom(c);
  }
  const kind = c.pick(["list", "list", "tuple", "dict", "dict", "set", "frozenset", "sublist", "subdict", "subtuple", "namedtuple", "ordereddict"]);
  const name = c.name("v");
  const n = c.int(0, 4);
  const kids = () => Array.from({ length: n }, () => pyComposite(c, depth + 1, maxDepth));
  switch (kind) {
    case "list":
    case "sublist": {
      c.setup(`${name} = ${kind === "list" ? "[]" : pySubclass(c, "list") + "()"}`);
      c.pool.push(name);
      for (const k of kids()) c.setup(`${name}.append(${k})`);
      return name;
    }
    case "dict":
    case "subdict":
    case "ordereddict": {
      if (kind === "ordereddict") c.setupOnce("od", "from collections import OrderedDict");
      const ctor = kind === "dict" ? "{}" : kind === "ordereddict" ? "OrderedDict()" : pySubclass(c, "dict") + "()";
      c.setup(`${name} = ${ctor}`);
      c.pool.push(name);
      for (let i = 0; i < n; i++) {
        const v = pyComposite(c, depth + 1, maxDepth);
        c.setup(`${name}[${pyKey(c)}] = ${v}`);
      }
      return name;
    }
    case "tuple":
    case "subtuple": {
      const items = kids();
      const literal = `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
      c.setup(`${name} = ${kind === "tuple" ? literal : pySubclass(c, "tuple") + "(" + literal + ")"}`);
      c.pool.push(name);
      return name;
    }
    case "set":
    case "frozenset": {
      const items = Array.from({ length: n }, () => (c.chance(0.7) ? pyHashable(c) : pyKey(c)));
      c.setup(`${name} = ${kind}([${items.join(", ")}])`);
      return name;
    }
    default: {
      const v = pyNamedtuple(c);
      c.setup(`${name} = ${v}`);
      return name;
    }
  }
}

// Converters: benign ones and ones that lie, raise, recurse or return odd things.
function pyDefaultConverter(c) {
  c.setupOnce("Fresh", "class Fresh:\n    pass");
  const body = c.weighted([
    [2, "return 0"],
    [2, "return type(v).__name__"],
    [2, "return v"],
    [1, "return Fresh()"],
    [1, "return [v]"],
    [2, 'raise ValueError("default_converter hostile")'],
    [1, "raise KeyboardInterrupt()"],
    [1, 'return JS("({from: \\"js\\"})")'],
    [1, "return convert(v)"],
    [1, 'return convert([1, "x"])'],
    [1, 'return convert({"k": Fresh()})'],
    [1, "return None"],
    [1, "return cache(v, 1)"],
    [1, "return convert"],
    [1, "return ffi.to_js([v.__class__.__name__], pyproxies=made)"],
    [1, "return keep.append(ffi.create_proxy(lambda: 1)) or keep[-1]"],
    [1, "return iter([1])"],
    [1, "return [convert(v), convert(v)]"],
    [1, "return convert(convert)"],
    [1, "return v.__class__"],
    [1, "return {1: v}"],
    [1, 'return {(1, 2): "bad key"}'],
  ]);
  // (Always the documented arity: a wrong one only shows each interpreter's own TypeError.)
  const name = c.name("dc");
  c.setup(`def ${name}(v, convert, cache):\n${indent(body)}`);
  return name;
}

function pyDictConverter(c) {
  if (c.chance(0.4)) return c.pick(["window.Map.new", "window.Object.fromEntries", 'JS("(pairs) => pairs.length")', 'JS("(pairs) => { throw new TypeError(\\"js dict_converter\\") }")', "5", '"notcallable"']);
  const body = c.pick([
    "return None",
    "return 5",
    // pairs come in the dict's iteration order (hash order on MicroPython): sorted first
    "return sort_pairs(pairs)",
    'raise ValueError("dict_converter hostile")',
    "return [1]",
    'return {"again": 1}',
    "return window.Map.new(pairs)",
    "return ffi.to_py(sort_pairs(pairs))",
    "return value",
    "return pairs.length",
    "return chr(0xd800)",
  ]);
  const name = c.name("dictc");
  c.setup(`def ${name}(pairs):\n${indent(body)}`);
  return name;
}

function pyEagerConverter(c) {
  c.setupOnce("Fresh", "class Fresh:\n    pass");
  const body = c.pick([
    "return convert(v)",
    "return convert(v)",
    "return v",
    "return [v]",
    'raise ValueError("eager_converter hostile")',
    'return JS("[\\"eager\\"]")',
    "return convert(convert)",
    "return None",
    "return Fresh()",
    'return {"eager": convert(v)}',
    "return convert([v])",
    "return type(v).__name__",
    "return cache(v, convert(v))",
  ]);
  const name = c.name("ec");
  c.setup(`def ${name}(v, convert, cache):\n${indent(body)}`);
  return name;
}

/** Random to_js keyword arguments, as Python source (", depth=1, ..."). */
function pyToJsOptions(c, { converters = 0.5, pyproxies = true } = {}) {
  const opts = [];
  if (c.chance(0.25)) opts.push(`depth=${c.pick(["-1", "0", "1", "2", "3", "5", "899", "900", "901", "2**31", "2**63", "-2", "1.5", "True", '"1"', "None"])}`);
  if (c.chance(0.15)) opts.push(`create_pyproxies=${c.pick(["True", "False", "False", "1", "None"])}`);
  if (pyproxies) {
    if (c.chance(0.93)) opts.push("pyproxies=made");
    else {
      opts.push(`pyproxies=${c.pick(['JS("({})")', "[]", 'JS("[]")', "None", "window.Array"])}`);
      c.proxies = true; // the proxies this call makes land where the case cannot destroy them
    }
  }
  if (c.chance(converters)) {
    if (c.chance(0.5)) opts.push(`dict_converter=${pyDictConverter(c)}`);
    if (c.chance(0.5)) opts.push(`default_converter=${pyDefaultConverter(c)}`);
    if (c.chance(0.3)) opts.push(`eager_converter=${pyEagerConverter(c)}`);
  }
  // Shuffle: the order of keyword arguments must not matter.
  for (let i = opts.length - 1; i > 0; i--) {
    const j = c.int(0, i);
    [opts[i], opts[j]] = [opts[j], opts[i]];
  }
  return opts.map((o) => ", " + o).join("");
}

// Families of Python cases. Each returns { value, options } and fills c.lines.
const PY_KINDS = {
  composite(c) {
    return { value: pyComposite(c, 0, c.int(1, 4)), options: pyToJsOptions(c) };
  },
  subclass(c) {
    const base = c.pick(Object.keys(BASES));
    const inst = pySubclassInstance(c, base);
    const value = c.pick([inst, `[${inst}]`, `{"k": ${inst}}`, `[${inst}, ${inst}]`, `(${inst},)`]);
    return { value, options: pyToJsOptions(c, { converters: 0.3 }) };
  },
  mutate(c) {
    // The converter changes the value while it is being converted.
    c.setupOnce("Obj", OBJ_CLASS);
    // Shapes whose result cannot depend on dict iteration order (hash order on MicroPython):
    // the only dicts have one entry.
    const shape = c.pick(["list", "dict", "nested", "bytearray", "shared"]);
    if (shape === "list") c.setup(`victim = [Obj(0), 1, [2, Obj(3)], Obj(4), "five"]`);
    else if (shape === "dict") c.setup(`victim = {"o": Obj(0)}`);
    else if (shape === "nested") c.setup(`inner = [Obj(0), 1]\nvictim = [inner, {"x": inner}, Obj(1), inner]`);
    else if (shape === "bytearray") c.setup(`ba = bytearray(b"abcdef")\nvictim = [Obj(0), ba, [ba], ba]`);
    else c.setup(`inner = {"k": [1, 2]}\nvictim = [inner, Obj(0), inner, [inner]]`);
    const mutation = c.pick({
      list: ["victim.clear()", "victim.append(Obj(9)) if len(victim) < 50 else None", "victim.pop() if victim else None", "victim.insert(0, Obj(7)) if len(victim) < 50 else None", "victim[3] = [victim]", "del victim[0]"],
      dict: ['victim["new" + str(len(victim))] = Obj(9) if len(victim) < 50 else 0', "victim.clear()", 'victim["o"] = victim', "victim.popitem() if victim else None"],
      nested: ["inner.clear()", "inner.append(victim)", "inner.append(Obj(8)) if len(inner) < 50 else None", "victim.clear()", "inner[1] = inner"],
      bytearray: ['ba.extend(b"zz")', "ba[0] = 122", "victim.append(ba) if len(victim) < 50 else None"],
      shared: ["inner.clear()", 'inner["m" + str(len(inner))] = 1 if len(inner) < 1 else 0', "victim.clear()", 'inner["k"] = victim'],
    }[shape]);
    const where = c.pick(["default", "default", "eager", "dict"]);
    // rest is (convert, cache_conversion) for the default and eager converters.
    const ret = c.pick({ default: ["0", "v.n", "[v.n]", "rest[0](v.n)", "None"], eager: ["rest[0](v)", "rest[0](v)", "0", "None"], dict: ["0", "v.length"] }[where]);
    c.setup(`def mutator(v, *rest):\n    ${mutation}\n    return ${ret}`);
    let options = ", pyproxies=made";
    if (where === "default") options += ", default_converter=mutator";
    else if (where === "eager") options += ", eager_converter=mutator";
    else options += ", dict_converter=mutator";
    if (c.chance(0.3)) options += pyToJsOptions(c, { converters: 0, pyproxies: false });
    return { value: "victim", options, after: "out(pyd(victim))" };
  },
  converters(c) {
    c.setupOnce("Obj", OBJ_CLASS);
    const value = c.pick([
      '[Obj(1), {"d": {"e": 1}}, (2, Obj(3))]',
      '{"o": Obj(1), "l": [Obj(2)], "n": None}',
      "Obj(5)",
      '{"x": {"y": {"z": [1, 2]}}}',
      "[{}, {1: 2}, {None: Obj()}]",
      "[lambda: 1, (x for x in [])]",
      pyComposite(c, 0, 2),
    ]);
    return { value, options: pyToJsOptions(c, { converters: 1 }) };
  },
  deep(c) {
    const n = c.pick([2, 100, 150, 200, 300, 898, 899, 900, 901, 902, 1000, 5000, 100000, c.int(1, 2000)]);
    const pattern = Array.from({ length: c.int(1, 3) }, () => c.pick(["l", "l", "d", "t", "s", "o"])).join("");
    if (pattern.includes("s")) c.setup(`class SL(list):\n    pass`);
    if (pattern.includes("o")) c.setupOnce("od", "from collections import OrderedDict");
    c.setup(
      `value = ${pyScalar(c)}`,
      `pattern = "${pattern}"`,
      `for i in range(${n}):`,
      `    k = pattern[i % len(pattern)]`,
      `    if k == "l":`,
      `        value = [value]`,
      `    elif k == "d":`,
      `        value = {"k": value}`,
      `    elif k == "t":`,
      `        value = (value,)`,
      `    elif k == "s":`,
      `        value = SL([value])`,
      `    else:`,
      `        value = OrderedDict(k=value)`,
    );
    let options = ", pyproxies=made";
    if (c.chance(0.3)) options += `, depth=${c.pick([n - 1, n, n + 1, 1, 0, 899, 900, 901])}`;
    if (c.chance(0.15)) options += `, dict_converter=${c.pick(["window.Map.new", "window.Object.fromEntries"])}`;
    if (c.chance(0.1)) options += `, eager_converter=${pyEagerConverter(c)}`;
    if (c.chance(0.1)) options += `, default_converter=${pyDefaultConverter(c)}`;
    return { value: "value", options, after: n > 1000 ? "keep_alive(value)" : null };
  },
  cycle(c) {
    const n = c.int(1, 4);
    const names = [];
    for (let i = 0; i < n; i++) {
      const name = c.name("g");
      names.push(name);
      c.setup(`${name} = ${c.pick(["[]", "{}", "[0]", '{"z": 0}'])}`);
    }
    // Random edges, self-loops and edges through tuples included.
    for (let e = c.int(1, 6); e > 0; e--) {
      const from = c.pick(names);
      let to = c.pick(names);
      if (c.chance(0.3)) to = `(${to},)`;
      if (c.chance(0.1)) to = `frozenset([(1, 2)])`;
      c.setup(`if type(${from}) is list:\n    ${from}.append(${to})\nelse:\n    ${from}[${pyKey(c)}] = ${to}`);
    }
    const value = c.pick([names[0], `(${names[0]},)`, `[${names.join(", ")}]`, `{"a": ${names[0]}, "b": ${c.pick(names)}}`]);
    return { value, options: pyToJsOptions(c, { converters: 0.4 }) };
  },
  keys(c) {
    if (c.chance(0.1)) {
      c.setup(
        c.pick([
          // (str keys: see STR_KEYS)
          `value = {i: i for i in range(${STR_KEYS})}`,
          `value = {"k" + str(i): i for i in range(${STR_KEYS})}`,
          "value = {i * 0.5: 0 for i in range(20000)}",
          'value = {("x" * (1 << 20)): 1}',
          "value = {chr(0xd800 + i): i for i in range(1024)}",
        ]),
      );
      return { value: "value", options: pyToJsOptions(c, { converters: 0.2 }) };
    }
    const entries = [];
    for (let i = c.int(1, 5); i > 0; i--) entries.push(`${pyKey(c)}: ${c.chance(0.7) ? pyScalar(c) : pyAtom(c)}`);
    // A pair of keys that become the same property name.
    if (c.chance(0.3)) {
      const [a, b] = c.pick([["1", '"1"'], ["2.0", '"2.0"'], ["True", '"true"'], ["None", '"null"'], ['float("inf")', '"Infinity"'], ["-0.0", '"-0.0"'], ['float("nan")', 'float("nan")'], ["2**70", '"1180591620717411303424"'], ["1e16", '"1e+16"'], ["0.1", '"0.1"'], ["-1", '"-1"']]);
      entries.push(`${a}: "first"`, `${b}: "second"`);
    }
    const dict = `{${entries.join(", ")}}`;
    return { value: c.pick([dict, `[${dict}]`, `{"outer": ${dict}}`]), options: pyToJsOptions(c, { converters: 0.3 }) };
  },
  big(c) {
    const value = c.pick([
      "2**100000",
      "-(2**100000)",
      "[2**100000, -(2**99999)]",
      "{2**100000: 1}",
      "{1: 2**100000}",
      "bytes(4 << 20)",
      '[b"\\x01" * (3 << 20)]',
      "bytearray(2 << 20)",
      '"x" * (4 << 20)',
      "list(range(100000))",
      "[[i] for i in range(20000)]",
      "[chr(0x10ffff) * 1000] * 100",
      "[1.5] * 200000",
      "{str(i): [i] for i in range(30000)}",
      "set(range(50000))",
      "tuple(range(100000))",
    ]);
    return { value, options: pyToJsOptions(c, { converters: 0.1 }) };
  },
  buffers(c) {
    const mv = pyMemoryview(c);
    const value = c.pick([mv, `[${mv}, ${mv}]`, `{"m": ${mv}}`, `(${pyBytesish(c)}, ${pyBytesish(c)})`]);
    return { value, options: pyToJsOptions(c, { converters: 0.3 }) };
  },
  namedtuples(c) {
    c.setupOnce("nt", NT_CLASSES);
    c.setup(`p = NT(1, [2])`);
    const value = c.pick(["[p, p, NT(3, 4)]", "[NT(1, 2), NT2(NT(3, 4))]", '{"a": p, "b": NT2(p)}', "(p, (p,))", "NT(p, p)", `[NT(${pyAtom(c)}, p), NT2(${pyAtom(c)})]`]);
    return { value, options: pyToJsOptions(c, { converters: 0.3 }) };
  },
  callables(c) {
    const items = Array.from({ length: c.int(1, 4) }, () => pyObject(c));
    return { value: c.pick([items[0], `[${items.join(", ")}]`, `{"f": ${items[0]}, "g": ${items.at(-1)}}`]), options: pyToJsOptions(c, { converters: 0.3 }) };
  },
};

// A failing conversion repeated thousands of times (an earlier bug corrupted memory
// after ~2,400 failed conversions): the failures must stay the same and later
// conversions right.
function pyRepeat(c) {
  const [setup, op] = c.pick([
    ["bad = {(1, 2): 1}", "ffi.to_js(bad)"],
    ["bad = {1: 0, '1': 1}", "ffi.to_js(bad)"],
    ["bad = [0]\nfor _ in range(1000):\n    bad = [bad]", "ffi.to_js(bad)"],
    ["def bad(v, c, cc):\n    raise ValueError('x')", "ffi.to_js([object()], default_converter=bad, pyproxies=made)"],
    ["bad = lambda: 1", "ffi.to_js([bad], create_pyproxies=False)"],
    ["def bad(p):\n    raise ValueError('y')", "ffi.to_js({'a': {}}, dict_converter=bad)"],
    ["def bad(v, c, cc):\n    raise ValueError('z')", "ffi.to_js([[1]], eager_converter=bad)"],
    ["bad = [object(), {(1,): 2}]", "ffi.to_js(bad, pyproxies=made)"],
    ["bad = {1.0: 0, '1.0': 1, 2: [3]}", "ffi.to_js(bad)"],
    ["bad = [1]", "ffi.to_js(bad, depth=-5)"],
  ]);
  const n = c.pick([3000, 3000, 2500]);
  return `made = JS("[]")
keep = []
${setup}
${repeated(op, n)}out(jsd(ffi.to_js({"after": [1, 2**60, "y", 2.5, None]})))
out(pyd(ffi.to_py(JS("[[1, 2.5, 'x', null, 2**53], {a: [true]}]"))))
destroy_all(made)`;
}

function genPy(c) {
  if (c.chance(0.04)) return { kind: "repeat", code: pyRepeat(c) };
  const kind = c.weighted([
    [5, "composite"],
    [4, "subclass"],
    [3, "mutate"],
    [4, "converters"],
    [2, "deep"],
    [3, "cycle"],
    [4, "keys"],
    [1, "big"],
    [2, "buffers"],
    [1, "namedtuples"],
    [2, "callables"],
  ]);
  const { value, options, after } = PY_KINDS[kind](c);
  const roundTrip = c.chance(0.3);
  const code = `made = JS("[]")
keep = []
try:
${indent(c.lines.join("\n") || "pass")}
    value = ${value}
except Exception as e:
    setup_failed(e)
else:
    try:
        r = ffi.to_js(value${options})
        out(jsd(r))
${roundTrip ? indent("out(pyd(ffi.to_py(r)))", 8) + "\n" : ""}    except Exception as e:
        out(err(e))
${kind !== "mutate" ? `        order_probe(lambda v: ffi.to_js(v${options}), value, e)\n` : ""}${after ? indent(`try:\n    ${after}\nexcept Exception as e:\n    out(err(e))`) + "\n" : ""}destroy_all(made)
destroy_all(keep)`;
  return { kind, code };
}

// ---------------------------------------------------------------------------------
// JS values (JS source, ASCII, never throwing while being built)

const ERRORS = [
  'new Error("boom")',
  'new RangeError("range")',
  '42',
  'null',
  'undefined',
  'Symbol("thrown")',
  '"a string"',
  '({ toString() { throw new Error("toString") } })',
  '(() => { const e = new Error("m"); Object.defineProperty(e, "message", { get() { throw new Error("message getter") } }); return e; })()',
  '(() => { const e = new TypeError("\\ud800"); e.name = "\\udfff"; return e; })()',
  '(() => { const e = new Error("x".repeat(100000)); return e; })()',
  'new Proxy({}, { get() { throw new Error("thrown proxy") } })',
];

function jsScalar(c) {
  return c.pick([
    "null", "undefined", "true", "false", "0", "-0", "NaN", "Infinity", "-Infinity", "2**53", "2**53-1", "-(2**53)", "2**53+2", "5e-324", "1.7976931348623157e308", "0.1", "2**31", "-(2**31)-1", "2**32",
    "0n", "-1n", "12345678901234567890n", "-(2n**64n)", "2n**53n", "2n**100000n", "-(2n**1000n)",
    '""', '"plain"', '"\\u0000"', '"\\ud800"', '"a\\udfffb"', '"\\ud83d\\ude00"', '"\\ude00\\ud83d"', '"\\u00e9\\u65e5"', '"x".repeat(1 << 20)', '"\\ud800".repeat(1000)', '"\\u2028"',
    'Symbol("s")', "Symbol.iterator", "(() => 1)", "(function named(a, b) {})", "(class K {})", "(async () => {})", "(function* () {})()", "Math.max",
    "new Date(0)", "new Date(NaN)", "/re/g", 'new Error("e")', "new WeakMap()", "Promise.resolve(1)", "new Int32Array([1, -2])", "new Float64Array([0.5, -0])", "new DataView(new ArrayBuffer(4))",
    "new Uint8ClampedArray([300])", "Object.create(null)", "new Uint8Array([1, 2, 255])", "new ArrayBuffer(3)", "new Uint8Array(0)", "globalThis.Math", "new (class Point { constructor() { this.x = 1 } })()",
    "new Number(5)", 'new String("boxed")', "new Boolean(false)", "Object(1n)", 'Object(Symbol("b"))',
  ]);
}

const TARGETS = ['{ a: 1, b: [2] }', "[1, 2, 3]", "new Map([[1, 2]])", "new Set([1])", "(() => 1)", "new Uint8Array([1, 2])", "Object.create(null)", "[]", "{}"];

/** A Proxy whose traps throw or lie. */
function jsProxy(c) {
  const traps = [];
  const trapPool = {
    ownKeys: ['() => { throw ' + c.pick(ERRORS) + " }", '() => ["a", "a"]', '() => ["zz"]', '() => [Symbol("s")]', "() => [1]", `() => Array.from({ length: ${STR_KEYS} }, (_, i) => "k" + i)`, "() => []", '(t) => [...Reflect.ownKeys(t), "length"]'],
    getPrototypeOf: ["() => { throw " + c.pick(ERRORS) + " }", "() => Array.prototype", "() => Map.prototype", "() => Set.prototype", "() => null", "() => Uint8Array.prototype", "() => ArrayBuffer.prototype", "() => Date.prototype"],
    get: [
      "() => { throw " + c.pick(ERRORS) + " }",
      '(t, k) => k === "length" ? 5 : 1',
      '(t, k) => k === "length" ? 2**32 - 1 : undefined',
      '(t, k) => k === "length" ? -1 : Reflect.get(t, k)',
      '(t, k) => k === "length" ? "3" : Reflect.get(t, k)',
      '(t, k) => k === "length" ? NaN : Reflect.get(t, k)',
      "() => ({})",
      "(() => { let n = 0; return (t, k) => ++n; })()",
      '(t, k) => typeof k === "symbol" ? undefined : Reflect.get(t, k)',
    ],
    has: ["() => { throw " + c.pick(ERRORS) + " }", "() => false", "() => true"],
    getOwnPropertyDescriptor: ["() => { throw " + c.pick(ERRORS) + " }", "() => undefined", "() => ({ value: 1, enumerable: true, configurable: true })", "(t, k) => Reflect.getOwnPropertyDescriptor(t, k)", "() => ({ get() { throw new Error(\"descriptor getter\") }, enumerable: true, configurable: true })"],
  };
  for (const [trap, bodies] of Object.entries(trapPool)) if (c.chance(0.35)) traps.push(`${trap}: ${c.pick(bodies)}`);
  if (!traps.length) traps.push(`get: ${c.pick(trapPool.get)}`);
  return `new Proxy(${c.pick(TARGETS)}, { ${traps.join(", ")} })`;
}

function jsHostile(c) {
  const e = () => c.pick(ERRORS);
  return c.weighted([
    // Throwing getters on an index, on a key, on length.
    [3, () => `(() => { const a = [1, 2, 3]; Object.defineProperty(a, ${c.int(0, 2)}, { get() { throw ${e()} }, enumerable: true }); return a; })()`],
    [3, () => `({ a: 1, get b() { throw ${e()} }, c: 3 })`],
    [1, () => `new Proxy([1, 2], { get(t, k) { if (k === "length") throw ${e()}; return Reflect.get(t, k); } })`],
    [1, () => `(() => { const m = new Map([[1, 2]]); Object.defineProperty(m, "size", { get() { throw ${e()} } }); return m; })()`],
    // Proxies.
    [6, () => jsProxy(c)],
    [3, () => `(() => { const { proxy, revoke } = Proxy.revocable(${c.pick(TARGETS)}, {}); revoke(); return ${c.pick(["proxy", "[proxy]", "{ p: proxy }", "new Map([[1, proxy]])", "new Set([proxy])"])}; })()`],
    // Sparse and huge arrays.
    [3, () => `(() => { const a = [${c.pick(["", "1", "1, 2"])}]; a.length = ${c.pick(["2**32 - 1", "2**31", "10**6", "5", "0"])}; return a; })()`],
    [1, () => `(() => { const a = [1]; a[${c.pick(["2**32 - 2", "10**6", "100"])}] = 2; return a; })()`],
    [1, () => "[1, , 3]"],
    // Arrays and objects that change while they are read.
    [2, () => `(() => { const a = [1, 2]; Object.defineProperty(a, 0, { get() { a.push(a.length); return 0; }, enumerable: true }); return a; })()`],
    [1, () => `(() => { const a = [1, 2, 3]; Object.defineProperty(a, 0, { get() { a.length = 0; return 0; }, enumerable: true }); return a; })()`],
    [1, () => `(() => { const a = [1, 2, 3]; Object.defineProperty(a, 0, { get() { a[2] = a; return 0; }, enumerable: true }); return a; })()`],
    [1, () => `(() => { let n = 0; return new Proxy([], { get(t, k) { if (k === "length") return ++n; return n; } }); })()`],
    [1, () => `(() => { const o = { a: 1 }; Object.defineProperty(o, "g", { get() { o["k" + Object.keys(o).length] = 1; return 2; }, enumerable: true }); return o; })()`],
    [1, () => `(() => { const o = { a: 1, b: 2 }; Object.defineProperty(o, "a", { get() { delete o.b; return 1; }, enumerable: true, configurable: true }); return o; })()`],
    [1, () => `(() => { const mk = () => ({ get f() { return mk(); } }); return mk(); })()`],
    [1, () => `(() => { const a = []; Object.defineProperty(a, 0, { get() { return [a]; }, enumerable: true }); return a; })()`],
    // Buffers: detached, resizable, shared, views, subclasses.
    [2, () => `(() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; })()`],
    [2, () => `(() => { const b = new ArrayBuffer(8); const u = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return u; })()`],
    [1, () => `(() => { const b = new ArrayBuffer(4); const u = new Uint8Array(b); return { get a() { structuredClone(b, { transfer: [b] }); return 1; }, u }; })()`],
    [1, () => `(() => { const b = new ArrayBuffer(4); const u = new Uint8Array(b); const a = [0, u]; Object.defineProperty(a, 0, { get() { structuredClone(b, { transfer: [b] }); return 0; }, enumerable: true }); return a; })()`],
    [1, () => `(() => { const b = new ArrayBuffer(4, { maxByteLength: 16 }); const u = new Uint8Array(b); const a = [0, u, b]; Object.defineProperty(a, 0, { get() { b.resize(16); return 0; }, enumerable: true }); return a; })()`],
    [1, () => c.pick(["new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 }))", "new Uint8Array(new SharedArrayBuffer(4))", "new SharedArrayBuffer(2)", "new Uint8Array(new ArrayBuffer(10), 2, 3)", "new (class U extends Uint8Array {})(3)", 'Buffer.from("ab")', "new Uint8Array(4 << 20)", "new ArrayBuffer(3 << 20)", "new Uint16Array([1, 65535])", "new BigInt64Array([-1n])"])],
    // Maps and Sets.
    [2, () => `(() => { const m = new Map([[1, "a"]]); m[Symbol.iterator] = () => { throw ${e()} }; m.entries = m[Symbol.iterator]; m.forEach = m.entries; return m; })()`],
    [2, () => `(() => { const s = new Set([1]); s[Symbol.iterator] = () => { throw ${e()} }; s.values = s[Symbol.iterator]; s.forEach = s.values; return s; })()`],
    [1, () => `new (class M extends Map { *[Symbol.iterator]() { throw ${e()} } entries() { throw ${e()} } })([[1, 2]])`],
    [1, () => `new Proxy(new Map([[1, 2]]), {})`],
    [3, () => `new Map([${Array.from({ length: c.int(1, 3) }, () => `[${c.pick(["{}", "[]", "NaN", "-0", "1", "true", "1n", '"1"', "2**53", "2n**53n", 'Symbol("k")', "(() => 1)", "null", "undefined", "1.5", '"\\ud800"', "new Date(0)", "new Uint8Array([1])"])}, ${c.chance(0.5) ? jsScalar(c) : "1"}]`).join(", ")}])`],
    [2, () => `new Set([${Array.from({ length: c.int(1, 3) }, () => c.pick(["{}", "[]", "NaN", "1", "true", "1n", '"1"', "1.0", "null", "undefined", "2**53", "2n**53n", '"\\udfff"'])).join(", ")}])`],
    [1, () => `(() => { const m = new Map(); m.set(m, 1); return m; })()`],
    [1, () => `(() => { const m = new Map(); m.set("self", m); return m; })()`],
    [1, () => `(() => { const s = new Set(); s.add(s); return s; })()`],
    [1, () => `new Map(Array.from({ length: 100000 }, (_, i) => [i, i]))`],
    [1, () => `new Set(Array.from({ length: ${STR_KEYS} }, (_, i) => "s" + i))`],
    // Keys.
    [1, () => `({ ["x".repeat(1 << 20)]: 1 })`],
    [1, () => `Object.fromEntries(Array.from({ length: ${STR_KEYS} }, (_, i) => ["k" + i, i]))`],
    [2, () => `({ ${c.pick(['"\\ud800": 1', '"a\\udc00": 2, b: 3', '"\\ud83d\\ude00": 4', '"": 0, "0": 1, "4294967295": 2, "-0": 3, "01": 4', '[Symbol("s")]: 1, a: 2', '"__proto__": 5', '["__proto__"]: 6', "toString: 7, valueOf: 8, constructor: 9"])} })`],
    [1, () => `JSON.parse('{"__proto__": {"x": 1}, "a": 2}')`],
    [1, () => `Object.defineProperty({ a: 1 }, "hidden", { value: 2, enumerable: false })`],
    [1, () => `(() => { const o = Object.create(null); o.a = 1; o[Symbol.toStringTag] = "Map"; return o; })()`],
    [1, () => `(() => { const o = Object.create(Array.prototype); o[0] = 1; o.length = 1; return o; })()`],
    [1, () => `Object.create({ inherited: 1 })`],
    [1, () => `new (class Sub extends Array {})(3)`],
    [1, () => `(function () { return arguments; })(1, 2)`],
    [1, () => `Object.freeze([1, { a: 2 }])`],
  ])();
}

/** A JS container tree with shared parts and cycles; `lines` collects statements. */
function jsComposite(c, depth, maxDepth, lines, names) {
  if (depth >= maxDepth || c.chance(0.3)) {
    if (names.length && c.chance(0.2)) return c.pick(names);
    return c.chance(0.5) ? jsHostile(c) : jsScalar(c);
  }
  const name = c.name("v");
  const kind = c.pick(["array", "array", "object", "object", "map", "set", "nullproto"]);
  const n = c.int(0, 4);
  if (kind === "array") {
    lines.push(`const ${name} = [];`);
    names.push(name);
    for (let i = 0; i < n; i++) lines.push(`${name}.push(${jsComposite(c, depth + 1, maxDepth, lines, names)});`);
  } else if (kind === "object" || kind === "nullproto") {
    lines.push(`const ${name} = ${kind === "object" ? "{}" : "Object.create(null)"};`);
    names.push(name);
    for (let i = 0; i < n; i++) {
      const key = c.pick(['"k"', '"a"', '"1"', '"__proto__"', '"\\ud800"', '"b"', '"c"', '""']);
      const v = jsComposite(c, depth + 1, maxDepth, lines, names);
      // "__proto__" as an own data property (assigning it would set the prototype).
      lines.push(`Object.defineProperty(${name}, ${key}, { value: ${v}, enumerable: true, writable: true, configurable: true });`);
    }
  } else if (kind === "map") {
    lines.push(`const ${name} = new Map();`);
    names.push(name);
    for (let i = 0; i < n; i++) lines.push(`${name}.set(${c.pick(["1", '"a"', "2.5", "null", "true", "2n**64n", '"k' + i + '"', "{}"])}, ${jsComposite(c, depth + 1, maxDepth, lines, names)});`);
  } else {
    lines.push(`const ${name} = new Set();`);
    for (let i = 0; i < n; i++) lines.push(`${name}.add(${c.pick(["1", '"a"', "2.5", "null", "true", "1n", "NaN", "-0", '"s' + i + '"'])});`);
  }
  return name;
}

function jsDeep(c) {
  const n = c.pick([2, 150, 300, 898, 899, 900, 901, 1000, 5000, 100000, c.int(1, 2000)]);
  const wrap = c.pick(["[v]", "{ k: v }", "new Map([[1, v]])", "[v, 1]", "Object.assign(Object.create(null), { v })"]);
  return `(() => { let v = ${jsScalar(c)}; for (let i = 0; i < ${n}; i++) v = ${wrap}; return v; })()`;
}

function jsExpression(c) {
  return c.weighted([
    [3, () => jsScalar(c)],
    [8, () => jsHostile(c)],
    [2, () => jsDeep(c)],
    [
      6,
      () => {
        const lines = [];
        const root = jsComposite(c, 0, c.int(1, 4), lines, []);
        if (!lines.length) return root;
        // Back edges: cycles through arrays and objects.
        if (c.chance(0.3)) lines.push(`${root}.${c.pick(["self", "k"])} = ${root};`);
        return `(() => { ${lines.join(" ")} return ${root}; })()`;
      },
    ],
  ])();
}

const DEPTHS = ["-1", "0", "1", "2", "3", "900", "901", "2**32", "2**53", "10**100", "-2", "1.5", "True", '"1"', "None", "-(2**63)"];

function jsRepeat(c) {
  const src = c.pick([
    '[{ get b() { throw new Error("boom") } }]',
    '[(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()]',
    '["ok", "\\ud800"]',
    "[(() => { let v = []; for (let i = 0; i < 1000; i++) v = [v]; return v; })()]",
    '[new Proxy({}, { ownKeys() { throw new Error("keys") } })]',
    "[new Map([[{}, 1]])]",
    "[new Map([[1, 1], [true, 2]])]",
    '[{ "\\udc00": 1 }]',
  ]);
  const n = c.pick([3000, 3000, 2500]);
  return `holder = JS(${pyLit(src)})
${repeated("ffi.to_py(holder)", n)}out(pyd(ffi.to_py(JS("[[1, 2.5, 'x', null, 2**53, -0, 2n**70n], {a: [true]}, new Map([[1, new Set(['s'])]])]"))))
out(jsd(ffi.to_js({"after": [1, 2**60, "y", 2.5, None]})))`;
}

function genJs(c) {
  if (c.chance(0.04)) return { kind: "repeat", code: jsRepeat(c) };
  const expr = jsExpression(c);
  const holder = c.chance(0.15) ? `[${expr}, ${jsExpression(c)}]` : `[${expr}]`;
  const depth = c.chance(0.3) ? `, depth=${c.pick(DEPTHS)}` : "";
  const roundTrip = c.chance(0.25) ? `\n        out(jsd(ffi.to_js(r, pyproxies=made)))` : "";
  if (c.chance(0.2)) {
    // JavaScript calls back into Python with the hostile value: to_py runs inside a callback.
    const explicit = c.chance(0.5);
    return {
      kind: "callback",
      code: `made = JS("[]")
def cb(h):
    try:
        r = ffi.to_py(h${depth})
        out(pyd(r))${roundTrip.replace(/\n {8}/g, "\n        ")}
    except Exception as e:
        out(err(e))
call = JS(${pyLit(`(f) => { f(${holder}); return 0; }`)})
${explicit ? "p = ffi.create_proxy(cb)\ncall(p)\nffi.destroy(p)" : "call(cb)"}
destroy_all(made)`,
    };
  }
  return {
    kind: "to_py",
    code: `made = JS("[]")
try:
    holder = JS(${pyLit(holder)})
except Exception as e:
    setup_failed(e)
else:
    try:
        r = ffi.to_py(holder${depth})
        out(pyd(r))${roundTrip}
    except Exception as e:
        out(err(e))
destroy_all(made)`,
  };
}

// ---------------------------------------------------------------------------------

/** The case `index` of `family` ("py", "js" or "all": even indices py, odd js). */
export function generate(seed, index, family = "all") {
  const fam = family === "all" ? (index % 2 === 0 ? "py" : "js") : family;
  const c = new Ctx(rng(caseSeed(seed, index, fam)));
  const { kind, code } = fam === "py" ? genPy(c) : genJs(c);
  if (!/^[\x09\x0a\x20-\x7e]*$/.test(code)) throw new Error(`generator bug: case ${index} is not ASCII`);
  // A repeat case does thousands of conversions (up to ~8 s on MicroPython, more under
  // load): it gets three times the time limit.
  return { seed, index, family: fam, kind, code, proxies: c.proxies, timeoutFactor: kind === "repeat" ? 3 : 1 };
}
