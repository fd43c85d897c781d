# default_converter (and eager_converter, and their convert()) that never converge are cut
# off by rule, not by a stack: a result that is, or contains, the object it was given is a
# ValueError; results that need converting again, 16 levels deep, a RecursionError. The
# same on both interpreters, which stay usable; no proxy is left live.
from pyscript import ffi


class Thing:
    pass


class Other:
    pass


partner = {}


def swap(value, convert, cache):
    # Thing -> Other -> the same Thing: a cycle through two results.
    if isinstance(value, Thing):
        partner[0] = partner.get(0) or Other()
        return partner[0]
    return thing


thing = Thing()
converters = [
    ("returns_its_argument", lambda v, c, cc: v),
    ("returns_a_fresh_object", lambda v, c, cc: Thing()),
    ("returns_a_list_of_itself", lambda v, c, cc: [v]),
    ("returns_a_list_of_a_fresh_object", lambda v, c, cc: [Thing()]),
    ("two_objects_in_a_cycle", swap),
    ("convert_of_fresh_data", lambda v, c, cc: c({"k": (Thing(),)})),
]
live = ffi.stats()["live"]
for name, converter in converters:
    record_error(name, ffi.to_js, [thing], default_converter=converter)
record_error("eager_converter_runaway", ffi.to_js, thing, eager_converter=lambda v, c, cc: c([Thing()]))
record("converges", ffi.to_js([thing, thing], default_converter=lambda v, c, cc: [1, (2,)] if type(v) is Thing else v))
record("nothing_left_live", ffi.stats()["live"] - live)
