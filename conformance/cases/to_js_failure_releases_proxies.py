# A to_js call that fails after making proxies releases them at once (no GC needed); a
# proxy it only reused, made earlier by create_proxy, stays alive.
from pyscript import ffi


class Point:
    pass


def handler():
    return "handled"


live = ffi.stats()["live"]
# The proxies are made for the first dict; the second one's keys collide.
record_error("fails", ffi.to_js, [{"f": handler, "g": lambda: 1, "p": Point()}, {1: "a", "1": "b"}])
record("nothing_left_live", ffi.stats()["live"] - live)
kept = ffi.create_proxy(handler)
record_error("fails_again", ffi.to_js, [[handler, Point()], {2: "a", "2": "b"}])
record("reused_proxy_still_works", [ffi.stats()["live"] - live, js("(f) => f()")(kept)])
kept.destroy()
