# D5, D30: integral numbers up to 2**53-1 become int, other numbers float (-0 stays -0.0, NaN and
# the infinities kept); BigInt becomes an exact int. Floats are exact on both interpreters.
from pyscript import ffi

numbers = ffi.to_py(js("[0, 7, -7, 2**31, 2**40, 2**53 - 1, -(2**53 - 1), 2**53, 1e300, 0.1, 1/3, 2.5, -0, 5e-324]"))
record("types", [type(x).__name__ for x in numbers])
record("values", numbers)
record("negative_zero_sign", str(numbers[12]))
special = ffi.to_py(js("[NaN, Infinity, -Infinity]"))
record("special", [type(x).__name__ for x in special] + [str(x) for x in special])
bigints = ffi.to_py(js("[2n ** 70n, -(2n ** 100n) - 12345n, 0n, 5n]"))
record("bigints", [[type(x).__name__, str(x)] for x in bigints])
record("many_floats_exact", ffi.to_py(js("Array.from({length: 500}, (_, i) => i * 0.1 + 1 / 7)")))
