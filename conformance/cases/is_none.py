# D34: is_none is True for None, null and undefined in every spelling; False for falsy values.
from pyscript import ffi, window

js_null = window.JSON.parse("null")
js_undefined = window.Reflect.get(window.Math, "no_such_property")
record("nullish", [ffi.is_none(v) for v in (None, ffi.null, ffi.undefined, js_null, js_undefined)])
record("not_nullish", [ffi.is_none(v) for v in (0, 0.0, "", False, [], {}, window.Math)])
