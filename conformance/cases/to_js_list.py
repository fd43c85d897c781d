# D13: lists become Arrays, nested lists nested Arrays.
from pyscript import ffi

record("flat", ffi.to_js([1, "two", 3.5]))
record("nested", ffi.to_js([[1, [2, [3, []]]], []]))
record("empty", ffi.to_js([]))
