# assign(target, *sources) is Object.assign with each source converted by to_js; it returns
# the target, skips None, and reports JS errors (a frozen target) as a catchable TypeError.
from pyscript import ffi, window

target = ffi.to_js({"a": 1})
result = ffi.assign(target, {"b": [1, 2]}, None, {"a": 3, "c": {"d": None}})
record("target", target)
record("returns_target", result == target)
frozen = window.Object.freeze(ffi.to_js({"x": 1}))
try:
    ffi.assign(frozen, {"x": 2})
except TypeError as e:
    record("frozen", [type(e).__name__, str(e).startswith("assign: JavaScript raised TypeError:")])
record_error("not_js", ffi.assign, {"a": 1}, {"b": 2})
