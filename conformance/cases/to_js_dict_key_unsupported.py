# D9: keys that have no property name are a catchable TypeError naming the key's type.
from pyscript import ffi

record_error("tuple_key", ffi.to_js, {(1, 2): "x"})
record_error("frozenset_key", ffi.to_js, {frozenset(): "x"})
