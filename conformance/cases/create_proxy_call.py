# D17: create_proxy(f) is a JS function that calls f; JavaScript can keep and call it.
from pyscript import ffi


def add(a, b):
    return a + b


p = ffi.create_proxy(add)
call_later = js("(fn) => { const kept = fn; return () => kept(2, 3); }")(p)
record("called_from_js", js("(fn) => fn(20, 22)")(p))
record("called_after_the_call_that_received_it", call_later())
record("typeof", js("(fn) => typeof fn")(p))
p.destroy()
