# Attributes of a view: reads (AttributeError when absent, None when null/undefined and
# present), the keyword escape, writes and deletes by the to_js rules, getters and setters
# that throw raise JsException; "name" in view tells present from absent.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
o = w.JSON.parse('{"a": null, "class": "c", "from": 2}')
record("null_present", [o.a, hasattr(o, "a"), "a" in o])
record_error("absent", lambda: o.missing)
record("getattr_default", getattr(o, "missing", "default"))
record("hasattr_absent", hasattr(o, "missing"))
record("keyword_escape", [o.class_, o.from_])
o.x = 2**40
o.s = "a\0b"
o.n = None
o.u = ffi.undefined
o.d = {"k": [1, None]}
o.v = w.Math
record("written", w.JSON.stringify(o))
record("written_exact", [o.x, o.s, o.n, "u" in o, o.u, o.v == w.Math])
record("written_types", w.eval("(o) => [typeof o.x, typeof o.u, o.n === null, Array.isArray(o.d.k), o.d.k[1] === null]")(o))
del o.x
record("deleted", hasattr(o, "x"))
record_error("delete_absent", lambda: delattr(o, "x"))
tricky = w.eval("({ get boom() { throw new RangeError('getter') }, set boom(v) { throw new TypeError('setter ' + v) } })")
record_error("getter_throws", lambda: tricky.boom)
record_error("setter_throws", lambda: setattr(tricky, "boom", 5))
frozen = w.Object.freeze(w.Object.new())
record_error("frozen_write", lambda: setattr(frozen, "x", 1))
record("item_as_property", [o["class"], o["from"]])
record_error("item_absent", lambda: o["nope"])
o["new_key"] = [1, 2]
record("item_write", w.JSON.stringify(o.new_key))
record("dunder_absent", hasattr(o, "__len__"))
