# D11: identity is kept for mutable containers (list, dict, set), where sharing is observable.
# Tuples and frozensets are values: whether two equal ones are one object is an interpreter
# internal (() is a singleton on MicroPython, not in CPython's pickle), so each occurrence
# becomes its own Array or Set.
from pyscript import ffi

t = (1, 2)
inner = [0]
record("same_tuple_twice", ffi.to_js([t, t, (), ()]))
record("tuple_holding_a_shared_list", ffi.to_js([(inner,), (inner,)]))
f = frozenset({1})
record("frozenset_twice", ffi.to_js([f, f]))
s = {1}
record("set_twice_is_shared", ffi.to_js([s, s]))
