# D16: one JS function per live Python object: create_proxy(f) twice gives the same one (===),
# so removeEventListener finds what addEventListener got.
from pyscript import ffi

calls = []


def on_event(event):
    calls.append(event.type)


live_at_start = ffi.stats()["live"]
first = ffi.create_proxy(on_event)
second = ffi.create_proxy(on_event)
record("same_function", js("(a, b) => a === b")(first, second))
with ffi.scope():
    record("other_function_differs", js("(a, b) => a !== b")(first, ffi.create_proxy(lambda e: None)))
target = ffi.construct(js("EventTarget"))
target.addEventListener("ping", first)
target.dispatchEvent(ffi.construct(js("Event"), "ping"))
target.removeEventListener("ping", ffi.create_proxy(on_event))
target.dispatchEvent(ffi.construct(js("Event"), "ping"))
record("listener_removed_by_identity", calls)
first.destroy()
record("live_after_destroy", ffi.stats()["live"] - live_at_start)
