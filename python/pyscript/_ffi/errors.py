"""JS's undefined and null as Python values, and the errors of the bridge: every bridge
function reports an error in the wire form ("\0Name\0message"), which _raise raises as
the Python exception it names (a JS error as JsException). Loaded first: importing it
tells the adapter the sentinels and arms its guard."""

import builtins as _builtins

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl


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


def is_none(value):
    """True for None, JS null and JS undefined (in any of their Python spellings)."""
    return value is None or value is undefined or value is null or _impl.is_js_nullish(value)


try:
    RecursionError
except NameError:  # MicroPython has none: give it CPython's, a RuntimeError subclass.

    class RecursionError(RuntimeError):
        pass


# BEGIN wire contract: error wire (ffi-core/src/unstable/wire.rs, mod error); generated, FFI_BLESS=1 cargo test contract rewrites it
_WIRE_SEPARATOR = "\x00"
_WIRE_TYPE_ERROR = "TypeError"
_WIRE_VALUE_ERROR = "ValueError"
_WIRE_RECURSION_ERROR = "RecursionError"
_WIRE_MEMORY_ERROR = "MemoryError"
_WIRE_RUNTIME_ERROR = "RuntimeError"
_WIRE_JS_EXCEPTION = "JsException"
_WIRE_PYTHON_ERROR = "PythonError"
_WIRE_NEEDS_PYTHON = "NeedsPython"
# END wire contract


_EXCEPTIONS = {
    _WIRE_TYPE_ERROR: TypeError,
    _WIRE_VALUE_ERROR: ValueError,
    _WIRE_RECURSION_ERROR: RecursionError,
    _WIRE_RUNTIME_ERROR: RuntimeError,
    _WIRE_MEMORY_ERROR: MemoryError,
}


# An error JavaScript threw: str(e) is "<name>: <message>"; `name` and `message` are the
# JS error's, `js_error` the JS value itself. On Pyodide this is pyodide.ffi.JsException,
# so that one `except` catches what the bridge raises and what Pyodide raises itself.
JsException = _impl.JsException


# _raise's default: the JS error is the one the bridge kept.
_TAKE = object()


def _raise(wire, js_error=_TAKE):
    # Bridge functions return errors as "\0Name\0message" instead of throwing, because a
    # JS throw inside a native call cannot be caught on MicroPython 1.27. A JsException's
    # JS value is the one the bridge kept last, unless the caller has it.
    _, name, message = wire.split(_WIRE_SEPARATOR, 2)
    if name == _WIRE_JS_EXCEPTION:
        js_name, js_message = message.split(_WIRE_SEPARATOR, 1)
        raise _impl.js_exception(js_name, js_message, _bridge.take_error() if js_error is _TAKE else js_error)
    if name == _WIRE_PYTHON_ERROR:
        raise _python_error(*message.split(_WIRE_SEPARATOR, 1), js_error)
    raise _EXCEPTIONS.get(name, RuntimeError)(message)


# The last exception a callback raised (callbacks.py _call_viewed); _python_error takes it.
_raised_in_callback = [None]


def _python_error(type_name, details, js_error=_TAKE):
    # A Python exception that crossed into JavaScript (a callback raised) and comes back:
    # both interpreters keep only its type name and traceback text. A built-in type is
    # raised again with its message; any other stays the JsException named PythonError.
    error = _bridge.take_error() if js_error is _TAKE else js_error
    # The exception a callback raised, if this is it (JavaScript may have caught that one
    # and the error come from elsewhere: its type and message must be the ones reported).
    kept, _raised_in_callback[0] = _raised_in_callback[0], None
    if kept is not None and type(kept).__name__ == type_name and str(kept) in details:
        return kept
    cls = getattr(_builtins, type_name, None)
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        return _impl.js_exception("PythonError", details, error)
    prefix = type_name + ": "
    for line in reversed(details.strip().split("\n")):
        line = line.strip()
        if line.startswith(prefix):
            return cls(line[len(prefix) :])
        if line == type_name:
            return cls()
    return cls(details)


_error = _impl.bind_sentinels(undefined, null)
if _error:
    _raise(_error)
_impl.arm_guard(_raise)
