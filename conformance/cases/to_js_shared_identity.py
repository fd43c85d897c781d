# D11: a sub-object reached twice becomes one JS object, reached twice.
from pyscript import ffi

shared = {"k": [1, 2]}
inner = [3]
record("shared_dict", ffi.to_js({"a": shared, "b": shared, "c": [shared]}))
record("shared_list", ffi.to_js([inner, inner, (inner,)]))
