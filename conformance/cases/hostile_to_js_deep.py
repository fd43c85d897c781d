# Nesting far beyond the limit (900) is a catchable RecursionError on both interpreters,
# also where pickling recursed in C deeper than the JS engine's stack allows (Pyodide died
# at ~6,000 levels). Each value is taken apart level by level once it has been tried:
# Pyodide itself cannot free a value nested more than ~4,500 levels deep in one go
# (docs/failures.md, "What stays outside").
from collections import OrderedDict

from pyscript import ffi


def inner(value):
    if isinstance(value, tuple):
        return value[0]["a"][0]
    if isinstance(value, dict):
        return value.get("k")
    if isinstance(value, list):
        return value[0] if value else None
    return None


def dismantle(holder):
    # The holder is the only reference: replacing it by its inner level frees just the
    # outermost one (its inner level is held meanwhile), so nothing is freed recursively.
    while holder[0] is not None:
        holder[0] = inner(holder[0])


for i, depth in enumerate((901, 7000, 100000)):
    for name, make in (("lists", lambda v: [v]), ("dicts", lambda v: {"k": v}), ("mixed", lambda v: ({"a": [v]},))):
        holder = [None]
        for _ in range(depth):
            holder[0] = make(holder[0])
        record_error("%s_%d" % (name, i), ffi.to_js, holder[0])
        dismantle(holder)
record("still_converts", ffi.to_js([[1], {"a": (2,)}]))


class Items(list):
    pass


# Just within the limit, subclass containers convert too (on Pyodide each level is a Python
# call inside the pickler: the stack bound leaves room for 900 of them).
depth_of = js("(v) => { let n = 0; while (v !== null && typeof v === 'object') { v = Array.isArray(v) ? v[0] : v.k; n++; } return n; }")
ordered, items = [None], [None]
for _ in range(899):
    ordered[0] = OrderedDict(k=ordered[0])
    items[0] = Items([items[0]])
record("subclasses_899_deep", [depth_of(ffi.to_js(ordered[0])), depth_of(ffi.to_js(items[0]))])
