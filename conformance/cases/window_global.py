# `from pyscript import window` is the view of the JS global object on every host, and
# `document` the view of its document (None where there is none, as in Node).
from pyscript import ffi, window, document

record("globalThis_is_the_global_object", ffi.bind(js("(g) => g === globalThis"))(window.globalThis))
record("globals_read_as_js_values", ffi.bind(js("(d, e) => d === Date && e === EventTarget"))(window.Date, window.EventTarget))
record("document", (document is None) == (window.eval("typeof document") == "undefined"))
record("window_is_a_namespace", [bool(window), "Math" in window, "surely_not_a_global" in window])
record("math", window.Math.PI)
