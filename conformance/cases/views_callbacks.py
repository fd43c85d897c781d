# Callbacks JavaScript calls (with or without create_proxy): every argument by the view
# rules (undefined and null as None, trailing ones kept, exact numbers, objects as views),
# results back by the to_js rules (exact ints, U+0000 kept, None as null, containers
# copied); an exception the callback raises reaches the Python caller as itself.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
with ffi.scope():
    caller = w.eval("(f) => f(undefined, null, 2 ** 40, -0, 10n, 'a\\u0000b', { x: [1] }, undefined)")
    got = []
    caller(lambda *args: got.append(args))
    args = got[0]
    record("arity", len(args))
    record("arguments", [args[0], args[1], args[2], str(args[3]), args[4], args[5], args[6].x[0], args[7]])
    record("object_argument_is_view", type(args[6]).__name__ == type(w).__name__)
    # Strings only: the callback's fast path (every argument a primitive) takes them.
    strings = []
    w.eval("(f) => f('plain', '\\u0000lead', 'mid\\u0000dle', '')")(lambda *args: strings.append(list(args)))
    record("string_arguments", strings[0])
    returns = w.eval("(f) => { const r = f(); return [typeof r, r === null, Array.isArray(r), typeof r === 'bigint' ? String(r) : JSON.stringify(r)] }")
    record("return_big_int", list(returns(lambda: 2**40)))
    record("return_huge_int", list(returns(lambda: 2**70)))
    record("return_nul_string", w.eval("(f) => f() === 'a\\u0000b'")(lambda: "a\0b"))
    record("return_none", list(returns(lambda: None)))
    record("return_dict", list(returns(lambda: {"a": [1, None]})))
    record("return_view", w.eval("(f) => f() === Math")(lambda: w.Math))
    record("map_results", list(w.JSON.parse("[1, 2]").map(lambda x, *rest: x * 2**40)))
    proxy = ffi.create_proxy(lambda *a: [len(a), a[0], a[-1]])
    record("create_proxy_arguments", list(w.eval("(f) => f(null, 1, undefined)")(proxy)))
    proxy.destroy()
    def fails(*args):
        raise ValueError("from the callback")
    record_error("callback_raises", lambda: w.JSON.parse("[1]").map(fails))
    sorted_view = w.JSON.parse("[3, 1, 2]").sort(lambda a, b: a - b)
    record("sort_comparator", list(sorted_view))
