# Booleans stay booleans; they never become 0/1.
from pyscript import ffi

record("true", ffi.to_js(True))
record("nested", ffi.to_js([True, False, {"t": True, "f": False}]))
