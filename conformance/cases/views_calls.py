# Calls through views: `this` is the object the function was read from, arguments by the
# to_js rules (exact ints, None as null, U+0000 kept, containers copied, views as their
# JS objects), keywords as one trailing plain object; .new constructs with keywords too;
# a JS throw is a JsException; a class called without new says how to construct it.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
probe = w.eval("(...args) => args.map((a) => a === null ? 'null' : a === undefined ? 'undefined' : typeof a + ':' + (typeof a === 'object' ? JSON.stringify(a) : String(a)))")
record("arguments", list(probe(1, 2**40, -(2**63), 1.5, True, "a\0b", None, ffi.undefined, [1, None], {"k": (1, 2)})))
record("keywords", list(probe(1, a=2, class_="c")))
record("this", w.JSON.parse('{"v": 5, "f": null}').toString())
counter = w.eval("({ n: 41, next() { return ++this.n } })")
record("method_this", [counter.next(), counter.n])
f = counter.next
record("detached_keeps_this", f())
record("view_argument", w.Object.is_(w.Array.of(w.Math)[0], w.Math))
record("nested_view_argument", w.eval("(o) => o.m === Math")({"m": w.Math}))
d = w.Date.new(0)
record("new", [d.getTime(), w.Date.new(2020, 0, 1).getFullYear()])
Thing = w.eval("(class Thing { constructor(a, opts) { this.a = a; this.opts = opts } })")
t = Thing.new(1, colour="red")
record("new_keywords", [t.a, t.opts.colour])
event = w.CustomEvent.new("x", detail=5) if "CustomEvent" in w else w.Event.new("x")
record("custom_event", [event.type, getattr(event, "detail", 5)])
has_new = w.eval("({ new: 7 })")
record("own_new_property", has_new["new"])
record_error("new_of_non_constructor", lambda: has_new.new())
record_error("class_without_new", lambda: w.Map())
record_error("not_callable", lambda: w.Math())
record_error("js_throw", w.eval("() => { throw new RangeError('thrown') }"))
record("date_as_function", type(w.Date(0)).__name__)
record("result_view", w.Array.of(1, 2).map(w.String).join("-"))
