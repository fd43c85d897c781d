# Errors from a Rust crate reach Python as catchable exceptions on both interpreters
# (through ffi.bind, also on MicroPython): a bad field names its path and the expected
# type (a JS TypeError), a missing or unknown field is a ValueError-named error; a
# non-callable where a callback belongs is a TypeError-named error.
import textstats

from pyscript import ffi

stats = ffi.bind(textstats)
engine = stats.TextStats.new()


def error_of(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except ffi.JsException as e:
        return [type(e).__name__, e.name, e.message]
    return "no exception"


record("wrong_type_names_the_path", error_of(engine.add_many, [{"title": "a", "text": "b"}, {"title": "c", "text": 1}], None))
record("missing_field", error_of(engine.add, {"title": "only"}))
record("unknown_option", error_of(stats.TextStats.new, colour="red"))
record("not_a_callable", error_of(engine.add_many, [], 5))
record("engine_still_works", engine.add({"title": "t", "text": "ok"})["words"])
engine.free()
record("use_after_free", error_of(engine.add, {"title": "t", "text": "x"}))
