# JS -> Python through a view (docs/views.md, first table): undefined and null are None,
# numbers exact (never wrapped to 32 bits), BigInt an int, strings exact with U+0000,
# a lone surrogate a ValueError; every object a live view, never a copy.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
data = w.JSON.parse('{"id": 1234567890123, "n": null, "f": 1.5, "neg": -2147483649, "big": 9007199254740993, "t": true, "s": "a\\u0000b", "lead": "\\u0000x", "arr": [1, 2], "obj": {"k": "v"}}')
for name in ["id", "n", "f", "neg", "big", "t", "s", "lead"]:
    value = getattr(data, name)
    record(name, [type(value).__name__, value])
record("undefined_result", w.eval("undefined"))
record("null_result", w.eval("null") is None)
record("date_now_exact", type(w.Date.now()) is int and w.Date.now() > 2**40)
record("negative_zero", [str(w.eval("-0")), type(w.eval("-0")).__name__])
record("bigint", [w.BigInt("123456789012345678901234567890"), w.eval("-(2n ** 70n)")])
record("nan_inf", [str(w.eval("NaN")), w.eval("Infinity"), w.eval("-Infinity")])
record("integral_beyond_2_53", [type(w.eval("2 ** 60")).__name__, w.eval("2 ** 60") == 2.0**60])
record("int32_edges", [w.eval("2 ** 31"), w.eval("-(2 ** 31)"), w.eval("2 ** 32 + 1")])
record_error("lone_surrogate", lambda: w.eval("'a\\ud800'"))
arr = data.arr
record("array_is_view", [type(arr).__name__ == type(w).__name__, arr is not None])
arr.push(3)
record("live_not_copy", [len(data.arr), data.arr[2]])
record("nested_object", data.obj.k)
record("symbol_key_absent", hasattr(data, "nope"))
record("function_is_view", [callable(w.Math.max), w.Math.max(2**40, 3)])
record("to_py_of_view", ffi.to_py(data.obj))
record("to_js_of_view", ffi.to_js(data.arr))
