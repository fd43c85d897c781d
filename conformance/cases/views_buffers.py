# ArrayBuffer and DataView views are sequences of their bytes (len, items, slices,
# iteration, `in`, item writes reach the memory); bytes(view) is bytes of its items on
# both interpreters: copied at once when the items are bytes (ArrayBuffer, DataView,
# Uint8Array, Uint8ClampedArray), else read one by one as MicroPython's bytes() reads them
# (a wider typed array, an Array), with its errors and their words.
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
record("bytes_of_wider_items", [bytes(w.Uint16Array.new([1, 255])), bytes(w.Float64Array.new([1.0, 2.0])), bytes(w.Int16Array.new([3]))])
record_error("bytes_item_out_of_range", bytes, w.Uint16Array.new([1, 258]))
record_error("bytes_item_negative", bytes, w.Int8Array.new([-1]))
record_error("bytes_item_not_an_int", bytes, w.Float32Array.new([0.5]))
record_error("bytes_item_beyond_a_machine_word", bytes, w.eval("new BigUint64Array([2n ** 40n])"))
record_error("bytes_item_of_an_array", bytes, w.JSON.parse('[1, "a"]'))
record("to_py_of_buffer", ffi.to_py(buf))
