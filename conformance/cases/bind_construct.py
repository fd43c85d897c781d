# D27 through ffi.bind (docs/construction.md): X.new(*args, **kwargs) is Reflect.construct
# for built-ins, function constructors and classes, keyword arguments as one trailing
# plain object; X(...) stays a plain call (Date(0) is a string); a class called without
# .new is a catchable JsException that says how to construct it; .new is construction
# even when the JS object has its own "new" property, which bound["new"] reaches; JS
# errors from bound calls are catchable on both interpreters.
from pyscript import ffi, window

w = ffi.bind(window)


def error_of(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except ffi.JsException as e:
        return ["JsException", e.name, e.message]
    except Exception as e:
        return [type(e).__name__, str(e)]
    return "no exception"


record("builtins", [w.Date.new(0).toISOString(), w.Map.new([[1, "a"], [2, "b"]]).size, w.Uint8Array.new(3).length])
Point = ffi.bind(js("(function Point(x, options) { this.x = x; this.options = options; })"))
p = Point.new(1, label="a", size=2)
record("kwargs_are_one_trailing_object", [p.x, p.options])
record("plain_call_is_a_call", type(w.Date(0)).__name__)
record("class_without_new", error_of(ffi.bind(js("class Shape {}"))))
record("builtin_without_new", error_of(w.Map))
own = ffi.bind(js("({ new: () => 'own new' })"))
record("own_new_property_by_item", own["new"]())
record("new_on_a_non_constructor", error_of(own.new))
record("js_error_from_a_call", error_of(ffi.bind(js("({ fail(m) { throw new SyntaxError(m) } })")).fail, "bad"))
record("namespaces_stay_bound", [w.JSON.stringify([1]), w.Math.floor(2.5)])
record("js_error_from_a_getter", error_of(lambda: ffi.bind(js("({ get boom() { throw new RangeError('no') } })")).boom))
record("data_results_are_python", [w.JSON.parse('{"a": [1, 2]}'), w.Math.max(2**40, 3)])
