# D32: plain objects become dicts, Arrays lists, null and undefined None; strings keep every code point.
from pyscript import ffi

value = ffi.to_py(js('{"a": [1, "two", null, undefined, true, false], "b": {"c": {}}, "s": "x\\u0000é😀", "e": []}'))
record("value", pydesc(value))
record("null_undefined", [ffi.to_py(js("null")), ffi.to_py(js("undefined"))])
