"""pyscript.ffi: one foreign function interface, the same on Pyodide and MicroPython.

The rules are in docs/conversions.md. This module is a thin shim: the conversions run
in Rust (ffi-core), reached through the interpreter's adapter (_pyscript_ffi_impl).
"""

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

__all__ = ["to_js", "is_none", "assign", "stats", "undefined", "null"]


class JsSentinel:
    """A Python stand-in for a JS value Python has no spelling for."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "pyscript.ffi." + self._name

    def __bool__(self):
        return False


undefined = JsSentinel("undefined")
null = JsSentinel("null")

try:
    RecursionError
except NameError:  # MicroPython has none: give it CPython's, a RuntimeError subclass.

    class RecursionError(RuntimeError):
        pass


_EXCEPTIONS = {
    "TypeError": TypeError,
    "ValueError": ValueError,
    "RecursionError": RecursionError,
    "RuntimeError": RuntimeError,
}


def _raise(wire):
    # Bridge functions return errors as "\0Name\0message" instead of throwing, because a
    # JS throw inside a native call cannot be caught on MicroPython 1.27.
    _, name, message = wire.split("\0", 2)
    raise _EXCEPTIONS.get(name, RuntimeError)(message)


_error = _impl.bind_sentinels(undefined, null)
if _error:
    _raise(_error)

# Values that stay Python values: they become JS values when they cross.
_SCALARS = (bool, int, float, str)


def to_js(value):
    """Convert a Python value to a JS value by the canonical rules (docs/conversions.md).

    None, bool, int, float and str are returned unchanged: they are converted where they
    cross into JavaScript. Containers become new JS objects and arrays.
    """
    if value is None or value is undefined or value is null or isinstance(value, _SCALARS) or _impl.is_js(value):
        return value
    result = _impl.to_js(value)
    if type(result) is str:
        _raise(result)
    return result


def is_none(value):
    """True for None, JS null and JS undefined (in any of their Python spellings)."""
    return value is None or value is undefined or value is null or _impl.is_js_nullish(value)


def assign(target, *sources):
    """Object.assign(target, to_js(source), ...): copy each source's properties onto the
    JS object `target`, in order, and return `target`. None sources are skipped."""
    if not _impl.is_js(target):
        raise TypeError(
            "assign: target must be a JS object, got " + type(target).__name__ + "; convert it with to_js() first"
        )
    for source in sources:
        if source is None or source is undefined or source is null:
            continue
        result = _bridge.assign(target, to_js(source))
        if type(result) is str:
            _raise(result)
    return target


def stats():
    """Counters of the proxy ledger: live, created, destroyed, finalized."""
    s = _bridge.stats()
    return {"live": s.live, "created": s.created, "destroyed": s.destroyed, "finalized": s.finalized}
