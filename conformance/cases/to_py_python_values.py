# to_py of a value that is already Python returns it unchanged; the null/undefined sentinels give None.
from pyscript import ffi

d = {"a": 1}
record("unchanged", [ffi.to_py(5), ffi.to_py("s"), ffi.to_py(d) is d, ffi.to_py(None) is None])
record("sentinels", [ffi.to_py(ffi.undefined) is None, ffi.to_py(ffi.null) is None])
