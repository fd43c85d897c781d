# D2, D3, D5, D29 for ffi's callable proxies (create_proxy, to_js): whatever JavaScript
# passes arrives by the canonical rules on both interpreters — null and undefined as None
# (trailing ones too: every argument is passed), integers exact beyond 32 bits, -0 as
# -0.0, BigInt as int, strings with U+0000 whole, JS objects as JS values. A returned
# None is null on both.
from pyscript import ffi

received = []


def receive(*args):
    received.append([[type(a).__name__, a] for a in args])
    return len(args)


proxy = ffi.create_proxy(receive)
counts = js("(p) => [p(1, undefined), p(undefined, null), p(2 ** 40, -(2 ** 31) - 1, -0, 0.5), p('a\\u0000b', 10n, true)]")(proxy)
record("argument_counts", counts)
record("received", received)
first_item = ffi.create_proxy(lambda value: ffi.to_py(value)["a"][0])
record("objects_stay_js_values", js("(p) => p({ a: [1] })")(first_item))
converted = ffi.to_js([lambda a, b: [a is None, b]])
record("to_js_proxy_too", js("(fs) => fs[0](undefined, 2 ** 40)")(converted))
nothing = ffi.create_proxy(lambda *args: None)
record("returned_none_is_null", js("(p) => [p() === null, p(2 ** 40) === null]")(nothing))
for made in (proxy, first_item, nothing, js("(fs) => fs[0]")(converted)):
    ffi.destroy(made)
