# Nesting far beyond the limit (900) is a catchable RecursionError on both interpreters,
# also where pickling recursed in C deeper than the JS engine's stack allows (Pyodide died
# at ~6,000 levels). The values are taken apart level by level at the end: Pyodide itself
# cannot free a value nested more than ~4,500 levels deep in one go (docs/conversions.md,
# "Failure behaviour").
from pyscript import ffi

values = []
for depth in (901, 7000, 100000):
    lists, dicts, mixed = [], {}, []
    for _ in range(depth):
        lists = [lists]
        dicts = {"k": dicts}
        mixed = ({"a": [mixed]},)
    values.append((lists, dicts, mixed))
for i, triple in enumerate(values):
    for name, value in zip(("lists", "dicts", "mixed"), triple):
        record_error("%s_%d" % (name, i), ffi.to_js, value)
record("still_converts", ffi.to_js([[1], {"a": (2,)}]))


def dismantle(value):
    # Each level is emptied only once the next one is held here: nothing is freed
    # recursively.
    while value:
        if isinstance(value, tuple):
            value = value[0]
        elif isinstance(value, dict):
            inner = value.get("k", value.get("a"))
            value.clear()
            value = inner
        else:
            inner = value[0]
            value.clear()
            value = inner


lists = dicts = mixed = None
for triple in values:
    for value in triple:
        dismantle(value)
triple = value = values = None
