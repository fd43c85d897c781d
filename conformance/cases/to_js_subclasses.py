# D13: subclasses of the data types convert as their base type (json.dumps does the same):
# list/tuple subclasses and namedtuples to Arrays, dict subclasses to plain objects, int/float/str
# subclasses to numbers and strings. Identity and cycles hold through them.
from collections import OrderedDict, namedtuple

from pyscript import ffi


class Items(list):
    pass


class Record(dict):
    pass


class Count(int):
    pass


class Ratio(float):
    pass


class Name(str):
    pass


Point = namedtuple("Point", ["x", "y"])

record("list_subclass", ffi.to_js(Items([1, 2])))
record("dict_subclass", ffi.to_js(Record(a=1)))
record("ordered_dict", ffi.to_js(OrderedDict([("k", 1)])))
record("namedtuple", ffi.to_js([Point(1, 2)]))
record("scalars", ffi.to_js([Count(7), Ratio(2.5), Name("text")]))
loop = Items()
loop.append(loop)
record("cycle_through_subclass", ffi.to_js(loop))
shared = Items([0])
record("shared_subclass", ffi.to_js([shared, shared]))
