# D13: tuples become Arrays too.
from pyscript import ffi

record("tuple", ffi.to_js((1, "a", None)))
record("nested", ffi.to_js(((1, 2), [3, (4,)], ())))
