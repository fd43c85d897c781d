# D14, D36: dict_converter gets an Array of [key, value] pairs per dict (keys converted like values)
# and its result stands for the dict. Shared dicts are converted once; a cycle through a converted
# dict and a converter that throws are catchable errors.
from pyscript import ffi, window

to_map = js("(pairs) => new Map(pairs)")
record("map", ffi.to_js({"a": 1, 2: "b", (1, 2): None}, dict_converter=to_map))
record("from_entries", ffi.to_js([{"x": {"y": 1}}], dict_converter=window.Object.fromEntries))
record("map_new", window.Object.prototype.toString.call(ffi.to_js({"k": 1}, dict_converter=window.Map.new)))
shared = {"s": 1}
converted = ffi.to_js([shared, shared], dict_converter=to_map)
record("shared_converted_once", converted[0] == converted[1])
loop = {}
loop["self"] = loop
record_error("cycle", ffi.to_js, loop, dict_converter=to_map)
record_error("converter_throws", ffi.to_js, {"a": 1}, dict_converter=js("() => { throw new RangeError('nope') }"))
record_error("not_callable", ffi.to_js, {"a": 1}, dict_converter=5)


# A Python dict_converter gets the JS Array of pairs, as a JS one does; its result crosses by
# the to_js rules (None as null, Python data as JS data), and an exception it raises
# propagates as itself.
def fails(pairs):
    raise ValueError("from the converter")


record("python_converter_results", ffi.to_js([{}, {"a": 1}, {"b": 2}], dict_converter=lambda pairs: None if pairs.length == 0 else {"n": pairs.length, "first_key": pairs[0][0]}))
record_error("python_converter_raises", ffi.to_js, {"a": 1}, dict_converter=fails)
