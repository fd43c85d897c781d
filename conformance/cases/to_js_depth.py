# D14: depth=N converts N levels of lists, tuples and dicts; the containers below cross as
# proxies (to_py gives the very Python object back); depth=0 makes the value itself a
# proxy; -1 (the default) or a depth beyond the nesting converts everything.
from pyscript import ffi

inner = [3]
value = {"a": [1, [2, inner]], "b": {"c": {"d": 1}}, "t": (1, (2,)), "s": {4}, "again": inner}
made = js("[]")
one = ffi.to_js(value, depth=1, pyproxies=made)
back = ffi.to_py(one)
record("depth_1", [back["a"] is value["a"], back["b"] is value["b"], back["t"] is value["t"], sorted(back["s"]), back["again"] is inner])
two = ffi.to_js(value, depth=2, pyproxies=made)
record("depth_2_arrays", js("(o) => [Array.isArray(o.a), o.a[0], Array.isArray(o.a[1]), Array.isArray(o.t[1])]")(two))
record("depth_2_below_is_the_object", ffi.to_py(two)["a"][1] is value["a"][1])
record("depth_0_is_a_proxy", [js("(v) => typeof v === 'object' && !Array.isArray(v)")(ffi.to_js(value, depth=0, pyproxies=made)), ffi.to_py(ffi.to_js(value, depth=0)) is value])
shared = [0]
both = ffi.to_js({"x": shared, "y": shared}, depth=1, pyproxies=made)
record("shared_container_one_proxy", js("(o) => o.x === o.y")(both))
record("depth_beyond_nesting", ffi.to_js(value, depth=50))
record("default_converts_all", ffi.to_js(value, depth=-1))
record_error("depth_not_int", ffi.to_js, [1], depth="1")
record_error("depth_below_minus_one", ffi.to_js, [1], depth=-2)
record("proxies_made", made.length)
js("(made) => made.forEach((p) => p.destroy())")(made)
