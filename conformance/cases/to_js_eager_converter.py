# D14: eager_converter(value, convert, cache_conversion) is called first for each object
# that is not None, bool, int, float, str or a JS value, once per object; its result is
# the conversion (a JS value as is, Python data by the default rules); convert(value) is
# value's default conversion, its contents going through eager_converter in turn.
# Exceptions propagate; a cycle through an object being converted is a ValueError.
from pyscript import ffi

seen = []


def tag_tuples(value, convert, cache_conversion):
    seen.append(type(value).__name__)
    if isinstance(value, tuple):
        return js("(t) => 'tuple of ' + t.length")(convert(value))
    return convert(value)


shared = [1]
out = ffi.to_js({"t": (1, 2), "l": [3, (4,)], "s": shared, "again": shared}, eager_converter=tag_tuples)
record("converted", out)
record("called_once_per_object", sorted(seen))
record("python_result_converted_by_default_rules", ffi.to_js([(1,)], eager_converter=lambda v, c, k: {"was": len(v)} if isinstance(v, tuple) else c(v)))
record("shared_stays_shared", js("(o) => o.s === o.again")(out))


def refuse_sets(value, convert, cache_conversion):
    if isinstance(value, set):
        raise ValueError("no sets here")
    return convert(value)


record_error("exception_propagates", ffi.to_js, [{1}], eager_converter=refuse_sets)
loop = [1]
loop.append(loop)
record_error("cycle", ffi.to_js, loop, eager_converter=lambda v, c, k: c(v))
record("cycle_without_eager_converter", js("(a) => a[1] === a")(ffi.to_js(loop)))
record_error("not_callable", ffi.to_js, [1], eager_converter=1)
