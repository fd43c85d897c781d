# Misuse gives a catchable error naming the type and the fix, the same on both interpreters:
# create_proxy of a JS value; a JS object that is not a function as a converter (MicroPython
# calls every JsProxy callable); a destroyed proxy used from Python (once uncatchable on
# MicroPython). assign() copies a "__proto__" key as a property, never as the prototype.
from pyscript import ffi

record_error("create_proxy_of_js_object", ffi.create_proxy, js("({})"))
record_error("create_proxy_of_js_function", ffi.create_proxy, js("() => 1"))
record_error("dict_converter_not_a_function", ffi.to_js, {"a": 1}, dict_converter=js("({})"))
record_error("default_converter_not_a_function", ffi.to_js, object(), default_converter=js("({})"))
record("js_function_as_dict_converter", ffi.to_js({"a": 1}, dict_converter=js("Object.fromEntries")))
target = ffi.assign(js("({})"), {"__proto__": {"x": 1}, "a": 2})
record("assign_proto_key", js("(t) => [Object.getPrototypeOf(t) === Object.prototype, Object.keys(t).sort(), t.x]")(target))
called = ffi.create_proxy(lambda: 1)
called.destroy()
record_error("destroyed_callable_called_from_python", called)


class Box:
    value = 1


box = ffi.to_js(Box())
ffi.destroy(box)
record_error("destroyed_object_read_from_python", lambda: box.value)
record("still_works", ffi.to_js([1, 2]))
