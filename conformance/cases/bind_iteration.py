# Iterating a bound JS iterable (or array-like) gives its items as bound results are given
# (data as Python values, objects bound); len() reads an integer `length`; a JS object
# that is not iterable is a TypeError; a JS error while iterating is a JsException.
from pyscript import ffi

bag = ffi.bind(js("new (class Bag { constructor() { this.length = 4; } *[Symbol.iterator]() { yield 1; yield 'two'; yield { a: [1] }; yield new Date(0); } })()"))
items = list(bag)
record("items", [items[0], items[1], items[2], items[3].toISOString()])
record("len", len(bag))
record_error("not_iterable", list, ffi.bind(js("new (class Plain {})()")))
record_error("no_integer_length", len, ffi.bind(js("new (class Plain {})()")))
broken = ffi.bind(js("new (class Broken { *[Symbol.iterator]() { yield 1; throw new RangeError('mid-way'); } })()"))
try:
    list(broken)
except ffi.JsException as e:
    record("error_while_iterating", [e.name, e.message])
