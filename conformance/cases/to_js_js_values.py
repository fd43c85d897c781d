# A JS value held by Python crosses back as the very same JS value, also inside containers.
from pyscript import ffi, window

math = window.Math
converted = ffi.to_js({"math": math, "list": [math]})
# converted is a JS value (the interpreter's JsProxy); its view compares by JS identity.
converted = ffi.bind(converted)
record("same_object", [converted.math == math, converted.list[0] == math])
arr = ffi.to_js([1, 2])
record("to_js_of_js_value_is_identity", ffi.to_js(arr) == arr)
