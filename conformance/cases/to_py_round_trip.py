# The round-trip guarantee: to_py(to_js(x)) == x for JSON-like data (ints stay ints, floats floats).
from pyscript import ffi

data = {"id": 7, "name": "n", "score": 1.5, "whole_float": 2.0, "tags": ["a", "b"], "meta": {"x": None, "big": 2**70}, "ok": True}
back = ffi.to_py(ffi.to_js(data))
record("equal", back == data)
record("description", pydesc(back))
