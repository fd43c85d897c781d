# A Python callback JavaScript calls: an exception it raises reaches the Python caller as
# the very exception object; a call of one callable nested more than
# MAX_CALLBACK_REENTRY deep inside calls of it with the same object returns undefined
# without running Python (what keeps a JS Proxy whose trap is a Python function from
# recursing without end on Pyodide, docs/views.md); recursion through JavaScript with
# other arguments works; nesting beyond MAX_CALLBACK_NESTING is a catchable RangeError.
from pyscript import ffi

w = ffi.bind(js("globalThis"))


class Custom(Exception):
    pass


raised = Custom("mine", 2)


def fails(*args):
    raise raised


with ffi.scope():
    try:
        w.JSON.parse("[1]").map(fails)
    except Custom as e:
        record("same_exception_object", [e is raised, e.args])


def key_error(*args):
    raise KeyError("k")


with ffi.scope():
    try:
        w.JSON.parse("[1]").map(key_error)
    except KeyError as e:
        record("builtin_exception_args", list(e.args))


def recurse(n, limit):
    return w.eval("(f, n, limit) => f(n, limit)")(recurse, n + 1, limit) if n < limit else n


with ffi.scope():
    record("recursion_through_js", recurse(0, 20))
    record_error("nesting_is_bounded", recurse, 0, 100)
shared = w.Object.new()


def same_object(obj, n):
    return w.eval("(f, o, n) => f(o, n)")(same_object, obj, n + 1) if n < 10 else n


with ffi.scope():
    record("reentry_with_the_same_object_is_bounded", same_object(shared, 0))
record("still_usable", w.Math.max(1, 2))
