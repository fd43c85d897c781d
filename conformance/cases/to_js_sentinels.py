# D1: ffi.undefined converts to undefined, ffi.null to null; both stay themselves at top level.
from pyscript import ffi

record("in_list", ffi.to_js([ffi.undefined, ffi.null, None]))
record("in_dict", ffi.to_js({"u": ffi.undefined, "n": ffi.null}))
record("top_level_identity", [ffi.to_js(ffi.undefined) is ffi.undefined, ffi.to_js(ffi.null) is ffi.null])
record("falsy", [bool(ffi.undefined), bool(ffi.null)])
