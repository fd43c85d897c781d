# D6: floats keep type and magnitude: 2.0 stays 2, -0.0 stays -0, 1e300 is not an int.
from pyscript import ffi

record("plain", ffi.to_js([1.5, -2.25, 2.0, 0.1, 1e300, -1e-300, 5e-324]))
record("negative_zero", ffi.to_js([-0.0, 0.0]))
record("int_valued_float_past_int32", ffi.to_js([2.0**40, 1e16]))
