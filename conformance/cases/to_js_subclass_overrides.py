# Subclasses of the data types cross as their stored value, and no method the subclass
# overrides runs (__int__, __index__, __float__, __str__, __repr__, __bytes__, __iter__,
# items, keys, __getitem__): on MicroPython the value is read from the heap, on Pyodide by the
# base type's own methods. Unlike json.dumps, a dict subclass overriding items() converts by
# its stored entries. Tuples (namedtuples too) are values: each occurrence its own Array.
from array import array
from collections import OrderedDict, namedtuple

from pyscript import ffi


class Int(int):
    def __int__(self):
        return 999

    def __index__(self):
        return 999

    def __repr__(self):
        return "999"


class Float(float):
    def __float__(self):
        return 1.25

    def __repr__(self):
        return "1.25"


class Str(str):
    def __str__(self):
        return "evil"

    def __repr__(self):
        return "'evil'"


class Bytes(bytes):
    def __bytes__(self):
        return b"evil"


class List(list):
    def __iter__(self):
        return iter([9, 9])

    def __getitem__(self, i):
        return 9


class Tuple(tuple):
    def __iter__(self):
        return iter([9, 9])


class Dict(dict):
    def items(self):
        return [("evil", 1)]

    def keys(self):
        return ["evil"]

    def __iter__(self):
        return iter(["evil"])

    def __getitem__(self, key):
        return "evil"


class Set(set):
    def __iter__(self):
        return iter([9])


class Ordered(OrderedDict):
    def items(self):
        return [("evil", 1)]


record("scalars", ffi.to_js([Int(5), Float(2.5), Str("ok"), Bytes(b"ok")]))
record("containers", ffi.to_js([List([1, 2]), Tuple((3, 4)), Dict({"a": 1}), Set({5}), Ordered([("k", 1)])]))
record("keys", ffi.to_js({Int(5): "int", Str("s"): "str", Float(0.5): "float"}))
record("top_level", [ffi.to_js(Int(7)), ffi.to_js(Str("text")), ffi.to_js(Float(0.25))])
record("top_level_types", [type(ffi.to_js(Int(7))).__name__, type(ffi.to_js(Str("text"))).__name__])
Point = namedtuple("Point", "x y")
point = Point(1, 2)
record("namedtuple_twice_is_two_arrays", js("(a) => a[0] === a[1]")(ffi.to_js([point, point])))
record("memoryviews_and_subclasses_twice", ffi.to_js([memoryview(b"ab"), memoryview(b"cd"), Str("a"), Str("b")]))
record("memoryview_of_int_array", ffi.to_js(memoryview(array("i", [1, 2, 3]))[1:]))
shared = Set({1})
record("set_subclass_identity", js("(a) => a[0] === a[1]")(ffi.to_js([shared, shared])))
