# Exiting a scope that is not open (twice, or never entered) is a RuntimeError and leaves
# every open scope as it was (it once destroyed the enclosing scope's proxies); exiting an
# outer scope while an inner one is open ends both.
from pyscript import ffi

outer = ffi.scope()
outer.__enter__()
kept = ffi.create_proxy(lambda: "alive")
inner = ffi.scope()
inner.__enter__()
inner.__exit__(None, None, None)
record_error("inner_exited_twice", inner.__exit__, None, None, None)
record_error("never_entered", ffi.scope().__exit__, None, None, None)
record("enclosing_proxy_alive", js("(f) => f()")(kept))
live = ffi.stats()["live"]
inner_again = ffi.scope()
inner_again.__enter__()
ffi.create_proxy(lambda: "inner")
outer.__exit__(None, None, None)
record("outer_ends_both", [live - ffi.stats()["live"], js("(f) => { try { return f(); } catch (e) { return e.name; } }")(kept)])
