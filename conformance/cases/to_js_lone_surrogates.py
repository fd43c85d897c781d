# Lone surrogates in str values and dict keys reach JavaScript as the lone surrogates
# they are, in short and long strings alike (MicroPython once turned those in strings of 33
# bytes or more into three U+FFFD); a key with one never collides with "\ufffd" (once a false
# collision); a key of a user class is named by its class, not 'JsProxy'.
from pyscript import ffi

units = js("(a) => a.map((s) => Array.from(s, (c) => c.charCodeAt(0)).concat([s.length]))")
lone_high, lone_low = chr(0xD800), chr(0xDC00)
record("values", units(ffi.to_js(["ab" + lone_low, "x" * 40 + lone_high + "y", lone_high + lone_low])))
keys = js("(o) => Object.keys(o).map((k) => Array.from(k, (c) => c.charCodeAt(0))).sort()")
record("keys", keys(ffi.to_js({lone_high: 1, "\ufffd": 2, 0: 3, "z" * 40 + lone_low: 4})))


class Token:
    pass


record_error("user_class_key", ffi.to_js, {Token(): 1})
record_error("colliding_keys_named", ffi.to_js, {1: "a", "1": "b"})
