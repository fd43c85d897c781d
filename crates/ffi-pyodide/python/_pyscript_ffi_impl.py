"""Pyodide side of pyscript.ffi (written by ffi-pyodide's install(); not for direct use).

The value is pickled once by CPython's C pickler; exact builtins go at C speed and
shared objects are memoised, so the Rust decoder sees identity and cycles. Everything
else passes through reducer_override as a call of the one marker the decoder knows.
"""

import io
import pickle

from pyodide.ffi import JsProxy, jsnull

import _pyscript_ffi_bridge as _bridge

_undefined = object()
_null = object()


def bind_sentinels(undefined, null):
    global _undefined, _null
    _undefined, _null = undefined, null
    return ""


def _ext(kind, payload):
    """Marker: a value the stream cannot carry (0 JS ref, 1 opaque, 2 undefined, 3 null)."""
    raise RuntimeError("pyscript.ffi marker, not callable")


class _Pickler(pickle.Pickler):
    def __init__(self, file):
        super().__init__(file, protocol=5)
        self.js_refs = []

    def reducer_override(self, obj):
        if obj is _ext:
            return NotImplemented
        if isinstance(obj, JsProxy):
            self.js_refs.append(obj)
            return (_ext, (0, len(self.js_refs) - 1))
        if obj is _undefined:
            return (_ext, (2, 0))
        if obj is _null:
            return (_ext, (3, 0))
        return (_ext, (1, type(obj).__name__))


def to_js(value):
    buffer = io.BytesIO()
    pickler = _Pickler(buffer)
    try:
        pickler.dump(value)
    except RecursionError:
        return _bridge.too_deep()
    return _bridge.to_js_pickle(buffer.getbuffer(), pickler.js_refs)


def is_js(value):
    return isinstance(value, JsProxy)


def is_js_nullish(value):
    return value is jsnull
