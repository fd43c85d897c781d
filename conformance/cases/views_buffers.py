# ArrayBuffer and DataView views are sequences of their bytes (len, items, slices,
# iteration, `in`, item writes reach the memory); bytes(view) copies the bytes of a
# buffer or a Uint8Array, and is bytes() of the items for any other iterable of ints.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
u = w.Uint8Array.new([1, 2, 3, 250])
buf = u.buffer
record("array_buffer", [len(buf), buf[0], buf[-1], buf[1:3], list(buf), 250 in buf, bool(w.ArrayBuffer.new(0))])
buf[0] = 9
record("write_reaches_memory", u[0])
dv = w.DataView.new(buf, 1, 2)
record("data_view", [len(dv), list(dv), bytes(dv)])
record("bytes", [bytes(buf), bytes(u), bytes(u.subarray(1, 3)), bytes(w.Uint8ClampedArray.new([7])), bytes(w.JSON.parse("[1, 2]"))])
record_error("bytes_of_plain_object", bytes, w.Object.new())
record("to_py_of_buffer", ffi.to_py(buf))
