# D4: ints are exact. Values past int32 must not wrap (MicroPython's native path gives 2**40 -> 0).
from pyscript import ffi

record("small", ffi.to_js([0, 1, -1, 7, -7, 255, 65536]))
record("int32_edges", ffi.to_js([2**31 - 1, -(2**31), 2**31, -(2**31) - 1, 2**32]))
record("beyond_int32", ffi.to_js([2**40, -(2**40), 10**15]))
