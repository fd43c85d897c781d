# D1: None becomes null, at top level (when it crosses) and inside containers.
from pyscript import ffi

record("top_level", ffi.to_js(None))
record("returned_unchanged", ffi.to_js(None) is None)
record("in_list", ffi.to_js([None, 1, None]))
record("in_dict", ffi.to_js({"a": None}))
# JS undefined held by Python (None on Pyodide, js.undefined on MicroPython) converts like None.
record("js_undefined_held_by_python", ffi.to_js([js("undefined")]))
