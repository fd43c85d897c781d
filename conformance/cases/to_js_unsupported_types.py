# D13 (this release): objects with no data conversion are a catchable TypeError naming the type.
from pyscript import ffi


class Point:
    pass


record_error("instance", ffi.to_js, [Point()])
record_error("range", ffi.to_js, [range(3)])
record_error("generator", ffi.to_js, {"g": (x for x in [1])})
