# D17: destroy() (also Symbol.dispose and ffi.destroy) is idempotent; after it, every call from
# JavaScript throws one fixed, catchable error. destroy of something else is a TypeError.
from pyscript import ffi

p = ffi.create_proxy(lambda: "alive")
call = js("(fn) => { try { return fn(); } catch (e) { return e.name + ': ' + e.message; } }")
record("before", call(p))
p.destroy()
record("after", call(p))
p.destroy()
ffi.destroy(p)
record("idempotent", call(p))
record("has_symbol_dispose", js("(fn) => typeof fn[Symbol.dispose] === 'function' && fn[Symbol.dispose] === fn.destroy")(p))
q = ffi.create_proxy(lambda: 1)
js("(fn) => fn[Symbol.dispose]()")(q)
record("disposed", call(q))
record_error("not_a_proxy", ffi.destroy, js("() => 1"))
# A proxy read back off a JS object (a bound method on MicroPython) is still destroyable.
# JavaScript calls it (a call from Python through MicroPython could not catch the throw).
stored = lambda: "stored"  # noqa: E731
holder = ffi.to_js({"cb": stored})
ffi.destroy(holder.cb)
record("destroyed_when_read_off_an_object", js("(h) => { try { return h.cb(); } catch (e) { return e.name; } }")(holder))
