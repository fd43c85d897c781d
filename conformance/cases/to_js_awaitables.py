# Python awaitables (an object with __await__, a coroutine) are other objects: each crosses
# as its one proxy, in a container or as the root, and create_proxy of a callable awaitable
# works; Pyodide sees such a proxy as a thenable (which once made it keep, then read, a
# destroyed argument proxy: a fatal error). Nothing leaks.
from pyscript import ffi


class Later:
    def __await__(self):
        yield
        return 1


class CallableLater(Later):
    def __call__(self):
        return 7


later = Later()
kinds = js("(a) => [Array.isArray(a), typeof a[0], a[0] === a[1]]")
with ffi.scope():
    record("in_a_list", kinds(ffi.to_js([later, later])))
    record("in_a_dict", js("(o) => typeof o.x")(ffi.to_js({"x": later})))
    record("root_is_its_proxy", js("(p) => typeof p")(ffi.to_js(later)) in ("object", "function"))
    # What `import js` gives for a Promise a JS function returned (a Python Future on
    # Pyodide, a JsProxy on MicroPython) goes into a container.
    record("returned_promise_in_a_list", js("(a) => Array.isArray(a) && a.length")(ffi.to_js([js("Promise.resolve(1)")])))
callable_later = CallableLater()
proxy = ffi.create_proxy(callable_later)
record("create_proxy_calls", js("(f) => f()")(proxy))
proxy.destroy()


async def coroutine():
    return 5


c = coroutine()
with ffi.scope():
    record("coroutine_in_a_list", js("(a) => a.length")(ffi.to_js([c])))
c.close()
with ffi.scope():
    for _ in range(200):
        ffi.to_js([Later()])
record("interpreter_still_works", ffi.to_js([1, 2])[1])
