# D26 (as far as the bridge reaches): a JS function read as an attribute of a JS object is the
# original function when it goes back through to_js or construct (MicroPython reads it as a
# bound method; Pyodide as a JsProxy of the function).
from pyscript import ffi, window

math_max = window.Math.max
record("to_js_gives_the_original", js("(f) => f === Math.max")(ffi.to_js(math_max)))
record("inside_containers", js("(a) => a[0] === Math.max && a[1].f === Math.max")(ffi.to_js([math_max, {"f": math_max}])))
namespace = js("({Point: class Point { constructor(x) { this.x = x; } }})")
record("construct_from_an_attribute", ffi.assign(js("({})"), ffi.construct(namespace.Point, 3)))
python_method = [].append
converted = ffi.to_js([python_method])
record("python_methods_stay_python", js("(a) => typeof a[0] === 'function' && a[0] !== Array.prototype.push")(converted))
js("(a) => a[0].destroy()")(converted)
