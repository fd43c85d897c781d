# D36: a dict becomes a plain object literal (Object.prototype), not a Map.
from pyscript import ffi, window

obj = ffi.to_js({"a": 1, "b": "two"})
record("object", obj)
record("prototype_is_object_prototype", window.Object.getPrototypeOf(obj) == window.Object.prototype)
record("not_a_map", window.Object.prototype.toString.call(obj))
record("empty", ffi.to_js({}))
