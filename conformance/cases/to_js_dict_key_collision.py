# D9: two keys naming the same property are a catchable ValueError naming both; no data is dropped.
from pyscript import ffi

record_error("int_and_str", ffi.to_js, {1: "int", "1": "str"})
record_error("true_and_str", ffi.to_js, {True: 1, "true": 2})
record_error("none_and_str", ffi.to_js, {None: 1, "null": 2})
record_error("nested", ffi.to_js, [{"x": {2.5: 1, "2.5": 2}}])
# The key 1 is met first in another dict: the collision in the second dict is still found.
record_error("after_the_key_was_seen_elsewhere", ffi.to_js, [{1: "a"}, {1: "b", "1": "c"}])
