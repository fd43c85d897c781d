# A catalogue of snippets a PyScript user writes against views (docs/views.md), run by
# js/tests/views-catalogue.test.mjs on Pyodide and MicroPython, in Node and in Chromium:
# every snippet must give the same outcome on both interpreters.
#
# This file is data. SECTIONS is a list of sections; each has a name, flags and snippets:
#   "async": True   the snippet runs as the body of an `async def` (it may `await`);
#   "dom": True     the section runs only in Chromium (`document` is window.document).
# A snippet is Python source run in a fresh namespace holding `window`
# (ffi.bind(js.eval("globalThis"))), `ffi` and, in DOM sections, `document`. A one-line
# snippet is an expression; in a longer one the statements run and the last line (an
# expression, not indented) is its value. A snippet that starts with "!" is expected to
# raise (its outcome is the exception); every other one must not raise.
# Snippets create what they change (window.Object.new(), window.eval("(...)")) instead of
# writing globals: one interpreter runs the whole catalogue, so no snippet may depend on
# another one having run before it.

# Snippets whose outcomes cannot be made identical, each with the reason: the test
# requires them to differ still (an entry that became identical must be removed) and
# reports them apart from the identical ones. The goal is an empty list.
DIFFERENCES = {}

SECTIONS = [
    {
        "name": "attribute reads",
        "snippets": [
            r"""window.JSON.parse('{"id": 1234567890123}').id""",
            r"""window.JSON.parse('{"id": 9007199254740991}').id""",
            r"""window.JSON.parse('{"id": 9007199254740993}').id""",
            r"""window.JSON.parse('{"n": 2147483648}').n""",
            r"""window.JSON.parse('{"n": -2147483649}').n""",
            r"""window.JSON.parse('{"n": 4294967296}').n""",
            r"""window.JSON.parse('{"n": 4294967295}').n""",
            r"""window.JSON.parse('{"n": 1e21}').n""",
            r"""window.JSON.parse('{"n": 0.1}').n""",
            r"""window.JSON.parse('{"n": -0.0}').n""",
            r"""window.JSON.parse('{"n": 12345678901234567890}').n""",
            r"""window.JSON.parse('{"price": 19.99}').price * 100""",
            r"""data = window.JSON.parse('{"items": [{"id": 1700000000001, "name": "a"}, {"id": 1700000000002, "name": "b"}]}')
[item.id for item in data.items]""",
            r"""data = window.JSON.parse('{"user": {"id": 3000000000, "tags": ["x", "y"]}}')
[data.user.id, data.user.tags[-1], len(data.user.tags)]""",
            r"""window.Number.MAX_SAFE_INTEGER""",
            r"""window.Number.MIN_SAFE_INTEGER""",
            r"""window.Number.MAX_VALUE""",
            r"""window.Number.EPSILON""",
            r"""window.Math.PI""",
            r"""window.Math.E""",
            r"""type(window.Date.now()).__name__""",
            r"""window.Date.now() > 1600000000000""",
            r"""window.Date.UTC(2024, 0, 1)""",
            r"""window.Date.UTC(1969, 11, 31)""",
            r"""window.Date.new(0).getTime()""",
            r"""window.Date.new(2**41).getTime()""",
            r"""window.JSON.parse('{"owner": null}').owner""",
            r"""'owner' in window.JSON.parse('{"owner": null}')""",
            r"""'missing' in window.JSON.parse('{"owner": null}')""",
            r"""!window.JSON.parse('{"owner": null}').missing""",
            r"""hasattr(window.JSON.parse('{"a": null}'), "a")""",
            r"""hasattr(window.JSON.parse('{"a": null}'), "b")""",
            r"""getattr(window.JSON.parse('{"a": 1}'), "b", "fallback")""",
            r"""getattr(window.JSON.parse('{"a": null}'), "a", "fallback")""",
            r"""getattr(window.Math, "nope", None)""",
            r"""getattr(window.Math, "max")(1, 9)""",
            r"""window.JSON.parse('{"class": "btn"}').class_""",
            r"""window.JSON.parse('{"from": 1, "to": 2}').from_""",
            r"""window.JSON.parse('{"is": true}').is_""",
            r"""window.JSON.parse('{"import": "x", "def": "y"}').import_""",
            r"""window.JSON.parse('{"lambda": 1, "return": 2}').lambda_""",
            r"""window.JSON.parse('{"None": 7}').None_""",
            r"""window.JSON.parse('{"class_": "literal", "class": "keyword"}').class_""",
            r"""window.JSON.parse('{"name_": 1}').name_""",
            r"""window.eval("({ get x() { return 42 } })").x""",
            r"""window.eval("Object.create({inherited: 'yes'})").inherited""",
            r"""'inherited' in window.eval("Object.create({inherited: 'yes'})")""",
            r"""window.Math.max""",
            r"""callable(window.Math.max)""",
            r"""callable(window.Math)""",
            r"""window.Math.max.length""",
            r"""window.Math.max.name""",
            r"""window.String.name""",
            r"""window.undefined""",
            r"""window.NaN""",
            r"""window.Infinity""",
            r"""-window.Infinity""",
            r"""window.JSON.parse('{"s": "a\\u0000b"}').s""",
            r"""window.JSON.parse('{"s": "\\u0000lead"}').s""",
            r"""window.JSON.parse('{"e": "\\u00e9\\ud83d\\ude00"}').e""",
            r"""len(window.JSON.parse('{"e": "\\ud83d\\ude00"}').e)""",
            r"""window.JSON.parse('[1, [2, [3, [4]]]]')[1][1][1][0]""",
            r"""window.JSON.parse('{"a": {"b": {"c": "deep"}}}').a.b.c""",
            r"""window.BigInt("12345678901234567890")""",
            r"""window.eval("2n ** 64n")""",
            r"""window.eval("-(2n ** 100n)")""",
            r"""window.eval("0n")""",
            r"""type(window.eval("10n")).__name__""",
            r"""window.eval("''")""",
            r"""window.eval("true")""",
            r"""window.eval("null") is None""",
            r"""window.eval("undefined") is None""",
            r"""window.eval("2 ** 53")""",
            r"""window.eval("2 ** 53 - 1")""",
            r"""window.eval("-(2 ** 31)")""",
            r"""window.eval("1 / 3")""",
            r"""window.eval("-0")""",
            r"""!window.eval("'a\\ud800'")""",
            r"""window.JSON.parse('{"0": "zero"}')["0"]""",
            r"""window.JSON.parse('{"with space": 1}')["with space"]""",
            r"""getattr(window.JSON.parse('{"a-b": 2}'), "a-b")""",
            r"""!window.JSON.parse('{"a": 1}')["b"]""",
            r"""sorted(window.Object.keys(window.JSON.parse('{"b": 1, "a": 2}')))""",
            r"""window.Object.entries(window.JSON.parse('{"x": 1}'))[0][1]""",
            r"""window.Array.isArray(window.JSON.parse("[]"))""",
            r"""window.eval("({ valueOf() { return 5 } })").valueOf()""",
            r"""window.parseInt("ff", 16)""",
            r"""window.parseInt("9007199254740993")""",
            r"""window.parseFloat("3.25")""",
            r"""window.Number("1e21")""",
            r"""window.Number("abc")""",
            r"""hasattr(window, "JSON")""",
            r"""hasattr(window, "surelyNotAGlobal")""",
            r"""window.Symbol.iterator""",
            r"""window.Symbol.for_("app.key").description""",
            r"""window.Intl.NumberFormat.new("en-US").format(1234567.891)""",
            r"""window.eval("[1, 2, 3]").length""",
            r"""window.eval("({ nested: { list: [null, undefined, 1] } })").nested.list""",
        ],
    },
    {
        "name": "attribute writes",
        "snippets": [
            r"""o = window.Object.new()
o.x = None
[o.x, "x" in o, window.eval("(o) => o.x === null")(o)]""",
            r"""o = window.Object.new()
o.x = ffi.undefined
["x" in o, window.eval("(o) => o.x === undefined")(o)]""",
            r"""o = window.Object.new()
o.n = 2**53 - 1
[o.n, window.eval("(o) => typeof o.n")(o)]""",
            r"""o = window.Object.new()
o.n = 2**53
[o.n, window.eval("(o) => typeof o.n")(o)]""",
            r"""o = window.Object.new()
o.n = -(2**63)
[o.n, window.eval("(o) => String(o.n)")(o)]""",
            r"""o = window.Object.new()
o.n = 2**100
window.String(o.n)""",
            r"""o = window.Object.new()
o.n = 2**31
[o.n, window.eval("(o) => o.n === 2147483648")(o)]""",
            r"""o = window.Object.new()
o.n = -(2**31) - 1
o.n""",
            r"""o = window.Object.new()
o.n = 1.5
[o.n, window.eval("(o) => typeof o.n")(o)]""",
            r"""o = window.Object.new()
o.n = float("nan")
window.Number.isNaN(o.n)""",
            r"""o = window.Object.new()
o.n = -0.0
window.Object.is_(o.n, -0.0)""",
            r"""o = window.Object.new()
o.n = float("inf")
o.n""",
            r"""o = window.Object.new()
o.s = "a\0b"
[window.eval("(o) => o.s.length")(o), o.s]""",
            r"""o = window.Object.new()
o.s = "\0"
window.eval("(o) => o.s.charCodeAt(0)")(o)""",
            r"""o = window.Object.new()
o.s = "é😀"
[window.eval("(o) => o.s.length")(o), o.s]""",
            r"""o = window.Object.new()
o.s = ""
[o.s, window.eval("(o) => o.s === ''")(o)]""",
            r"""o = window.Object.new()
o.b = True
window.eval("(o) => typeof o.b")(o)""",
            r"""o = window.Object.new()
o.d = {"a": {"b": [1, 2, {"c": None}]}}
window.JSON.stringify(o.d)""",
            r"""o = window.Object.new()
o.d = {"a": 1}
[type(o.d) is type(window), o.d.a]""",
            r"""o = window.Object.new()
o.l = [1, [2, [3]]]
window.JSON.stringify(o)""",
            r"""o = window.Object.new()
o.t = (1, 2)
window.Array.isArray(o.t)""",
            r"""o = window.Object.new()
o.st = {1}
window.eval("(o) => o.st instanceof Set && o.st.has(1)")(o)""",
            r"""o = window.Object.new()
o.by = b"\x00\xff"
window.eval("(o) => o.by.constructor.name + ':' + Array.from(o.by).join(',')")(o)""",
            r"""o = window.Object.new()
o.v = window.Math
window.eval("(o) => o.v === Math")(o)""",
            r"""o = window.Object.new()
o.v = [window.Math, {"m": window.JSON}]
window.eval("(o) => o.v[0] === Math && o.v[1].m === JSON")(o)""",
            r"""o = window.Object.new()
o["key with space"] = 1
o["key with space"]""",
            r"""o = window.Object.new()
o["class"] = "x"
o.class_""",
            r"""o = window.Object.new()
o.class_ = "y"
o["class"]""",
            r"""o = window.Object.new()
setattr(o, "dyn", 5)
o.dyn""",
            r"""o = window.JSON.parse('{"x": 1}')
del o.x
hasattr(o, "x")""",
            r"""!o = window.Object.new()
delattr(o, "nothere")""",
            r"""!f = window.Object.freeze(window.Object.new())
f.x = 1""",
            r"""!s = window.Object.seal(window.JSON.parse('{"a": 1}'))
del s.a""",
            r"""!o = window.Object.defineProperty(window.Object.new(), "ro", {"value": 1, "writable": False})
o.ro = 2""",
            r"""o = window.Object.defineProperty(window.Object.new(), "ro", {"value": 1, "writable": False})
o.ro""",
            r"""o = window.eval("({ _v: 0, set v(x) { this._v = x * 2 } })")
o.v = 21
o._v""",
            r"""o = window.JSON.parse('{"x": 1}')
o.x += 1
o.x""",
            r"""o = window.JSON.parse('{"s": "ab"}')
o.s += "\0c"
o.s""",
            r"""o = window.Object.new()
o.f = lambda: 5
o.f()""",
            r"""o = window.Object.new()
o.cb = lambda x: x * 2
window.eval("(o) => o.cb(21)")(o)""",
            r"""a = window.Array.new()
a.length = 3
[len(a), a[0]]""",
            r"""o = window.Object.new()
o.big = 2**64
window.eval("(o) => o.big === 2n ** 64n")(o)""",
            r"""o = window.Object.new()
o.s = "x" * 1000
len(o.s)""",
            r"""o = window.Object.new()
o.nested = {"list": [None, True, 1.5]}
ffi.to_py(o.nested)""",
            r"""o = window.Object.new()
o.dk = {1: "one"}
window.JSON.stringify(o.dk)""",
            r"""o = window.Object.new()
o.a = 1
o.b = "two"
o.c = [3]
window.JSON.stringify(o, window.Object.keys(o).sort())""",
            r"""o = window.Object.new()
o.r = range(3)
window.eval("(o) => typeof o.r")(o)""",
            r"""o = window.Object.new()
o.same = o
window.eval("(o) => o.same === o")(o)""",
            r"""o = window.Object.new()
o.l = []
o.l.push(1)
o.l""",
            r"""o = window.Object.new()
o.l = [1]
py = [1]
o.l = py
py.append(2)
len(o.l)""",
            r"""!o = window.eval("({ set boom(v) { throw new RangeError('no ' + v) } })")
o.boom = 5""",
            r"""!window.eval("Object.freeze([1, 2])")[0] = 5""",
        ],
    },
    {
        "name": "call arguments and results",
        "snippets": [
            r"""window.Math.max(1, 2**40, 3)""",
            r"""window.Math.min()""",
            r"""window.Math.max()""",
            r"""!window.Math.abs(-2**53)""",
            r"""window.Math.abs(-(2**53 - 1))""",
            r"""window.Math.floor(7.9)""",
            r"""window.Math.round(2.5)""",
            r"""window.Math.pow(2, 60)""",
            r"""window.Math.pow(2, 53)""",
            r"""window.Math.sqrt(-1)""",
            r"""window.Math.hypot(3, 4)""",
            r"""window.Math.sign(-0.0)""",
            r"""window.Number.isSafeInteger(2**53 - 1)""",
            r"""window.Number.isSafeInteger(2**53)""",
            r"""window.Number.isInteger(5.0)""",
            r"""window.String(None)""",
            r"""window.String(ffi.undefined)""",
            r"""window.String(2**70)""",
            r"""window.String(-(2**31))""",
            r"""window.String(True)""",
            r"""window.String([1, 2])""",
            r"""window.String({"a": 1})""",
            r"""window.String("a\0b")""",
            r"""window.String(0.1)""",
            r"""window.String(1e21)""",
            r"""window.String(-0.0)""",
            r"""window.Array.of(1, "two", None, 3.5)""",
            r"""window.Array.of(*range(5))""",
            r"""window.Array.of([1, 2], (3, 4))""",
            r"""window.Array.of()""",
            r"""window.Array.from_("abc")""",
            r"""window.Object.fromEntries([["a", 1], ["b", 2]])""",
            r"""window.Object.fromEntries(window.Map.new([["k", 2**40]]))""",
            r"""sorted(window.Object.keys({"b": 1, "a": 2}))""",
            r"""window.JSON.parse('[3, 1, 2]').indexOf(2)""",
            r"""window.JSON.parse('[3, 1, 2]').includes(4)""",
            r"""window.JSON.parse('[3, 1, 2]').join("-")""",
            r"""window.JSON.parse('[3, 1, 2]').slice(1)""",
            r"""window.JSON.parse('[3, 1, 2]').concat([4, 5], 6)""",
            r"""window.JSON.parse('[3, 1, 2]').at(-1)""",
            r"""window.JSON.parse('[3, 1, 2]').at(10)""",
            r"""a = window.JSON.parse("[1, 2, 3]")
a.push(2**40, None)
[len(a), a[-2], a[-1]]""",
            r"""a = window.JSON.parse("[1, 2, 3]")
[a.pop(), a.shift(), list(a)]""",
            r"""a = window.JSON.parse("[1, 2, 3, 4]")
[a.splice(1, 2), list(a)]""",
            r"""a = window.JSON.parse("[1, 2, 3]")
a.reverse() == a""",
            r"""window.JSON.parse('[[1, 2], [3]]').flat()""",
            r"""window.JSON.parse('[1, 2, 3]').fill(0, 1)""",
            r"""window.JSON.parse('{"a": 1}').hasOwnProperty("a")""",
            r"""window.JSON.parse('{"v": 5}').toString()""",
            r"""window.Object.prototype.toString.call(window.JSON.parse("[]"))""",
            r"""window.Function.prototype.call.call(window.Math.max, None, 1, 7)""",
            r"""window.Reflect.apply(window.Math.max, None, [4, 2**40])""",
            r"""counter = window.eval("({ n: 41, next() { return ++this.n } })")
f = counter.next
[f(), f(), counter.n]""",
            r"""counter = window.eval("({ n: 0, add(k) { this.n += k; return this } })")
counter.add(1).add(2).add(3).n""",
            r"""window.eval("(...args) => args.length")(1, None, ffi.undefined)""",
            r"""window.eval("(a, b) => b === undefined")(1)""",
            r"""window.eval("(x) => x === null")(None)""",
            r"""window.eval("(x) => typeof x")(2**40)""",
            r"""window.eval("(x) => typeof x")(2**31 - 1)""",
            r"""window.eval("(x) => typeof x")(1.0)""",
            r"""window.eval("(x) => Array.isArray(x)")((1, 2))""",
            r"""window.eval("(x) => x instanceof Set")(frozenset([1]))""",
            r"""window.eval("(x) => x.constructor.name")(bytearray(b"ab"))""",
            r"""window.eval("(x) => x.constructor.name")(memoryview(b"ab"))""",
            r"""window.eval("(x) => Object.keys(x).sort().join()")({"b": 1, "a": 2})""",
            r"""window.eval("(x) => x.length")("a\0b\0")""",
            r"""window.eval("(x) => x === Math")(window.Math)""",
            r"""window.eval("(x) => x[0][0] === JSON")([[window.JSON]])""",
            r"""window.eval("(x) => typeof x")(lambda: 1)""",
            r"""window.eval("(f) => f(2, 3)")(lambda a, b: a ** b)""",
            r"""window.eval("(f) => f()")(lambda: None)""",
            r"""window.eval("() => 'a\\u0000b'")()""",
            r"""window.eval("() => [1, 'x', null]")()""",
            r"""window.eval("() => ({})")()""",
            r"""window.eval("() => {}")()""",
            r"""window.eval("() => 2n ** 70n")()""",
            r"""window.eval("() => -0")()""",
            r"""window.eval("() => NaN")()""",
            r"""window.encodeURIComponent("a b&c=é")""",
            r"""window.decodeURIComponent("%E2%9C%93")""",
            r"""window.btoa("hello") if hasattr(window, "btoa") else "aGVsbG8=" """,
            r"""window.structuredClone({"a": [1, 2**40]}) if hasattr(window, "structuredClone") else None""",
            r"""window.TextEncoder.new().encode("é")""",
            r"""bytes(window.TextEncoder.new().encode("héllo"))""",
            r"""window.TextDecoder.new().decode(b"h\xc3\xa9")""",
            r"""window.URL.new("https://example.com/a?b=1#c").searchParams.get("b")""",
            r"""window.URLSearchParams.new("a=1&b=2").toString()""",
            r"""list(window.URLSearchParams.new("a=1&b=2").keys())""",
            r"""window.Math.max.apply(None, [1, 5, 3])""",
            r"""window.Math.max.bind(None, 10)(3)""",
            r"""!window.Map()""",
            r"""!window.Math()""",
            r"""type(window.Date(0)).__name__""",
            r"""window.Array.of(1, 2).map(window.String).join("-")""",
            r"""window.Boolean(0)""",
            r"""window.Number(2**40)""",
            r"""window.Number(True)""",
            r"""window.Object.is_(window.Math, window.Math)""",
            r"""window.Object.getPrototypeOf(window.Object.new()) == window.Object.prototype""",
            r"""window.isNaN("x")""",
        ],
    },
    {
        "name": "keyword arguments",
        "snippets": [
            r"""o = window.Object.assign(window.Object.new(), a=1)
o.a""",
            r"""o = window.Object.assign(window.Object.new(), a=1, b=None, c="x\0")
window.JSON.stringify(o, ["a", "b", "c"])""",
            r"""o = window.Object.assign(window.Object.new(), big=2**60)
o.big""",
            r"""o = window.Object.assign(window.Object.new(), class_="c", from_=1)
sorted(window.Object.keys(o))""",
            r"""o = window.Object.assign(window.Object.new(), nested={"k": [1, 2]})
o.nested.k[1]""",
            r"""o = window.Object.assign(window.Object.new(), view=window.Math)
o.view == window.Math""",
            r"""e = window.CustomEvent.new("x", detail=5) if hasattr(window, "CustomEvent") else window.Event.new("x")
[e.type, getattr(e, "detail", 5)]""",
            r"""e = window.CustomEvent.new("x", detail={"id": 2**40}) if hasattr(window, "CustomEvent") else None
e.detail.id if e is not None else 2**40""",
            r"""e = window.Event.new("x", bubbles=True, cancelable=True)
[e.bubbles, e.cancelable, e.composed]""",
            r"""window.eval("(...a) => JSON.stringify(a)")(1, 2, k=3)""",
            r"""window.eval("(...a) => a.length")(k=1)""",
            r"""window.eval("(a, opts) => opts.x + a")(1, x=2)""",
            r"""window.eval("(opts) => Object.keys(opts).sort().join()")(b=1, a=2, c=3)""",
            r"""window.eval("(opts) => opts.none === null")(none=None)""",
            r"""window.eval("(opts) => 'u' in opts && opts.u === undefined")(u=ffi.undefined)""",
            r"""window.eval("(opts) => typeof opts.f")(f=lambda: 1)""",
            r"""window.eval("(opts) => opts.lambda")(lambda_=3)""",
            r"""window.eval("(opts) => opts.name_")(name_=3)""",
            r"""window.eval("(opts) => opts.f()")(f=lambda: 2**40)""",
            r"""window.Intl.NumberFormat.new("en-US", minimumFractionDigits=2).format(3)""",
            r"""window.Intl.NumberFormat.new("en-US", style="percent").format(0.25)""",
            r"""window.Date.new(0).toLocaleDateString("en-US", timeZone="UTC", year="numeric")""",
            r"""window.JSON.parse('[10, 1, 2]').toString()""",
            r"""Thing = window.eval("(class Thing { constructor(a, opts) { this.a = a; this.opts = opts } })")
t = Thing.new(1, colour="red", size=2**40)
[t.a, t.opts.colour, t.opts.size]""",
            r"""kw = {"a": 1, "b": 2}
o = window.Object.assign(window.Object.new(), **kw)
[o.a, o.b]""",
            r"""window.Array.from_(length=2)""",
            r"""window.Object.assign(window.Object.new(), {"a": 1}, b=2).b""",
        ],
    },
    {
        "name": "construction",
        "snippets": [
            r"""window.Date.new(0).toISOString()""",
            r"""window.Date.new(2020, 0, 1).getFullYear()""",
            r"""window.Date.new("2024-02-29T12:00:00Z").getUTCDate()""",
            r"""window.Date.new(2**45).getTime()""",
            r"""window.Date.new(float("nan")).getTime()""",
            r"""window.Date.new(0)""",
            r"""m = window.Map.new()
m.set("a", 1).set("b", 2**40)
[m.size, m.get("b")]""",
            r"""m = window.Map.new([["k", 1], [2, "two"]])
[m.get("k"), m.get(2), m.has(3)]""",
            r"""m = window.Map.new(list({"a": 1}.items()))
m.size""",
            r"""window.Map.new([[1, [1, 2]]])""",
            r"""s = window.Set.new([1, 2, 2, 3])
s.size""",
            r"""window.Set.new("hello").size""",
            r"""window.Set.new([1, "a"])""",
            r"""window.Uint8Array.new([1, 2, 255, 256])""",
            r"""window.Uint8Array.new(3)""",
            r"""window.Uint8Array.new(b"abc")""",
            r"""window.Int32Array.new([2**31 - 1, -(2**31)])[1]""",
            r"""window.ArrayBuffer.new(8).byteLength""",
            r"""e = window.Error.new("boom")
[e.name, e.message]""",
            r"""e = window.TypeError.new("bad type")
[e.name, e.message, window.String(e)]""",
            r"""e = window.Error.new("outer", cause="inner")
e.cause""",
            r"""window.Array.new(3).length""",
            r"""window.Array.new(1, 2, 3)""",
            r"""window.Object.new()""",
            r"""window.RegExp.new("a+", "g").test("caat")""",
            r"""window.RegExp.new("(\\d+)").exec("abc 123")[1]""",
            r"""window.String.new("abc").length""",
            r"""window.Number.new(5).valueOf()""",
            r"""Point = window.eval("(class Point { constructor(x, y) { this.x = x; this.y = y } norm2() { return this.x ** 2 + this.y ** 2 } })")
Point.new(3, 4).norm2()""",
            r"""Point = window.eval("(class Point { constructor(x, y) { this.x = x; this.y = y } })")
p = Point.new(2**40, None)
[p.x, p.y]""",
            r"""Point = window.eval("(class Point { constructor(x) { this.x = x } })")
repr(Point.new(1))""",
            r"""Base = window.eval("(class Animal { speak() { return this.constructor.name + ' speaks' } })")
Dog = window.eval("(B) => class Dog extends B {}")(Base)
Dog.new().speak()""",
            r"""Counter = window.eval("(class { static count = 0; constructor() { this.constructor.count++ } })")
Counter.new()
Counter.new()
Counter.count""",
            r"""Acc = window.eval("(class Acc { #v = 0; add(x) { this.#v += x; return this.#v } })")
a = Acc.new()
a.add(2**40)
a.add(1)""",
            r"""Legacy = window.eval("(function Legacy(n) { this.n = n * 2 })")
Legacy.new(21).n""",
            r"""Stamped = window.eval("(class { constructor(...a) { this.args = a } })")
Stamped.new(1, None, "x", [1]).args""",
            r"""Cls = window.eval("(class { constructor() { throw new RangeError('ctor failed') } })")
try:
    Cls.new()
    caught = None
except ffi.JsException as e:
    caught = [e.name, e.message]
caught""",
            r"""!window.eval("({ new: 7 })").new()""",
            r"""window.eval("({ new: 7 })")["new"]""",
            r"""!window.Math.max.new()""",
            r"""!window.eval("(() => 1)").new()""",
            r"""ffi.construct(window.Date, 0).getTime()""",
            r"""type(ffi.construct(window.Map)).__name__ == type(window).__name__""",
            r"""window.Promise.new(lambda resolve, reject: resolve(1)).constructor.name""",
            r"""window.WeakMap.new().has(window.Math)""",
            r"""window.DataView.new(window.ArrayBuffer.new(4)).getInt32(0)""",
            r"""window.AbortController.new().signal.aborted""",
        ],
    },
    {
        "name": "callbacks",
        "snippets": [
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, *rest: x * 2)""",
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, i, arr: [x, i, len(arr)])""",
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, *rest: x * 2**40)""",
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, *rest: 2**70 + x)""",
            r"""window.JSON.parse("[1, 2]").map(lambda x, *rest: {"v": x, "sq": x * x})""",
            r"""window.JSON.parse("[1, 2]").map(lambda x, *rest: None)""",
            r"""window.JSON.parse("[1, 2]").map(lambda x, *rest: "a\0" + str(x))""",
            r"""window.JSON.parse("[1, 2]").map(lambda x, *rest: (x, x))""",
            r"""window.JSON.parse("[1, 2]").map(lambda x, *rest: window.Math)[0] == window.Math""",
            r"""window.JSON.parse("[1, 2]").map(lambda *args: len(args))""",
            r"""window.JSON.parse("[1, 2, 3, 4]").filter(lambda x, *rest: x % 2 == 0)""",
            r"""window.JSON.parse("[1, 2, 3, 4]").filter(lambda x, *rest: None)""",
            r"""window.JSON.parse("[1, 2, 3, 4]").filter(lambda x, *rest: "")""",
            r"""window.JSON.parse("[1, 2, 3, 4]").filter(lambda x, *rest: [])""",
            r"""window.JSON.parse("[1, 2, 3, 4]").reduce(lambda acc, x, *rest: acc + x, 0)""",
            r"""window.JSON.parse("[1, 2, 3, 4]").reduce(lambda acc, x, *rest: acc * x * 2**20, 1)""",
            r"""window.JSON.parse('["a", "b"]').reduce(lambda acc, x, *rest: acc + x + "\0", "")""",
            r"""window.JSON.parse("[3, 1, 2]").sort(lambda a, b: a - b)""",
            r"""window.JSON.parse("[3, 1, 2]").sort(lambda a, b: b - a)""",
            r"""window.JSON.parse('["b", "a", "c"]').sort()""",
            r"""window.JSON.parse('[{"n": 2}, {"n": 1}]').sort(lambda a, b: a.n - b.n)[0].n""",
            r"""seen = []
window.JSON.parse("[10, 20]").forEach(lambda x, i, arr: seen.append([x, i]))
seen""",
            r"""seen = []
window.JSON.parse('[{"id": 1}, {"id": 2}]').forEach(lambda item, *rest: seen.append(item.id))
seen""",
            r"""seen = []
window.JSON.parse("[1]").forEach(lambda *args: seen.append(type(args[2]).__name__ == type(window).__name__))
seen""",
            r"""window.JSON.parse("[1, 5, 10]").find(lambda x, *rest: x > 3)""",
            r"""window.JSON.parse("[1, 5, 10]").find(lambda x, *rest: x > 30)""",
            r"""window.JSON.parse("[1, 5, 10]").findIndex(lambda x, *rest: x == 10)""",
            r"""window.JSON.parse("[1, 5, 10]").some(lambda x, *rest: x > 9)""",
            r"""window.JSON.parse("[1, 5, 10]").every(lambda x, *rest: x > 0)""",
            r"""window.JSON.parse("[[1, 2], [3]]").flatMap(lambda x, *rest: x)""",
            r"""window.Array.from_([1, 2, 3], lambda x, *_: x * 10)""",
            r"""window.Array.from_({"length": 3}, lambda v, i: i * i)""",
            r"""got = []
window.Map.new([["a", 1], ["b", 2]]).forEach(lambda value, key, m: got.append([key, value]))
got""",
            r"""got = []
window.Set.new([2**40, None]).forEach(lambda value, *rest: got.append(value))
got""",
            r"""window.eval("(f) => f(undefined, null, 2 ** 40, -0, 10n, 'a\\u0000b')")(lambda *a: [repr(x) for x in a])""",
            r"""window.eval("(f) => f({ x: [1] })")(lambda o: o.x[0])""",
            r"""window.eval("(f) => { const r = f(); return typeof r }")(lambda: 2**40)""",
            r"""window.eval("(f) => { const r = f(); return typeof r }")(lambda: 2**70)""",
            r"""window.eval("(f) => f() === null")(lambda: None)""",
            r"""window.eval("(f) => f() === 'a\\u0000b'")(lambda: "a\0b")""",
            r"""window.eval("(f) => JSON.stringify(f())")(lambda: {"a": [1, None]})""",
            r"""window.eval("(f) => f() === Math")(lambda: window.Math)""",
            r"""window.eval("(f) => f() instanceof Uint8Array")(lambda: b"ab")""",
            r"""window.eval("(f) => Array.isArray(f())")(lambda: (1, 2))""",
            r"""window.eval("(f) => typeof f()")(lambda: lambda: 1)""",
            r"""window.eval("(f) => f()()")(lambda: lambda: 7)""",
            r"""window.eval("(f) => f.call({ k: 9 })")(lambda: "this is not passed")""",
            r"""window.eval("(f, g) => f(g(2))")(lambda x: x + 1, lambda y: y * 10)""",
            r"""def fails(*args):
    raise ValueError("from the callback")
try:
    window.JSON.parse("[1]").map(fails)
    caught = None
except ValueError as e:
    caught = str(e)
caught""",
            r"""def fails(*args):
    raise KeyError("k")
try:
    window.JSON.parse("[1]").map(fails)
    caught = None
except KeyError as e:
    caught = [type(e).__name__, e.args]
caught""",
            r"""def fails(*args):
    raise RuntimeError("deep")
try:
    window.eval("(f) => { try { f() } catch (e) { return e instanceof Error } }")(fails)
    result = "returned"
except RuntimeError:
    result = "raised"
result""",
            r"""with ffi.scope():
    p = ffi.create_proxy(lambda *a: [len(a), a[0], a[-1]])
    out = window.eval("(f) => f(null, 1, undefined)")(p)
out""",
            r"""p = ffi.create_proxy(lambda x: x + 1)
r = window.eval("(f) => f(1)")(p)
p.destroy()
r""",
            r"""p = ffi.create_proxy(lambda x: x)
p.destroy()
try:
    window.eval("(f) => f(1)")(p)
    caught = None
except ffi.JsException as e:
    caught = e.name
caught""",
            r"""class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return "hi " + other + " from " + self.name
window.eval("(g) => g.greet('js')")(Greeter("py"))""",
            r"""class Box:
    value = 2**40
window.eval("(b) => typeof b.value")(Box())""",
            r"""calls = []
def on(*args):
    calls.append(len(args))
t = window.EventTarget.new()
t.addEventListener("ping", on)
t.dispatchEvent(window.Event.new("ping"))
t.dispatchEvent(window.Event.new("ping"))
calls""",
            r"""seen = []
t = window.EventTarget.new()
t.addEventListener("ping", lambda e: seen.append([e.type, e.target == t]))
t.dispatchEvent(window.Event.new("ping"))
seen""",
            r"""seen = []
t = window.EventTarget.new()
t.addEventListener("ping", lambda e: seen.append(e.type), once=True)
t.dispatchEvent(window.Event.new("ping"))
t.dispatchEvent(window.Event.new("ping"))
seen""",
            r"""seen = []
t = window.EventTarget.new()
h = ffi.create_proxy(lambda e: seen.append(1))
t.addEventListener("ping", h)
t.removeEventListener("ping", h)
t.dispatchEvent(window.Event.new("ping"))
h.destroy()
seen""",
            r"""t = window.EventTarget.new()
t.addEventListener("ping", lambda e: e.preventDefault())
t.dispatchEvent(window.Event.new("ping", cancelable=True))""",
            r"""window.JSON.parse('{"a": 1, "b": [2]}', lambda k, v, *rest: v * 10 if type(v) is int else v).b[0]""",
            r"""window.JSON.stringify({"a": 1, "b": 2}, lambda k, v: None if k == "b" else v)""",
            r"""window.JSON.parse('["x", "y"]').map(lambda s, *r: s.upper()).join("")""",
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, *r: x / 2)""",
            r"""window.JSON.parse("[1, 2, 3]").map(lambda x, *r: x // 2)""",
            r"""window.JSON.parse("[1]").map(lambda x, *r: float("nan"))""",
            r"""window.JSON.parse('[2147483647]').map(lambda x, *r: x + 1)""",
            r"""window.Array.from_(range(3))""",
        ],
    },
    {
        "name": "iteration",
        "snippets": [
            r"""list(window.JSON.parse("[1, 2, 3]"))""",
            r"""[x * 2 for x in window.JSON.parse("[1, 2, 3]")]""",
            r"""list(window.JSON.parse("[]"))""",
            r"""list(window.JSON.parse('[null, 1.5, "s", true, 1e300]'))""",
            r"""[x.id for x in window.JSON.parse('[{"id": 3000000000}, {"id": 4}]')]""",
            r"""list(window.Map.new([["a", 1], ["b", 2]]))""",
            r"""list(window.Map.new([["a", 1], ["b", 2]]).keys())""",
            r"""list(window.Map.new([["a", 1], ["b", 2]]).values())""",
            r"""[list(e) for e in window.Map.new([["a", 1], ["b", 2]]).entries()]""",
            r"""m = window.Map.new([["a", 1], ["b", 2]])
{k: m[k] for k in m}""",
            r"""sorted(window.Set.new([3, 1, 2]))""",
            r"""list(window.Set.new(["x", "x", "y"]))""",
            r"""list(window.Set.new())""",
            r"""gen = window.eval("(function* () { yield 1; yield {a: 2}; yield 2n ** 65n; })()")
items = list(gen)
[items[0], items[1].a, items[2]]""",
            r"""gen = window.eval("(function* () { yield 1; yield 2; })()")
first = list(gen)
[first, list(gen)]""",
            r"""it = iter(window.JSON.parse("[1, 2]"))
[next(it), next(it), next(it, "end")]""",
            r"""list(window.eval("({ length: 2, 0: 'x', 1: 'y' })"))""",
            r"""list(window.JSON.parse('{"length": 3, "0": "a", "2": "c"}'))""",
            r"""list(window.String.new("abc"))""",
            r"""list(window.String.new("é😀"))""",
            r"""list(window.Object.keys(window.JSON.parse('{"a": 1, "b": 2}')))""",
            r"""[list(p) for p in window.Object.entries(window.JSON.parse('{"a": 1}'))]""",
            r"""list(window.JSON.parse("[1, 2, 3]").entries())""",
            r"""list(window.JSON.parse("[1, 2, 3]").keys())""",
            r"""list(window.JSON.parse('"text"') )""",
            r"""!list(window.Object.new())""",
            r"""!list(window.Math)""",
            r"""!list(window.eval("({ *[Symbol.iterator]() { yield 1; throw new RangeError('mid-way') } })"))""",
            r"""seen = []
try:
    for x in window.eval("({ *[Symbol.iterator]() { yield 1; yield 2; throw new Error('stop') } })"):
        seen.append(x)
except ffi.JsException as e:
    seen.append(e.name)
seen""",
            r"""list(window.eval("({ [Symbol.iterator]() { let i = 0; return { next: () => ({ done: i >= 3, value: i++ }) } } })"))""",
            r"""sum(window.Uint8Array.new([1, 2, 3]))""",
            r"""list(zip(window.JSON.parse("[1, 2]"), window.JSON.parse('["a", "b"]')))""",
            r"""list(enumerate(window.JSON.parse('["a", "b"]')))""",
            r"""dict(window.Map.new([["k", 1]]).entries())""",
            r"""sorted(window.JSON.parse("[3, 1, 2]"))""",
            r"""max(window.Array.of(3, 2**40, 2))""",
            r"""min(window.JSON.parse("[3, 1, 2]"))""",
            r"""list(reversed(list(window.JSON.parse("[1, 2, 3]"))))""",
            r"""a, b = window.JSON.parse("[1, 2]")
[a, b]""",
            r"""first, *rest = window.JSON.parse("[1, 2, 3]")
[first, rest]""",
            r"""list(map(lambda x: x + 1, window.JSON.parse("[1, 2]")))""",
            r"""any(x is None for x in window.JSON.parse("[1, null]"))""",
            r"""", ".join(window.JSON.parse('["a", "b"]'))""",
            r"""list(window.URLSearchParams.new("a=1&b=2"))[0][0]""",
            r"""[list(kv) for kv in window.URLSearchParams.new("a=1&b=2").entries()]""",
            r"""list(window.JSON.parse("[[1, 2], [3, 4]]")[1])""",
            r"""a = window.JSON.parse("[1, 2, 3]")
out = []
for x in a:
    out.append(x)
    if x == 1:
        a.push(4)
out""",
            r"""list(window.Map.new().entries())""",
            r"""list(window.eval("new Map([[{}, 1]])").values())""",
            r"""[type(k).__name__ == type(window).__name__ for k in window.eval("new Map([[{}, 1]])")]""",
        ],
    },
    {
        "name": "indexing and slicing",
        "snippets": [
            r"""a = window.JSON.parse("[10, 20, 30, 40]")
[a[0], a[-1], a[-4]]""",
            r"""!window.JSON.parse("[10, 20, 30, 40]")[4]""",
            r"""!window.JSON.parse("[10, 20, 30, 40]")[-5]""",
            r"""!window.JSON.parse("[]")[0]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[1:3]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[::-1]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[::2]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[-2:]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[5:]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[:-3]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[-100:100]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[3:1:-1]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[::-3]""",
            r"""window.JSON.parse("[10, 20, 30, 40]")[1:1]""",
            r"""!window.JSON.parse("[10, 20, 30, 40]")[::0]""",
            r"""type(window.JSON.parse("[1, 2]")[:]).__name__""",
            r"""window.JSON.parse('[{"a": 1}, {"a": 2}]')[:][1].a""",
            r"""a = window.JSON.parse("[1, 2, 3]")
a[0] = 2**40
a[-1] = None
list(a)""",
            r"""a = window.JSON.parse("[1, 2, 3]")
a[1] = {"x": [1]}
a[1].x[0]""",
            r"""!a = window.JSON.parse("[1, 2, 3]")
a[9] = 1""",
            r"""!a = window.JSON.parse("[1, 2, 3]")
a[-4] = 1""",
            r"""!a = window.JSON.parse("[1, 2, 3]")
del a[0]""",
            r"""a = window.JSON.parse("[1, 2, 3]")
a.splice(0, 1)
list(a)""",
            r"""window.JSON.parse("[1, 2]")["0"]""",
            r"""!window.JSON.parse("[1, 2]")[True]""",
            r"""window.JSON.parse("[1, 2]")[1.0]""",
            r"""!window.JSON.parse("[1, 2]")[2**40]""",
            r"""window.JSON.parse('{"length": 2, "0": "x", "1": "y"}')[-1]""",
            r"""!window.JSON.parse('{"length": 2, "0": "x", "1": "y"}')[2]""",
            r"""window.JSON.parse('{"length": 2, "0": "x", "1": "y"}')[0:5]""",
            r"""m = window.Map.new([["k", 1], [2, "two"]])
[m["k"], m[2]]""",
            r"""!window.Map.new([["k", 1]])["z"]""",
            r"""m = window.Map.new()
m["z"] = {"d": 1}
m["z"].d""",
            r"""m = window.Map.new([["k", 1]])
del m["k"]
len(m)""",
            r"""!m = window.Map.new()
del m["k"]""",
            r"""m = window.Map.new()
m[window.Math] = "math"
m[window.Math]""",
            r"""m = window.Map.new()
m[2**40] = "big"
[m[2**40], m.get(2**40)]""",
            r"""m = window.Map.new()
m[None] = 1
m[None]""",
            r"""!window.Set.new([1])[0]""",
            r"""o = window.JSON.parse('{"a": 1}')
o["b"] = 2
[o["a"], o["b"], o.b]""",
            r"""!window.JSON.parse('{"a": 1}')["nope"]""",
            r"""o = window.JSON.parse('{"a": 1}')
del o["a"]
"a" in o""",
            r"""!o = window.JSON.parse('{"a": 1}')
del o["zz"]""",
            r"""window.String.new("abc")[1]""",
            r"""window.String.new("abc")[-1]""",
            r"""window.Uint8Array.new([1, 2, 3])[1:]""",
            r"""window.Uint8Array.new([1, 2, 3])[-1]""",
            r"""!window.Uint8Array.new([1, 2, 3])[3]""",
            r"""window.JSON.parse("[[1, 2], [3, 4]]")[1][-1]""",
            r"""window.eval("[1, , 3]")[1]""",
            r"""window.eval("[1, , 3]")[:]""",
            r"""try:
    window.JSON.parse("[1]")[5]
    caught = None
except IndexError as e:
    caught = "IndexError"
caught""",
            r"""try:
    window.Map.new()["missing"]
    caught = None
except KeyError as e:
    caught = str(e)
caught""",
            r"""!window.Math[0]""",
        ],
    },
    {
        "name": "len, in and bool",
        "snippets": [
            r"""len(window.JSON.parse("[1, 2, 3]"))""",
            r"""len(window.JSON.parse("[]"))""",
            r"""len(window.Map.new([["a", 1]]))""",
            r"""len(window.Set.new([1, 1, 2]))""",
            r"""len(window.Uint8Array.new(5))""",
            r"""len(window.Float64Array.new(2))""",
            r"""len(window.JSON.parse('{"length": 2, "0": "x", "1": "y"}'))""",
            r"""!len(window.Object.new())""",
            r"""!len(window.Math.max)""",
            r"""len(window.String.new("abc"))""",
            r"""len(window.eval("[1, , 3]"))""",
            r"""!len(window.JSON.parse('{"length": -1}'))""",
            r"""!len(window.JSON.parse('{"length": "2"}'))""",
            r"""20 in window.JSON.parse("[10, 20]")""",
            r"""99 in window.JSON.parse("[10, 20]")""",
            r"""None in window.JSON.parse("[1, null]")""",
            r"""None in window.eval("[1, undefined]")""",
            r"""2**40 in window.JSON.parse("[1099511627776]")""",
            r""""a" in window.JSON.parse('["a", "b"]')""",
            r"""[1] in window.JSON.parse("[[1]]")""",
            r"""float("nan") in window.eval("[NaN]")""",
            r"""window.Math in window.Array.of(window.Math)""",
            r""""k" in window.Map.new([["k", 1]])""",
            r"""1 in window.Map.new([["1", 1]])""",
            r"""2 in window.Set.new([1, 2])""",
            r""""2" in window.Set.new([1, 2])""",
            r""""a" in window.JSON.parse('{"a": null}')""",
            r""""toString" in window.JSON.parse('{"a": null}')""",
            r""""max" in window.Math""",
            r"""3 in window.Uint8Array.new([1, 2, 3])""",
            r"""bool(window.JSON.parse("[1]"))""",
            r"""bool(window.JSON.parse("[]"))""",
            r"""bool(window.Object.new())""",
            r"""bool(window.Map.new())""",
            r"""bool(window.Map.new([[1, 1]]))""",
            r"""bool(window.Set.new([1]))""",
            r"""bool(window.Set.new())""",
            r"""bool(window.Uint8Array.new(0))""",
            r"""bool(window.Math)""",
            r"""bool(window.Math.max)""",
            r"""bool(window.String.new(""))""",
            r"""bool(window.JSON.parse('{"length": 0}'))""",
            r"""bool(window.eval("new Boolean(false)"))""",
            r""""yes" if window.JSON.parse("[]") else "no" """,
            r"""len([x for x in [window.JSON.parse("[]"), window.JSON.parse("[0]")] if x])""",
            r"""not window.Map.new()""",
            r"""window.JSON.parse("[]") or "default" """,
            r"""ffi.is_none(window.JSON.parse('{"a": null}').a)""",
            r"""ffi.is_none(window.Math)""",
        ],
    },
    {
        "name": "equality and hash",
        "snippets": [
            r"""[window.Math == window.Math, window.Math != window.Math]""",
            r"""hash(window.Math) == hash(window.Math)""",
            r"""o = window.JSON.parse('{"a": {}}')
o.a == o.a""",
            r"""window.JSON.parse("{}") == window.JSON.parse("{}")""",
            r"""table = {window.Math: "math", window.JSON: "json"}
[table[window.Math], table[window.JSON], len(table)]""",
            r"""len({window.Math, window.Math, window.JSON})""",
            r"""[window.Math == 1, window.Math == None, window.Math == "Math"]""",
            r"""o = window.JSON.parse('{"a": {}}')
arr = window.Array.of(o.a, o.a)
[arr[0] == arr[1], arr[0] == o.a]""",
            r"""ffi.bind(window.Math) is window.Math""",
            r"""o = window.Object.new()
ffi.bind(o) is o""",
            r"""window.Math is window.Math""",
            r"""window.Math.max == window.Math.max""",
            r"""f = window.Math.max
f == window.Math.max""",
            r"""seen = {}
for item in window.Array.of(window.Math, window.JSON, window.Math):
    seen[item] = seen.get(item, 0) + 1
sorted(seen.values())""",
            r"""o = window.Object.new()
o.self = o
o.self == o""",
            r"""m = window.Map.new()
m.set("k", window.Math)
m.get("k") == window.Math""",
            r"""a = window.JSON.parse("[1]")
b = a.concat()
[a == b, list(a) == list(b)]""",
            r"""window.Object.prototype == window.Object.getPrototypeOf(window.JSON.parse("{}"))""",
            r"""window.eval("(a, b) => a === b")(window.Math, window.Math)""",
            r"""o = window.Object.new()
window.eval("(o) => o")(o) == o""",
            r"""o = window.Object.new()
window.eval("(f, o) => f(o)")(lambda x: x == o, o)""",
            r"""t = window.EventTarget.new()
seen = []
t.addEventListener("ping", lambda e: seen.append(e.target == t and e.currentTarget == t))
t.dispatchEvent(window.Event.new("ping"))
seen""",
            r"""window.Math in [window.JSON, window.Math]""",
            r"""[window.Math].index(window.Math)""",
            r"""window.Math in {window.Math}""",
            r"""window.JSON.parse("[]") in {window.Math}""",
            r"""window.eval("'x'") == "x" """,
            r"""window.eval("1") == 1 and window.eval("1") == 1.0""",
            r"""window.eval("2n ** 64n") == 2**64""",
            r"""type(hash(window.Math)).__name__""",
            r"""window.Symbol.iterator == window.Symbol.iterator""",
            r"""window.Symbol.for_("k") == window.Symbol.for_("k")""",
        ],
    },
    {
        "name": "typed arrays and bytes",
        "snippets": [
            r"""u = window.Uint32Array.new([4294967295, 7])
[len(u), u[0], list(u)]""",
            r"""window.Uint32Array.new([2**32 + 5])[0]""",
            r"""window.Int32Array.new([2**31 - 1])[0] + 1""",
            r"""f = window.Float64Array.new([0.5, -0.0, 1e308])
[f[0], f[1], f[2]]""",
            r"""list(window.Float32Array.new([0.1]))""",
            r"""window.Float64Array.new([float("nan")])[0]""",
            r"""b = window.BigInt64Array.new(2)
b[0] = -(2**62)
b[1] = 2**63 - 1
list(b)""",
            r"""window.BigUint64Array.new([2**64 - 1])[0]""",
            r"""!b = window.BigInt64Array.new(1)
b[0] = 1.5""",
            r"""!b = window.BigInt64Array.new(1)
b[0] = 5""",
            r"""bytes(window.Uint8Array.new([1, 2, 255]))""",
            r"""bytes(window.Uint8Array.new(0))""",
            r"""!bytes(window.Uint16Array.new([1, 258]))""",
            r"""bytes(window.Uint16Array.new([1, 255]))""",
            r"""bytes(window.Float64Array.new([1.0]))""",
            r"""!bytes(window.Float32Array.new([0.5]))""",
            r"""!bytes(window.Int8Array.new([5, -1]))""",
            r"""bytes(window.Int16Array.new([5, 7]))""",
            r"""bytes(window.Uint8ClampedArray.new([300, -5, 7]))""",
            r"""bytes(window.eval("new BigInt64Array([1n, 2n])"))""",
            r"""!bytes(window.eval("new BigUint64Array([2n ** 40n])"))""",
            r"""!bytes(window.eval("new Int32Array([2 ** 31 - 1])"))""",
            r"""v = window.Float64Array.new([1.5, 2.5])
bytes(window.Uint8Array.new(v.buffer, v.byteOffset, v.byteLength))""",
            r"""!bytes(window.JSON.parse("[1.5]"))""",
            r"""!bytes(window.JSON.parse('[1, "a"]'))""",
            r"""!bytes(window.JSON.parse("[null]"))""",
            r"""!bytes(window.JSON.parse("[256, 1.5]"))""",
            r"""!bytes(window.JSON.parse("[[1]]"))""",
            r"""!bytes(window.JSON.parse("[-1]"))""",
            r"""bytes(window.JSON.parse("[true, 0, 255]"))""",
            r"""!bytes(window.JSON.parse("[4294967296]"))""",
            r"""!bytes(window.JSON.parse("[-2147483648]"))""",
            r"""!bytes(window.JSON.parse("[-2147483647]"))""",
            r"""bytes(window.ArrayBuffer.new(3))""",
            r"""bytes(window.DataView.new(window.Uint8Array.new([9, 8, 7]).buffer, 1))""",
            r"""bytes(window.Uint8Array.new([1, 2, 3, 4]).subarray(1, 3))""",
            r"""bytes(window.JSON.parse("[1, 2]"))""",
            r"""!bytes(window.Object.new())""",
            r"""window.Uint8Array.new([1, 2, 3])""",
            r"""window.Uint8Array.new([1, 2, 3]).buffer""",
            r"""ffi.to_py(window.Uint8Array.new([1, 2, 3]))""",
            r"""ffi.to_py(window.Uint8Array.new([1, 2, 3]).buffer)""",
            r"""u = window.Uint8Array.new(3)
u[0] = 255
u[1] = 256
u[2] = -1
list(u)""",
            r"""u = window.Uint8ClampedArray.new(2)
u[0] = 300
u[1] = -5
list(u)""",
            r"""u = window.Uint8Array.new([5, 6, 7])
u.set([1, 2], 1)
list(u)""",
            r"""window.Uint8Array.new(b"\x00\x01\xff")[2]""",
            r"""window.Uint8Array.from_(b"xyz").length""",
            r"""window.Int16Array.new([1, 2, 3]).map(lambda x, *r: x * 1000)""",
            r"""list(window.Int8Array.new([127, 128, -129]))""",
            r"""window.Float64Array.new([1, 2, 3]).reduce(lambda a, b, *r: a + b)""",
            r"""window.Uint8Array.new(4).fill(7)""",
            r"""list(window.Uint8Array.new([3, 1, 2]).sort())""",
            r"""d = window.DataView.new(window.ArrayBuffer.new(8))
d.setBigUint64(0, 2**64 - 1)
d.getBigUint64(0)""",
            r"""d = window.DataView.new(window.ArrayBuffer.new(8))
d.setFloat64(0, 0.1)
d.getFloat64(0)""",
            r"""d = window.DataView.new(window.ArrayBuffer.new(4))
d.setUint32(0, 4294967295)
d.getUint32(0)""",
            r"""window.Uint8Array.new(window.ArrayBuffer.new(16), 4, 8).byteOffset""",
            r"""window.Uint32Array.BYTES_PER_ELEMENT""",
            r"""1 in window.Float64Array.new([1.0])""",
            r"""window.Uint8Array.new([1, 2]) == window.Uint8Array.new([1, 2])""",
            r"""bytes(window.TextEncoder.new().encode("a\0b"))""",
            r"""window.TextDecoder.new().decode(window.Uint8Array.new([97, 0, 98]))""",
            r"""window.eval("(b) => b.byteLength")(bytes(1000))""",
            r"""window.eval("(b) => b[0]")(bytearray([200]))""",
            r"""list(window.Uint8Array.new(range(5)))""",
        ],
    },
    {
        "name": "JSON.stringify of Python containers",
        "snippets": [
            r"""window.JSON.stringify({"a": [1, 2]})""",
            r"""window.JSON.stringify([1, "two", None, True, 1.5])""",
            r"""window.JSON.stringify((1, 2))""",
            r"""window.JSON.stringify({"nested": {"deep": {"x": [[], {}]}}})""",
            r"""window.JSON.stringify({"s": "a\0b"})""",
            r"""window.JSON.stringify("é😀\n")""",
            r"""window.JSON.stringify(None)""",
            r"""window.JSON.stringify(ffi.undefined)""",
            r"""window.JSON.stringify(2**53 - 1)""",
            r"""!window.JSON.stringify(2**53)""",
            r"""!window.JSON.stringify({"big": 2**64})""",
            r"""window.JSON.stringify(float("nan"))""",
            r"""window.JSON.stringify(-0.0)""",
            r"""window.JSON.stringify(1e21)""",
            r"""window.JSON.stringify({1: "int key", "2": "str key"}, ["1", "2"])""",
            r"""window.JSON.stringify({"b": 1, "a": 2}, ["a", "b"])""",
            r"""window.JSON.stringify([{"id": i} for i in range(3)])""",
            r"""window.JSON.stringify({"set": {1}})""",
            r"""window.JSON.stringify({"bytes": b"ab"})""",
            r"""window.JSON.stringify([window.Math])""",
            r"""window.JSON.stringify({"o": window.JSON.parse('{"k": [1]}')})""",
            r"""window.JSON.stringify({"f": lambda: 1})""",
            r"""window.JSON.stringify([1, [2, [3]]], None, 1)""",
            r"""window.JSON.stringify({"a": [1]}, None, "  ")""",
            r"""window.JSON.stringify({"when": window.Date.new(0)})""",
            r"""window.JSON.stringify(window.Map.new([["a", 1]]))""",
            r"""window.JSON.stringify([None, ffi.undefined])""",
            r"""window.JSON.stringify({"u": ffi.undefined, "n": None}, ["n", "u"])""",
            r"""window.JSON.stringify(window.JSON.parse('{"x": [1, {"y": null}]}'))""",
            r"""window.JSON.parse(window.JSON.stringify({"round": [1, "trip"]})).round[1]""",
            r"""window.JSON.stringify(True)""",
            r"""window.JSON.stringify("")""",
            r"""window.JSON.stringify([])""",
            r"""window.JSON.stringify({})""",
            r"""window.JSON.stringify({"key": "\u2028"})""",
            r"""window.JSON.stringify({"a": {"to": "json", "toJSON": lambda *a: "custom"}})""",
            r"""window.JSON.stringify([1.0, 2.5, 1e-7])""",
            r"""window.JSON.stringify([-(2**31), 2**31 - 1, 2**32])""",
        ],
    },
    {
        "name": "errors",
        "snippets": [
            r"""!window.JSON.parse("{bad")""",
            r"""try:
    window.JSON.parse("{bad")
    caught = None
except ffi.JsException as e:
    caught = e.name
caught""",
            r"""!window.JSON.parse("")""",
            r"""window.JSON.parse(None)""",
            r"""window.JSON.parse("null")""",
            r"""!window.eval("() => { throw new RangeError('thrown') }")()""",
            r"""!window.eval("() => { throw 'a bare string' }")()""",
            r"""!window.eval("() => { throw null }")()""",
            r"""!window.eval("() => { throw 42 }")()""",
            r"""!window.eval("() => { throw { code: 7 } }")()""",
            r"""!window.eval("() => { throw new Error('a\\u0000b') }")()""",
            r"""try:
    window.eval("() => { throw new TypeError('tt') }")()
    caught = None
except ffi.JsException as e:
    caught = [e.name, e.message, str(e)]
caught""",
            r"""try:
    window.eval("() => { throw new TypeError('tt') }")()
    caught = None
except Exception as e:
    caught = isinstance(e, ffi.JsException)
caught""",
            r"""try:
    window.eval("() => { throw new Error('x') }")()
    caught = None
except ffi.JsException as e:
    caught = e.js_error.message
caught""",
            r"""try:
    window.eval("() => { throw new Error('x') }")()
    caught = None
except ffi.JsException as e:
    caught = window.eval("(e) => e instanceof Error")(e.js_error)
caught""",
            r"""Custom = window.eval("(class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; this.field = 'email' } })")
try:
    window.eval("(C) => { throw new C('invalid') }")(Custom)
    caught = None
except ffi.JsException as e:
    caught = [e.name, e.message]
caught""",
            r"""!window.eval("({ get boom() { throw new RangeError('getter') } })").boom""",
            r"""!setattr(window.eval("({ set boom(v) { throw new TypeError('setter ' + v) } })"), "boom", 5)""",
            r"""!window.eval("null").x""",
            r"""!window.JSON.parse("[]").nope()""",
            r"""!window.Math.nope""",
            r"""!window.undefinedFunction()""",
            r"""!window.eval("syntax error here")""",
            r"""!window.eval("undefinedVariable")""",
            r"""!window.eval("(x) => x.y.z")(window.Object.new())""",
            r"""!window.BigInt("1.5")""",
            r"""!window.BigInt(1.5)""",
            r"""!window.Symbol.new()""",
            r"""!window.Array.new(-1)""",
            r"""!window.String.new("abc").toFixed(2)""",
            r"""!window.Number.new(1).toFixed(200)""",
            r"""!window.decodeURIComponent("%")""",
            r"""!window.Reflect.ownKeys(1)""",
            r"""!window.Object.defineProperty(window.Object.freeze(window.Object.new()), "x", {"value": 1})""",
            r"""!window.structuredClone(window.eval("() => 1"))""",
            r"""!window.Proxy.new(window.Object.new(), {"has": window.eval("() => { throw new Error('trap') }")}).x""",
                        r"""!ffi.bind(5)""",
            r"""!ffi.bind("text")""",
            r"""!window.Promise.resolve(1).nope""",
            r"""window.Math.max(lambda: 1)""",
            r"""errors = []
for source in ["{bad", "[1,", "nul", "1 2"]:
    try:
        window.JSON.parse(source)
    except ffi.JsException as e:
        errors.append(e.name)
errors""",
            r"""def risky():
    return window.JSON.parse("{bad")
try:
    risky()
    ok = True
except ffi.JsException:
    ok = False
[ok, window.JSON.parse("[1]")[0]]""",
            r"""try:
    window.eval("() => { throw new Error('first') }")()
except ffi.JsException:
    pass
window.Math.max(1, 2)""",
            r"""try:
    window.Map.new()["k"]
    caught = None
except KeyError as e:
    caught = [type(e).__name__, str(e), e.args[0]]
caught""",
            r"""try:
    window.JSON.parse("[]")[3]
    caught = None
except IndexError as e:
    caught = str(e)
caught""",
            r"""try:
    window.Object.new().absent
    caught = None
except AttributeError as e:
    caught = str(e)
caught""",
            r"""try:
    window.Map()
    caught = None
except ffi.JsException as e:
    caught = ".new(" in str(e)
caught""",
            r"""e = window.eval("new AggregateError([new Error('a'), new Error('b')], 'many')")
[e.name, len(e.errors), e.errors[1].message]""",
            r"""!window.eval("new Promise(() => {}).then.call(1)")""",
            r"""!window.eval("(() => { const e = new Error('no name'); e.name = ''; throw e })")()""",
            r"""!window.eval("(() => { throw Object.create(null) })")()""",
            r"""!window.eval("(() => { throw Symbol('s') })")()""",
            r"""!window.eval("(() => { throw 2n ** 70n })")()""",
            r"""!window.eval("(() => { throw [1, 2] })")()""",
            r"""!window.eval("(() => { throw new DOMException('dom msg', 'NotFoundError') })")()""",
        ],
    },
    {
        "name": "async",
        "async": True,
        "snippets": [
            r"""await window.Promise.resolve(2**40)""",
            r"""await window.Promise.resolve(None)""",
            r"""await window.Promise.resolve("a\0b")""",
            r"""await window.Promise.resolve({"a": 1})""",
            r"""(await window.Promise.resolve(window.JSON.parse('{"a": [7]}'))).a[0]""",
            r"""await window.Promise.resolve(window.eval("2n ** 70n"))""",
            r"""await window.Promise.resolve(window.Math) == window.Math""",
            r"""!await window.Promise.reject(window.Error.new("bad"))""",
            r"""!await window.Promise.reject(window.RangeError.new("range"))""",
            r"""!await window.Promise.reject("plain string")""",
            r"""!await window.Promise.reject(None)""",
            r"""!await window.Promise.reject(ffi.undefined)""",
            r"""!await window.Promise.reject(42)""",
            r"""!await window.Promise.reject(window.JSON.parse('{"code": 3}'))""",
            r"""try:
    await window.Promise.reject(window.JSON.parse('{"code": 3}'))
    caught = None
except ffi.JsException as e:
    caught = e.name
caught""",
            r"""try:
    await window.Promise.reject(window.TypeError.new("tt"))
    caught = None
except ffi.JsException as e:
    caught = [e.name, e.message]
caught""",
            r"""await window.Promise.new(lambda resolve, reject: window.setTimeout(lambda: resolve("late\0x"), 5))""",
            r"""await window.Promise.new(lambda resolve, reject: window.setTimeout(lambda: resolve(2**60), 1))""",
            r"""!await window.Promise.new(lambda resolve, reject: window.setTimeout(lambda: reject("timed out"), 1))""",
            r"""!await window.Promise.new(lambda resolve, reject: window.setTimeout(lambda: reject(window.Error.new("later")), 1))""",
            r"""await window.eval("new Promise((r) => setTimeout(() => r({ v: 2n ** 65n }), 2))")""",
            r"""(await window.eval("new Promise((r) => setTimeout(() => r({ v: 2n ** 65n }), 2))")).v""",
            r"""f = window.eval("(async (x) => x * 2)")
await f(21)""",
            r"""f = window.eval("(async () => { await null; return [1, 'two'] })")
await f()""",
            r"""!await window.eval("(async () => { throw new TypeError('async boom') })")()""",
            r"""!await window.Math""",
            r"""!await window.Object.new()""",
            r"""await window.eval("({ then(ok) { ok(5) } })")""",
            r"""!await window.eval("({ then(ok, fail) { fail('thenable says no') } })")""",
            r"""r = await window.Promise.all([window.Promise.resolve(1), 2, window.Promise.resolve("x")])
list(r)""",
            r"""res = await window.Promise.allSettled([window.Promise.reject(window.Error.new("x")), window.Promise.resolve(1)])
[r.status for r in res]""",
            r"""await window.Promise.race([window.Promise.new(lambda ok, no: window.setTimeout(lambda: ok("slow"), 20)), window.Promise.resolve("fast")])""",
            r"""await window.Promise.any([window.Promise.reject(1), window.Promise.resolve(2)])""",
            r"""!await window.Promise.any([window.Promise.reject(1)])""",
            r"""await window.Promise.resolve(5).then(lambda x: x * 2)""",
            r"""await window.Promise.reject(window.Error.new("e")).catch(lambda e: "recovered " + e.message)""",
            r"""await window.Promise.resolve(1).then(lambda x: {"wrapped": x})""",
            r"""await window.Promise.resolve(1).then(lambda x: window.Promise.resolve(x + 1))""",
            r"""order = []
p = window.Promise.resolve(1).finally_(lambda: order.append("finally"))
v = await p
[v, order]""",
            r"""import asyncio
await asyncio.sleep(0.001)
"slept" """,
            r"""import asyncio
a = window.Promise.new(lambda ok, no: window.setTimeout(lambda: ok("a"), 3))
b = window.Promise.new(lambda ok, no: window.setTimeout(lambda: ok("b"), 1))
[await a, await b]""",
            r"""results = []
for i in range(3):
    results.append(await window.Promise.resolve(i * 2**40))
results""",
            r"""async def helper(x):
    return (await window.Promise.resolve(x)) + 1
await helper(41)""",
            r"""t = window.EventTarget.new()
p = window.Promise.new(lambda ok, no: t.addEventListener("done", lambda e: ok(e.type), once=True))
window.setTimeout(lambda: t.dispatchEvent(window.Event.new("done")), 1)
await p""",
            r"""ctrl = window.AbortController.new()
p = window.Promise.new(lambda ok, no: ctrl.signal.addEventListener("abort", lambda e: ok(ctrl.signal.aborted)))
ctrl.abort()
await p""",
            r"""try:
    await window.Promise.reject("s")
except ffi.JsException:
    pass
await window.Promise.resolve("after")""",
            r"""value = await window.Promise.resolve(window.JSON.parse("[1, 2, 3]"))
[len(value), value[-1]]""",
            r"""r = await window.Promise.resolve(window.Map.new([["k", 2**40]]))
r["k"]""",
            r"""!await window.eval("Promise.reject(new DOMException('gone', 'AbortError'))")""",
            r"""w = window.Promise.withResolvers() if hasattr(window.Promise, "withResolvers") else None
if w is not None:
    w.resolve(7)
(await w.promise) if w is not None else 7""",
        ],
    },
    {
        "name": "DOM",
        "dom": True,
        "snippets": [
            r"""document.title""",
            r"""document.body.tagName""",
            r"""document.documentElement.tagName""",
            r"""window.document == document""",
            r"""document.body == document.body""",
            r"""document.body == document.querySelector("body")""",
            r"""el = document.createElement("div")
el.tagName""",
            r"""el = document.createElement("div")
el.id = "x"
[el.id, el.getAttribute("id")]""",
            r"""el = document.createElement("div")
el.setAttribute("data-x", None)
el.getAttribute("data-x")""",
            r"""el = document.createElement("div")
el.setAttribute("title", 5)
el.getAttribute("title")""",
            r"""el = document.createElement("div")
el.setAttribute("data-big", 2**60)
el.getAttribute("data-big")""",
            r"""el = document.createElement("div")
el.setAttribute("hidden", "")
[el.hidden, el.hasAttribute("hidden")]""",
            r"""el = document.createElement("div")
el.getAttribute("missing") is None""",
            r"""el = document.createElement("div")
el.setAttribute("a", "1")
el.removeAttribute("a")
el.hasAttribute("a")""",
            r"""el = document.createElement("div")
el.setAttribute("a", "1")
el.setAttribute("b", "2")
[a.name for a in el.attributes]""",
            r"""el = document.createElement("div")
el.setAttribute("b", "2")
list(el.getAttributeNames())""",
            r"""document.querySelector("#does-not-exist") is None""",
            r"""document.querySelector("#does-not-exist")""",
            r"""document.getElementById("nope")""",
            r"""len(document.querySelectorAll("body"))""",
            r"""len(document.querySelectorAll(".nothing-has-this-class"))""",
            r"""bool(document.querySelectorAll(".nothing-has-this-class"))""",
            r"""box = document.createElement("div")
box.innerHTML = "<span>a</span><span>b</span><p>c</p>"
len(box.querySelectorAll("span"))""",
            r"""box = document.createElement("div")
box.innerHTML = "<span>a</span><span>b</span><p>c</p>"
[n.textContent for n in box.querySelectorAll("span")]""",
            r"""box = document.createElement("div")
box.innerHTML = "<span>a</span><span>b</span>"
box.querySelectorAll("span")[-1].textContent""",
            r"""box = document.createElement("div")
box.innerHTML = "<span>a</span>"
box.querySelectorAll("span")[1:]""",
            r"""!box = document.createElement("div")
box.querySelectorAll("span")[0]""",
            r"""box = document.createElement("div")
box.innerHTML = "<i>1</i><b>2</b>"
[c.tagName for c in box.children]""",
            r"""box = document.createElement("div")
box.innerHTML = "text<i>1</i>"
[n.nodeType for n in box.childNodes]""",
            r"""box = document.createElement("div")
box.innerHTML = "<i>1</i>"
box.children[0] == box.firstChild""",
            r"""box = document.createElement("div")
box.innerHTML = "<i>1</i>"
box.querySelector("i") in box.children""",
            r"""el = document.createElement("div")
el.classList.add("a", "b")
list(el.classList)""",
            r"""el = document.createElement("div")
el.classList.add("a")
["a" in el.classList, "z" in el.classList, el.classList.contains("a")]""",
            r"""el = document.createElement("div")
el.classList.add("a")
[el.classList.toggle("a"), el.classList.toggle("b"), el.className]""",
            r"""el = document.createElement("div")
el.className = "x y z"
[len(el.classList), el.classList[1], el.classList[-1]]""",
            r"""el = document.createElement("div")
el.classList.remove("never-there")
len(el.classList)""",
            r"""el = document.createElement("div")
el.dataset.userId = 5
el.getAttribute("data-user-id")""",
            r"""el = document.createElement("div")
el.setAttribute("data-foo-bar", "baz")
[el.dataset.fooBar, "fooBar" in el.dataset, "nope" in el.dataset]""",
            r"""el = document.createElement("div")
el.dataset.big = 2**64
el.dataset.big""",
            r"""el = document.createElement("div")
el.dataset.x = "1"
del el.dataset.x
el.hasAttribute("data-x")""",
            r"""!el = document.createElement("div")
el.dataset.absent""",
            r"""el = document.createElement("div")
el.innerHTML = "<b>hi</b><i>x</i>"
[el.innerHTML, len(el.children), el.firstChild.tagName, el.textContent]""",
            r"""el = document.createElement("div")
el.innerHTML = "<p class='c'>a &amp; b</p>"
el.innerHTML""",
            r"""el = document.createElement("div")
el.textContent = "<b>not html</b>"
[el.innerHTML, len(el.children)]""",
            r"""el = document.createElement("div")
el.textContent = "a\0b"
el.textContent""",
            r"""el = document.createElement("div")
el.innerHTML = "é😀"
el.textContent""",
            r"""el = document.createElement("div")
el.textContent = None
el.textContent""",
            r"""el = document.createElement("div")
el.style.color = "red"
[el.style.color, el.style.cssText]""",
            r"""el = document.createElement("div")
el.style.width = "10px"
el.style["width"]""",
            r"""el = document.createElement("div")
el.style.setProperty("--my-var", "3")
el.style.getPropertyValue("--my-var")""",
            r"""el = document.createElement("div")
el.style.backgroundColor = "blue"
el.style.backgroundColor = None
el.style.backgroundColor""",
            r"""el = document.createElement("div")
el.style.opacity = 0.5
el.style.opacity""",
            r"""el = document.createElement("div")
el.style.zIndex = 2**40
el.style.zIndex""",
            r"""el = document.createElement("div")
seen = []
el.addEventListener("click", lambda e: seen.append(e.target == el))
el.click()
seen""",
            r"""el = document.createElement("div")
seen = []
el.addEventListener("hello", lambda e: seen.append(e.detail.n))
el.dispatchEvent(window.CustomEvent.new("hello", detail={"n": 2**40}))
seen""",
            r"""parent = document.createElement("div")
child = document.createElement("span")
parent.appendChild(child)
seen = []
parent.addEventListener("x", lambda e: seen.append([e.target == child, e.currentTarget == parent]))
child.dispatchEvent(window.Event.new("x", bubbles=True))
seen""",
            r"""parent = document.createElement("div")
child = document.createElement("span")
parent.appendChild(child)
seen = []
parent.addEventListener("x", lambda e: seen.append("parent"))
child.dispatchEvent(window.Event.new("x"))
seen""",
            r"""el = document.createElement("div")
el.addEventListener("x", lambda e: e.preventDefault())
el.dispatchEvent(window.Event.new("x", cancelable=True))""",
            r"""el = document.createElement("div")
seen = []
h = ffi.create_proxy(lambda e: seen.append(1))
el.addEventListener("x", h)
el.dispatchEvent(window.Event.new("x"))
el.removeEventListener("x", h)
el.dispatchEvent(window.Event.new("x"))
h.destroy()
seen""",
            r"""el = document.createElement("div")
seen = []
el.onclick = lambda e: seen.append(e.type)
el.click()
seen""",
            r"""el = document.createElement("input")
seen = []
el.addEventListener("keydown", lambda e: seen.append([e.key, e.ctrlKey]))
el.dispatchEvent(window.KeyboardEvent.new("keydown", key="Enter", ctrlKey=True))
seen""",
            r"""el = document.createElement("div")
seen = []
el.addEventListener("x", lambda e: seen.append(e.type), once=True)
el.dispatchEvent(window.Event.new("x"))
el.dispatchEvent(window.Event.new("x"))
seen""",
            r"""el = document.createElement("button")
seen = []
el.addEventListener("click", lambda e: seen.append([e.type, type(e.clientX).__name__, e.isTrusted]))
el.click()
seen""",
            r"""box = document.createElement("div")
el = document.createElement("span")
[box.appendChild(el) == el, el.parentNode == box, box.contains(el)]""",
            r"""box = document.createElement("div")
box.append("text", document.createElement("b"), 5)
box.innerHTML""",
            r"""box = document.createElement("div")
box.insertAdjacentHTML("beforeend", "<span>1</span>")
box.lastChild.outerHTML""",
            r"""el = document.createElement("div")
el.innerHTML = "<i>deep</i>"
el.cloneNode(True).innerHTML""",
            r"""el = document.createElement("div")
el.innerHTML = "<i>deep</i>"
el.cloneNode(False).innerHTML""",
            r"""el = document.createElement("div")
el.className = "card active"
[el.matches(".card"), el.matches(".nope")]""",
            r"""box = document.createElement("section")
box.innerHTML = "<div><b>x</b></div>"
box.querySelector("b").closest("section") == box""",
            r"""document.createTextNode("t").nodeType""",
            r"""frag = document.createDocumentFragment()
frag.appendChild(document.createElement("p"))
frag.appendChild(document.createElement("p"))
len(frag.childNodes)""",
            r"""el = document.createElement("input")
el.value = 42
[el.value, type(el.value).__name__]""",
            r"""el = document.createElement("input")
el.type = "checkbox"
el.checked = True
[el.checked, el.type]""",
            r"""el = document.createElement("input")
el.type = "number"
el.value = "2.5"
el.valueAsNumber""",
            r"""sel = document.createElement("select")
sel.innerHTML = "<option>a</option><option selected>b</option>"
[sel.value, sel.selectedIndex, len(sel.options)]""",
            r"""el = document.createElement("div")
r = el.getBoundingClientRect()
[r.x, r.width]""",
            r"""el = document.createElement("div")
document.body.appendChild(el)
inside = document.body.contains(el)
el.remove()
[inside, document.body.contains(el)]""",
            r"""el = document.createElement("div")
el.style.display = "none"
document.body.appendChild(el)
display = window.getComputedStyle(el).display
el.remove()
display""",
            r"""type(window.innerWidth).__name__""",
            r"""window.location.protocol""",
            r"""window.localStorage.getItem("surely-not-set-key")""",
            r"""window.localStorage.setItem("catalogue-k", 2**40)
v = window.localStorage.getItem("catalogue-k")
window.localStorage.removeItem("catalogue-k")
v""",
            r"""!document.querySelector("!!")""",
            r"""try:
    document.querySelector("!!")
    caught = None
except ffi.JsException as e:
    caught = e.name
caught""",
            r"""!document.createElement("1bad")""",
            r"""!el = document.createElement("div")
el.appendChild(el)""",
            r"""!document.createElement("div").setAttribute("", 1)""",
            r"""!document.createElement("div").appendChild(None)""",
            r"""tpl = document.createElement("template")
tpl.innerHTML = "<li>1</li><li>2</li>"
len(tpl.content.children)""",
            r"""el = document.createElement("div")
el.hidden = True
el.outerHTML""",
            r"""el = document.createElement("a")
el.href = "/path?q=1"
[el.pathname, el.search]""",
            r"""table = {}
a = document.createElement("div")
b = document.createElement("div")
table[a] = "a"
table[b] = "b"
[table[a], table[b], len(table)]""",
            r"""els = [document.createElement("p") for _ in range(3)]
box = document.createElement("div")
for e in els:
    box.appendChild(e)
[box.children[i] == els[i] for i in range(3)]""",
            r"""box = document.createElement("ul")
for i in range(3):
    li = document.createElement("li")
    li.textContent = "item " + str(i)
    box.appendChild(li)
[li.textContent for li in box.querySelectorAll("li")]""",
            r"""box = document.createElement("div")
box.innerHTML = "<p>1</p><p>2</p>"
nodes = box.querySelectorAll("p")
box.innerHTML = ""
[len(nodes), len(box.children)]""",
            r"""box = document.createElement("div")
box.innerHTML = "<p>1</p>"
live = box.children
box.appendChild(document.createElement("p"))
len(live)""",
            r"""document.createElement("div").nodeName""",
            r"""document.createElementNS("http://www.w3.org/2000/svg", "svg").namespaceURI""",
            r"""el = document.createElement("div")
el.tabIndex = 3
el.tabIndex""",
            r"""repr(document.createElement("canvas"))""",
        ],
    },
]
