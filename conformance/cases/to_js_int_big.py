# D4: big ints become exact BigInts.
from pyscript import ffi

record("big", ffi.to_js([2**64, -(2**64), 2**70, -(2**100) - 12345, 10**30]))
record("top_level_big", 2**200 + 1)
