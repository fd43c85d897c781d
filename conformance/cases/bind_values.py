# Values crossing through ffi.bind are exact both ways on both interpreters, whichever
# path the bridge takes (plain arguments and results cross directly, the rest through
# to_js / to_py): int32 boundaries and beyond, -0.0, NaN, infinities, strings (also one
# starting with U+0000), None (null) and undefined results; an ffi proxy read back is its
# Python object; item access with int keys.
from pyscript import ffi

echo = ffi.bind(js("(...a) => a.length === 1 ? a[0] : a"))
record("ints", [echo(2**31 - 1), echo(2**31), echo(-(2**31)), echo(-(2**31) - 1), echo(2**40), echo(2**70)])
record("floats", [echo(0.5), echo(-0.0), echo(float("inf")), echo(float("-inf")), echo(float("nan")) != echo(float("nan"))])
record("strings", [echo("plain"), echo("\0lead"), echo(""), echo("日本\U0001F600")])
record("none_bools_and_many", [echo(None), echo(True), echo(False), echo(1, "two", None)])
seen = ffi.bind(js("(v) => [typeof v, v === null, Object.is(v, -0), v === 2 ** 40]"))
record("what_js_got", [seen(None), seen(-0.0), seen(2**40), seen(True)])
record("undefined_result_is_none", ffi.bind(js("() => undefined"))())
record("integral_float_result_is_int", [echo(2.0), type(echo(2.0)).__name__])


class Thing:
    pass


thing = Thing()
holder = ffi.bind(js("({})"))
holder.item = thing
record("python_object_comes_back", holder.item is thing)
record("item_with_int_key", [ffi.bind(js("({ 5: 'five' })"))[5], ffi.bind(js("[10, 20]"))[1]])
ffi.destroy(ffi.to_js(thing))
