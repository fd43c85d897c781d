# D14: default_converter is called for Python objects with no conversion of their own only:
# JS values inside the data (functions and objects, reached through `import js`, views or
# js()) cross as themselves, never through the converter, and no proxy is made for them.
import js as native_js

from pyscript import ffi


class Opaque:
    pass


calls = []


def converter(value, convert, cache_conversion):
    calls.append(type(value).__name__)
    return "converted"


# A view of this realm's own global (in a PyScript worker, pyscript.window is the main
# thread's, whose functions are not this realm's).
here = ffi.bind(js("globalThis"))
date = js("new Date(0)")
same = js("(out, date) => [out[0] === Math.max, out[1] === Date, out[2] === date, out[4] === JSON.parse]")
before = ffi.stats()["live"]
out = ffi.to_js([here.Math.max, here.Date, date, Opaque(), here.JSON.parse], default_converter=converter)
record("converter_calls", calls)
record("js_values_as_themselves", same(out, date))
record("converted_object", out[3])
record("no_proxy_made", ffi.stats()["live"] - before)
calls.clear()
nested = ffi.to_js({"f": native_js.Math.max, "o": native_js.Object.new(), "p": [Opaque()]}, default_converter=converter)
record("nested_calls", calls)
record("nested_kinds", js("(o) => [typeof o.f, o.o.constructor === Object, o.p[0]]")(nested))
record("nested_no_proxy", ffi.stats()["live"] - before)
