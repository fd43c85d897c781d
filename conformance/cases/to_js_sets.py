# D8: set and frozenset become JS Sets, elements converted (tuples become Arrays).
from pyscript import ffi, window

record("set", ffi.to_js({3, 1, 2}))
record("frozenset", ffi.to_js([frozenset({"a", "b"})]))
record("empty", ffi.to_js(set()))
record("tuples_inside", ffi.to_js({(1, 2), (3, 4)}))
converted = ffi.to_js({"s": {10, 20}})
record("is_a_Set", window.Object.prototype.toString.call(converted.s))
