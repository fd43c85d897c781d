# D32: a Map becomes a dict (keys converted), a Set a set. Object keys or items cannot be Python
# dict keys (not hashable): TypeError. Keys that collapse into one Python key: ValueError.
from pyscript import ffi

record("map", pydesc(ffi.to_py(js('new Map([[1, "one"], ["k", [1, 2]], [null, "none"], [2.5, "f"]])'))))
record("set", pydesc(ffi.to_py(js('new Set([1, "a", 2.5, null])'))))
record("nested", pydesc(ffi.to_py(js('{"m": new Map([["s", new Set([3])]])}'))))
record_error("object_key", ffi.to_py, js("new Map([[{}, 1]])"))
record_error("array_item", ffi.to_py, js("new Set([[1]])"))
record_error("collapsing_keys", ffi.to_py, js("new Map([[true, 'a'], [1, 'b']])"))
