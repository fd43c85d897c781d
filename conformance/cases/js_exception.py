# D23: one exception class for JS errors on both interpreters. ffi.JsException is what
# the bridge raises (bind, construct) and, on Pyodide, also what Pyodide raises itself
# (it is pyodide.ffi.JsException there). str(e) is "<name>: <message>"; a thrown value
# that is not an Error is named "Error" and worded as Pyodide words it (a string is the
# message); the JS error is e.js_error.
from pyscript import ffi, window


def caught(fn, *args):
    try:
        fn(*args)
    except ffi.JsException as e:
        return [str(e), e.name, e.message, isinstance(e, Exception)]
    return "no exception"


record("is_an_exception_class", [issubclass(ffi.JsException, Exception), ffi.JsException.__name__])
record("error", caught(ffi.bind(js("() => { throw new RangeError('out of range') }"))))
record("thrown_string", caught(ffi.bind(js("() => { throw 'plain' }"))))
record("thrown_number", caught(ffi.bind(js("() => { throw 42 }"))))
record("error_like_object", caught(ffi.bind(js("() => { throw { name: 'Custom', message: 'm' } }"))))
record("custom_error_class", caught(ffi.construct, js("(class Bad { constructor() { throw new (class NotReady extends Error { get name() { return 'NotReady'; } })('later'); } })")))
try:
    ffi.bind(window.Map)()
except ffi.JsException as e:
    # The hint is part of the error JavaScript sees too; the original is its cause.
    record("construct_hint", [e.name, e.message.endswith("construct it with X.new(...) or ffi.construct(X, ...)"), e.js_error.name, e.js_error.cause.name, "new" in e.js_error.cause.message])
try:
    ffi.bind(js("() => { throw new TypeError('kept') }"))()
except ffi.JsException as e:
    record("js_error_is_the_thrown_error", [e.js_error.name, e.js_error.message, window.Object.prototype.toString.call(e.js_error)])
