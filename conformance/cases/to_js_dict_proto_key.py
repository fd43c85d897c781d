# D9: "__proto__" is data like any other key: an own property, never the object's prototype.
from pyscript import ffi, window

obj = ffi.to_js({"__proto__": {"polluted": True}, "constructor": 1})
record("object", obj)
record("prototype_untouched", window.Object.getPrototypeOf(obj) == window.Object.prototype)
record("own_property", window.Object.prototype.hasOwnProperty.call(obj, "__proto__"))
record("object_prototype_gained_polluted", window.Reflect.has(window.Object.prototype, "polluted"))
