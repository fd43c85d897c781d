# ffi.scope(): proxies created inside are destroyed at the end of the block unless kept.
from pyscript import ffi

call = js("(fn) => { try { return fn(); } catch (e) { return e.name; } }")
live = ffi.stats()["live"]
with ffi.scope() as s:
    temporary = ffi.create_proxy(lambda: "temporary")
    kept = s.keep(ffi.create_proxy(lambda: "kept"))
    record("inside", [call(temporary), call(kept), ffi.stats()["live"] - live])
record("after", [call(temporary), call(kept), ffi.stats()["live"] - live])
kept.destroy()
record("after_destroying_the_kept_one", ffi.stats()["live"] - live)
