# D9: two keys naming the same property are a catchable ValueError naming both; no data is dropped.
from pyscript import ffi

record_error("int_and_str", ffi.to_js, {1: "int", "1": "str"})
record_error("true_and_str", ffi.to_js, {True: 1, "true": 2})
record_error("none_and_str", ffi.to_js, {None: 1, "null": 2})
record_error("nested", ffi.to_js, [{"x": {2.5: 1, "2.5": 2}}])
