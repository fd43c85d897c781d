# D10: keys follow the dict's own iteration order (insertion order on CPython; MicroPython
# dicts iterate in hash order, which to_js keeps rather than inventing another).
from pyscript import ffi, window

d = {"zeta": 1, "alpha": 2, "mid": 3, "key10": 4, "key2": 5, "b": 6}
keys = window.Object.keys(ffi.to_js(d))
record("same_order_as_python", [keys[i] for i in range(keys.length)] == list(d))
record("all_keys", sorted([keys[i] for i in range(keys.length)]))
