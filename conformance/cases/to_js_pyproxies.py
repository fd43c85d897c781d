# D14: pyproxies=array: the proxies this to_js call creates are appended to the JS Array,
# once each, in order; a proxy it only reuses (made earlier) is not; anything but a JS
# Array is a TypeError. Destroying what it holds releases them.
from pyscript import ffi


class Point:
    pass


def handler():
    return "handled"


live = ffi.stats()["live"]
made = js("[]")
out = ffi.to_js({"f": handler, "again": handler, "p": Point(), "n": 1}, pyproxies=made)
record("appended_once_each", [made.length, js("(m, o) => m[0] === o.f && m[1] === o.p")(made, out)])
earlier = ffi.create_proxy(lambda: 2)
reused = js("[]")
ffi.to_js([earlier], pyproxies=reused)
record("reused_not_appended", reused.length)
record_error("not_an_array", ffi.to_js, [handler], pyproxies=[])
record_error("not_an_array_js_object", ffi.to_js, [handler], pyproxies=js("({})"))
js("(made) => made.forEach((p) => p.destroy())")(made)
earlier.destroy()
record("released", ffi.stats()["live"] - live)
