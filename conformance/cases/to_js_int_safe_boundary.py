# D4: Number up to 2**53-1 in magnitude; BigInt from 2**53 on.
from pyscript import ffi

record("max_safe", ffi.to_js([2**53 - 1, -(2**53 - 1)]))
record("first_unsafe", ffi.to_js([2**53, -(2**53), 2**53 + 1]))
