# `from pyscript import window` is the JS global object on every host.
from pyscript import window

record("globalThis_is_the_global_object", js("(g) => g === globalThis")(window.globalThis))
record("globals_read_as_js_values", js("(d, e) => d === Date && e === EventTarget")(window.Date, window.EventTarget))
record("math", window.Math.PI)
