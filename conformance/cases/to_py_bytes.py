# D32: Uint8Array and ArrayBuffer become bytes; other typed arrays stay JS values.
from pyscript import ffi

record("uint8array", pydesc(ffi.to_py(js("new Uint8Array([0, 1, 127, 128, 255])"))))
record("arraybuffer", pydesc(ffi.to_py(js("new Uint8Array([9, 8]).buffer"))))
record("nested", pydesc(ffi.to_py(js('{"b": new Uint8Array(3)}'))))
record("float64array_stays_js", pydesc(ffi.to_py(js("new Float64Array([1.5])"))))
