# D13 (slice): values with no data conversion yet are a catchable TypeError naming the type.
from pyscript import ffi


class Point:
    pass


def function():
    pass


record_error("instance", ffi.to_js, [Point()])
record_error("function", ffi.to_js, {"f": function})
record_error("set", ffi.to_js, [{1, 2}])
record_error("bytes", ffi.to_js, [b"xy"])
