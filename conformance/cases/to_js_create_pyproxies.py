# D14: create_pyproxies=False: data converts as usual; anything that would cross as a proxy
# (a callable, an instance, a container below depth) is a TypeError naming its type, and
# nothing is left alive.
from pyscript import ffi


class Point:
    pass


live = ffi.stats()["live"]
record("data_still_converts", ffi.to_js({"a": [1, (2,)], "b": {3}}, create_pyproxies=False))
record_error("callable", ffi.to_js, [lambda: 1], create_pyproxies=False)
record_error("instance", ffi.to_js, {"p": Point()}, create_pyproxies=False)
record_error("below_depth", ffi.to_js, {"a": [1]}, depth=1, create_pyproxies=False)
record_error("not_a_bool", ffi.to_js, [1], create_pyproxies=0)
record("nothing_left_alive", ffi.stats()["live"] - live)
