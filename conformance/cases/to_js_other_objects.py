# D13: any other object (an instance, a range, a generator…) becomes a persistent proxy: a
# JS object through which JavaScript reads and writes the object's attributes and calls
# its methods. One proxy per live object (also for an implicit crossing); to_py gives the
# object back; after destroy() every use throws ProxyDestroyedError.
from pyscript import ffi


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
out = ffi.to_js({"p": p, "again": p, "r": range(3), "g": (x for x in [1])})
record("kinds", js("(o) => [typeof o.p, o.p === o.again, typeof o.r, typeof o.g, Array.isArray(o.p)]")(out))
record("read_and_call", js("(o) => [o.p.x, o.p.y, o.p.norm2()]")(out))
js("(o) => { o.p.x = 6; }")(out)
record("write_reaches_python", p.x)
record("has_attribute", js("(o) => ['x' in o.p, 'destroy' in o.p]")(out))
record("same_proxy_for_to_js_and_implicit", js("(a, b, c) => a === b && a === c")(out.p, ffi.to_js(p), p))
record("to_py_gives_the_object_back", [ffi.to_py(out.p) is p, ffi.to_py(out)["p"] is p])
ffi.destroy(out.p)
record("after_destroy", js("(o) => { try { return o.p.x; } catch (e) { return e.name; } }")(out))
ffi.destroy(out.r)
out.g.destroy()
