# D14: default_converter(value, convert, cache_conversion) is called for each object with no
# conversion of its own; its result (Python data or a JS value) is converted in its place.
from pyscript import ffi


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Opaque:
    pass


def as_data(value, convert, cache_conversion):
    if isinstance(value, Point):
        return {"x": value.x, "y": value.y, "inner": [Opaque()]}
    if isinstance(value, Opaque):
        return js("new Date(0)")
    raise TypeError("no conversion for " + type(value).__name__)


record("converted", ffi.to_js({"p": Point(1, 2), "list": [Point(3, 4)]}, default_converter=as_data))
shared = Point(5, 6)
out = ffi.to_js([shared, shared], default_converter=as_data)
record("shared_point", out)
record("convert_argument", ffi.to_js([Point(0, 0)], default_converter=lambda v, convert, cache: convert({"via": "convert"})))
record_error("converter_raises", ffi.to_js, [1j if False else Opaque(), object()], default_converter=lambda v, c, k: (_ for _ in ()).throw(TypeError("nope")))
