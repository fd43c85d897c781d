# == and hash of views are JS identity: the same JS object read twice is equal, so views
# are dict keys and set members; different objects with equal content are not equal.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
record("same_read_twice", [w.Math == w.Math, w.Math != w.Math, hash(w.Math) == hash(w.Math)])
o = w.JSON.parse('{"a": {}}')
record("same_property", o.a == o.a)
record("equal_content_differ", w.JSON.parse("{}") == w.JSON.parse("{}"))
table = {w.Math: "math", w.JSON: "json"}
record("dict_keys", [table[w.Math], table[w.JSON], len(table)])
record("set_members", len({w.Math, w.Math, w.JSON}))
record("not_equal_to_python", [w.Math == 1, w.Math == None, w.Math == "Math"])
arr = w.Array.of(o.a, o.a)
record("items_identity", [arr[0] == arr[1], arr[0] == o.a])
with ffi.scope():
    target = w.EventTarget.new()
    seen = []
    target.addEventListener("ping", lambda e: seen.append(e.target == target))
    target.dispatchEvent(w.Event.new("ping"))
    record("event_target_is_element", seen)
record("bind_of_view_is_it", ffi.bind(o) is o)
