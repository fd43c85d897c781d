# D23 on every surface: a JS error thrown by a call or a construction through `js`,
# `pyscript.window` or any object or function they return is an ffi.JsException on both
# interpreters, also on MicroPython 1.27, whose own calls cannot catch a JS throw (the
# bridge guards every JS function MicroPython calls); the interpreter stays usable. A
# Python exception of a built-in type raised in a callback that JavaScript called comes
# back as that type. Identity of JS values seen from Python is unchanged.
from pyscript import ffi, window
import js as js_module

thrower = js("({ fail(x) { throw new RangeError('bad ' + x); }, echo(x) { return x; }, odd(v) { throw v; } })")


def caught(fn):
    try:
        fn()
    except ffi.JsException as e:
        return [type(e).__name__, e.name, str(e)]
    except Exception as e:
        return ["other", type(e).__name__, str(e)]
    return "no exception"


record("window_call", caught(lambda: window.JSON.parse("{"))[:2])
record("js_module_call", caught(lambda: js_module.JSON.parse("{"))[:2])
record("method_of_a_returned_object", caught(lambda: thrower.fail(1)))
record("keyword_arguments", caught(lambda: thrower.fail(x=1)))
record("construct", caught(lambda: window.Uint8Array.new(-1))[:2])
record("global_function", caught(lambda: window.decodeURIComponent("%"))[:2])
record("function_read_off_a_result", caught(lambda: window.Object.getOwnPropertyDescriptor(window.JSON, "parse").value("{"))[:2])
count = 0
for i in range(1000):
    try:
        thrower.fail(i)
    except ffi.JsException:
        count += 1
record("a_thousand_in_a_row", [count, sum(range(100)), thrower.echo("still works")])
try:
    thrower.fail(2)
except ffi.JsException as e:
    record("js_error_reachable", [e.js_error.name, e.js_error.message, e.message])


def raises(*args):
    raise ValueError("from a callback")


record("python_error_through_js", caught(lambda: window.Array.of(1).forEach(raises)))
seen = []


def catches_inside(*args):
    try:
        thrower.fail(3)
    except ffi.JsException as e:
        seen.append(str(e))


window.Array.of(1, 2).forEach(catches_inside)
record("caught_inside_a_callback", seen)
record("thrown_values_that_are_not_errors", [caught(lambda: thrower.odd("text")), caught(lambda: thrower.odd(42)), caught(lambda: thrower.odd(True))])


class RaisesWhenIterated:
    def __iter__(self):
        thrower.fail("in __iter__")


# JavaScript iterating a Python object whose __iter__ meets a JS error: the error reaches
# the Python code that called JavaScript, through the JS frames between.
record("through_javascript_iterating_python", caught(lambda: js("(it) => [...it]")(RaisesWhenIterated())))
Counter = js("(class Counter { static #n = 7; static get n() { return this.#n; } static bump() { return ++this.#n; } static get broken() { throw new Error('no'); } })")
record("attributes_of_a_class", [Counter.n, Counter.bump(), Counter.n, caught(lambda: Counter.broken)])
record("identity_unchanged", [window.Date == js_module.Date, window.JSON == js_module.JSON, thrower.echo(thrower) == thrower])
record("js_gets_the_original_as_argument", ffi.bind(js("(f) => f === Date"))(window.Date))
# The callbacks that crossed through views are ffi's proxies: end them (create_proxy gives
# the live one).
for function in (raises, catches_inside):
    ffi.destroy(ffi.create_proxy(function))
