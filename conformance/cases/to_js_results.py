# What to_js gives back for values the rules meet at the top: JS null is None (Pyodide would
# give jsnull), a string result keeps lone surrogates (MicroPython's own crossing garbled
# them), `window` is the JS global object on both (on MicroPython it is the `js` module), and
# None for an option means its default, as in Pyodide.
from pyscript import ffi, window


class Text(str):
    pass


units = js("(s) => Array.from(s, (c) => c.charCodeAt(0))")
record("null_result_is_none", [ffi.to_js(object(), default_converter=lambda v, c, cc: None) is None, ffi.to_js(ffi.null) is ffi.null])
record("string_results", [units(ffi.to_js(Text(chr(0xDFFF) + chr(0x80)))), ffi.to_js(object(), default_converter=lambda v, c, cc: "\0text")])
record("window_is_the_global", js("(a, b) => [a === globalThis, b[0] === globalThis, b[1].w === globalThis]")(ffi.to_js(window), ffi.to_js([window, {"w": window}])))
record("window_needs_no_proxy", js("(a) => a[0] === globalThis")(ffi.to_js([window], create_pyproxies=False, default_converter=lambda v, c, cc: 0)))
record("none_means_default", [ffi.to_py(js("[[1, [2]]]"), depth=None), ffi.to_py(ffi.to_js([[1]], depth=None, create_pyproxies=None, dict_converter=None))])


class Count(int):
    pass


class Ratio(float):
    pass


# Number results exact, as the Python values they stand for (MicroPython's own crossing
# wraps integers to 32 bits and both make -0 an int).
numbers = [ffi.to_js(Count(2**32)), ffi.to_js(Count(2**60)), ffi.to_js(Ratio(-0.0)), ffi.to_js(Ratio(1e300)), ffi.to_js(object(), default_converter=lambda v, c, cc: 2**40)]
record("number_results", [[type(n).__name__, str(n)] for n in numbers])
