# D6: NaN and the infinities are kept.
from pyscript import ffi

record("special", ffi.to_js([float("nan"), float("inf"), float("-inf")]))
