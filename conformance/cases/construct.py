# D27: construct(cls, *args, **kwargs) is Reflect.construct; arguments go through to_js (exact on both
# interpreters), keyword arguments become one trailing plain object. Works for ES classes, function
# constructors and built-ins, and when cls has its own `new` property. Errors are catchable.
from pyscript import ffi

Point = js("class Point { constructor(x, y, options) { this.x = x; this.y = y; this.options = options; } }")
p = ffi.construct(Point, 2**40, [1, None], label="a", tags=["t"])
record("es_class_fields", ffi.assign(js("({})"), p))
record("class_name", p.constructor.name)
record("no_kwargs_no_trailing_object", ffi.construct(Point, 1, 2))
Legacy = js("function Legacy(v) { this.v = v; }")
record("function_constructor", ffi.construct(Legacy, "v").v)
record("date", ffi.construct(js("Date"), 0).toISOString())
record("map", ffi.construct(js("Map"), [[1, "one"]]).get(1))
record("uint8array", ffi.construct(js("Uint8Array"), 3))
record("error", ffi.construct(js("Error"), "boom").message)
OwnNew = js("(() => { function C(v) { this.v = v; } C.new = 'not a function'; return C; })()")
record("class_with_own_new_property", ffi.construct(OwnNew, 5).v)
try:
    ffi.construct(js("Uint8Array"), -1)
except ffi.JsException as e:
    record("constructor_throws", [e.name, str(e).startswith("RangeError: "), e.js_error.name, isinstance(e, Exception)])
record_error("not_a_constructor", ffi.construct, js("({})"))
record_error("python_class", ffi.construct, dict)
