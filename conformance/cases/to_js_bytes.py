# D7: bytes, bytearray and memoryview become Uint8Array copies, also nested.
from pyscript import ffi

record("bytes", ffi.to_js([b"", b"xy", b"\x00\xff\x7f\x80"]))
record("bytearray", ffi.to_js({"b": bytearray(b"abc")}))
record("memoryview_slice", ffi.to_js([memoryview(b"hello")[1:4]]))
record("top_level", ffi.to_js(b"top"))
data = bytearray(b"ab")
converted = ffi.to_js([data])
data[0] = 0x7A
record("is_a_copy", converted)
record("long", ffi.to_js([bytes(range(256)) * 4]))
