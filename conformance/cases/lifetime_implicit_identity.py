# D16: the same Python object crossing to JavaScript twice with no create_proxy is the same
# JS value (===), so removeEventListener(f) removes what addEventListener(f) added; while
# create_proxy(g) is alive, g crossing implicitly is that same function.
from pyscript import ffi

hits = []


def on_ping(event):
    hits.append(event.type)


target = ffi.construct(js("EventTarget"))
target.addEventListener("ping", on_ping)
target.addEventListener("ping", on_ping)
target.dispatchEvent(ffi.construct(js("Event"), "ping"))
target.removeEventListener("ping", on_ping)
target.dispatchEvent(ffi.construct(js("Event"), "ping"))
record("added_twice_fired_once_then_removed", hits)

same = js("(a, b) => a === b")
record("implicit_twice_identical", same(on_ping, on_ping))


def handler(event):
    hits.append("handler")


proxy = ffi.create_proxy(handler)
record("create_proxy_then_implicit_identical", same(proxy, handler))
target.addEventListener("pong", proxy)
target.removeEventListener("pong", handler)
target.dispatchEvent(ffi.construct(js("Event"), "pong"))
record("removed_by_the_plain_function", hits)
proxy.destroy()
# After destroy() the object crosses as a fresh, working function.
record("after_destroy_callable", js("(f) => { f({ type: 'x' }); return 'called'; }")(handler))
record("hits_at_end", hits)
