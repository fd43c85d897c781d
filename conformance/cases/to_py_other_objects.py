# D32: class instances, Dates, functions and other non-plain objects stay JS values (the same ones).
from pyscript import ffi, window

date = js("new Date(0)")
fn = js("() => 42")
converted = ffi.to_py(window.Array.of(date, fn, js("new (class Point { constructor() { this.x = 1; } })()")))
record("kinds", [pydesc(x) for x in converted])
record("same_js_values", [converted[0] == date, converted[1] == fn])
record("still_usable", [converted[0].getTime(), converted[1]()])
record("unconverted_root_is_the_same_object", [ffi.to_py(date) is date, ffi.to_py(js("{}"), depth=0) is not None])
