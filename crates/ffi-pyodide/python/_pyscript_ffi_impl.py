"""Pyodide side of pyscript.ffi (written by ffi-pyodide's install(); not for direct use).

The value is pickled once by CPython's C pickler; exact builtins go at C speed and
shared objects are memoised, so the Rust decoder sees identity and cycles. Everything
else passes through reducer_override as a call of one of the markers the decoder knows:
subclasses of the data types as their base type (as json.dumps treats them), JS values
and other objects as references.
"""

import io
import pickle

from pyodide.ffi import JsBigInt, JsException, JsProxy, create_proxy, jsnull

import _pyscript_ffi_bridge as _bridge

# The JS global object.
window = _bridge.globalThis


def js_exception(name, message, js_error):
    """The JsException for an error the bridge caught: Pyodide's own for a JS Error (as
    Pyodide raises it), else a JS Error made with that name and message."""
    if isinstance(js_error, JsException):
        return js_error
    return _bridge.make_error(name, message)


def arm_guard(raise_wire):
    """Nothing to arm: Pyodide turns a JS error in any call into a JsException itself."""


_undefined = object()
_null = object()


def bind_sentinels(undefined, null):
    global _undefined, _null
    _undefined, _null = undefined, null
    return ""


def _same(value):
    """Marker: stands for its argument."""
    return value


def _new(kind):
    """Marker: an empty list (0) or dict (1) that the stream then fills."""
    raise RuntimeError("pyscript.ffi marker, not callable")


def _ext(kind, payload):
    """Marker: a value the stream cannot carry (0 JS ref, 1 opaque, 2 undefined, 3 null)."""
    raise RuntimeError("pyscript.ffi marker, not callable")


class _Pickler(pickle.Pickler):
    def __init__(self, file, default_converter, convert, proxies):
        super().__init__(file, protocol=5)
        self.js_refs = []
        self.default_converter = default_converter
        self.convert = convert
        self.proxies = proxies

    def reducer_override(self, obj):
        # Exact None/bool/int/float/str/bytes/list/tuple/dict/set/frozenset never get here.
        if obj is _ext or obj is _same or obj is _new or type(obj) is bytearray:
            return NotImplemented
        if isinstance(obj, JsProxy):
            self.js_refs.append(obj)
            return (_ext, (0, len(self.js_refs) - 1))
        if obj is _undefined:
            return (_ext, (2, 0))
        if obj is _null:
            return (_ext, (3, 0))
        if isinstance(obj, (list, tuple)):
            return (_new, (0,), None, iter(obj))
        if isinstance(obj, dict):
            return (_new, (1,), None, None, iter(obj.items()))
        if isinstance(obj, memoryview):
            return (_same, (obj.tobytes(),))
        for base in _VALUE_BASES:
            if isinstance(obj, base):
                return (_same, (base(obj),))
        if self.default_converter is not None:
            # Its result (a JS value or Python data) is converted in obj's place.
            return (_same, (self.default_converter(obj, self.convert, _cache_conversion),))
        # Any other object crosses as its proxy (one per live object; a TypeError if
        # create_pyproxies=False).
        self.js_refs.append(self.proxies.proxy(obj))
        return (_ext, (0, len(self.js_refs) - 1))


# Checked in this order: bool cannot be subclassed, so int covers IntEnum and IntFlag.
_VALUE_BASES = (int, float, str, bytes, bytearray, set, frozenset)


def _cache_conversion(value, converted):
    """Accepted for Pyodide compatibility; identity within a conversion is kept anyway."""


def to_js(value, dict_converter, default_converter, convert, proxies):
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, default_converter, convert, proxies)
    try:
        pickler.dump(value)
    except RecursionError:
        return _bridge.too_deep()
    return _bridge.to_js_pickle(buffer.getbuffer(), pickler.js_refs, dict_converter)


def js_function(value):
    """Pyodide reads JS functions as JsProxy objects: nothing to unwrap."""
    return None


def is_js(value):
    # A BigInt reaches Pyodide as JsBigInt, an int subclass rather than a JsProxy.
    return isinstance(value, JsProxy) or type(value) is JsBigInt


def is_js_nullish(value):
    return value is jsnull


def persistent(function):
    """function as a JS function that outlives the call handing it over (whatever the
    lifetime option): Pyodide would destroy a borrowed one."""
    return create_proxy(function)
