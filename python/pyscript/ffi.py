"""pyscript.ffi: one foreign function interface, the same on Pyodide and MicroPython.

The rules are in docs/conversions.md. This module is a thin shim: the conversions run
in Rust (ffi-core), reached through the interpreter's adapter (_pyscript_ffi_impl).
"""

import json as _json
import sys as _sys
from array import array as _array

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

__all__ = [
    "to_js",
    "to_py",
    "is_none",
    "assign",
    "construct",
    "create_proxy",
    "destroy",
    "scope",
    "stats",
    "trace",
    "JsException",
    "JsSentinel",
    "undefined",
    "null",
]


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


class JsException(Exception):
    """An error JavaScript threw, caught by the bridge: str(e) is "<name>: <message>";
    `name` and `message` are the JS error's, `js_error` the JS value itself."""

    def __init__(self, name, message, js_error=None):
        super().__init__(name + ": " + message)
        self.name = name
        self.message = message
        self.js_error = js_error


def _raise(wire):
    # Bridge functions return errors as "\0Name\0message" instead of throwing, because a
    # JS throw inside a native call cannot be caught on MicroPython 1.27.
    _, name, message = wire.split("\0", 2)
    if name == "JsException":
        js_name, js_message = message.split("\0", 1)
        raise JsException(js_name, js_message, _bridge.take_error())
    raise _EXCEPTIONS.get(name, RuntimeError)(message)


_error = _impl.bind_sentinels(undefined, null)
if _error:
    _raise(_error)

# Values that stay Python values: they become JS values when they cross.
_SCALARS = (bool, int, float, str)


def to_js(value, *, dict_converter=None, default_converter=None):
    """Convert a Python value to a JS value by the canonical rules (docs/conversions.md).

    None, bool, int, float and str are returned unchanged: they are converted where they
    cross into JavaScript. Containers become new JS objects and arrays.
    dict_converter: a callable given an Array of [key, value] pairs for each dict, whose
    result stands for the dict (js.Map.new, js.Object.fromEntries).
    default_converter(value, convert, cache_conversion): called for each object with no
    conversion of its own; its result is converted in the object's place.
    """
    if value is None or value is undefined or value is null or isinstance(value, _SCALARS) or _impl.is_js(value):
        return value
    function = _impl.js_function(value)
    if function is not None:
        return function
    if dict_converter is not None and not callable(dict_converter):
        raise TypeError("to_js: dict_converter must be callable (js.Map.new, say), got " + type(dict_converter).__name__)
    if default_converter is not None and not callable(default_converter):
        raise TypeError("to_js: default_converter must be callable, got " + type(default_converter).__name__)

    convert = None
    if default_converter is not None:
        # Only default_converter uses it; no closure on the common path.
        def convert(inner):
            return to_js(inner, dict_converter=dict_converter, default_converter=default_converter)

    made = _NewProxies()
    try:
        result = _impl.to_js(value, dict_converter, default_converter, convert, made)
    except BaseException:
        made.release()
        raise
    if type(result) is str:
        made.release()
        _raise(result)
    return result


class _NewProxies:
    """The proxies one to_js call makes for callables, so that a conversion that fails
    releases them at once (and only them: a proxy it merely reused stays)."""

    __slots__ = ("mark", "made")

    def __init__(self):
        self.mark = None
        self.made = []

    def proxy(self, func):
        if self.mark is None:
            self.mark = _bridge.proxy_serial()
        proxy = create_proxy(func)
        self.made.append(proxy)
        return proxy

    def release(self):
        if self.made:
            _bridge.release_created_since(self.mark, to_js(self.made))


def to_py(value, *, depth=-1):
    """Convert a JS value to Python by the canonical rules (docs/conversions.md): plain
    objects and Maps to dicts, Arrays to lists, Sets to sets, Uint8Array/ArrayBuffer to
    bytes, BigInt to int, null/undefined to None; other JS objects stay JS values.
    `depth` levels are converted (-1: all); deeper containers stay JS values.
    Python values are returned unchanged."""
    if value is undefined or value is null or _impl.is_js_nullish(value):
        return None
    if not _impl.is_js(value):
        return value
    if type(depth) is not int or depth < -1:
        raise TypeError("to_py: depth must be an int >= -1 (-1 converts every level), got " + repr(depth))
    # Not named to_py: a Pyodide JsProxy's own to_py() method would shadow it.
    package = _bridge.convert_to_py(value, depth)
    if type(package) is str:
        _raise(package)
    document = _json.loads(package[0])
    fixups = document[1]
    if fixups:
        if fixups[0][0] == [0] and fixups[0][1] == _JS:
            # The root itself stays a JS value: give back the very object passed in.
            return value
        _apply_fixups(document, package)
    return document[0]


# Fixup kinds: the contract with crates/ffi-core/src/convert/to_py.rs (mod fixup).
_JS, _REF, _MAP, _SET, _BYTES, _FLOAT, _HEXINT, _FLOATBITS = range(8)


def _apply_fixups(document, package):
    """Put at each fixup's path what JSON could not say. Every location is resolved on
    the document as loaded; dicts and sets exist before anything refers to them, so
    identity and cycles hold through them."""
    fixups = document[1]

    def spot(path):
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        return parent, path[-1]

    spots = [spot(f[0]) for f in fixups]
    refs = package[1]
    js_values = {}
    floats = None
    fills = []
    targets = []
    for i, (path, kind, payload) in enumerate(fixups):
        if kind == _REF:
            targets.append((spots[i], spot(payload)))
            continue
        if kind == _JS:
            if payload not in js_values:
                js_values[payload] = refs[payload]
            value = js_values[payload]
        elif kind == _MAP:
            value = {}
            fills.append((value, payload))
        elif kind == _SET:
            value = set()
            fills.append((value, payload))
        elif kind == _BYTES:
            value = bytes.fromhex(payload)
        elif kind == _FLOAT:
            value = float(payload)
        elif kind == _HEXINT:
            value = int(payload, 16)
        else:
            if floats is None:
                floats = _array("d", bytes.fromhex(package[2]))
            value = floats[payload]
        parent, key = spots[i]
        parent[key] = value
    for (parent, key), (target_parent, target_key) in targets:
        parent[key] = target_parent[target_key]
    for container, payload in fills:
        if type(container) is dict:
            for key, value in payload:
                if key in container:
                    raise ValueError(
                        "to_py: two keys of a JavaScript Map become the same Python key "
                        + repr(key)
                        + " (true and 1, say); convert that Map yourself to keep both"
                    )
                container[key] = value
        else:
            for item in payload:
                if item in container:
                    raise ValueError(
                        "to_py: two items of a JavaScript Set become the same Python value "
                        + repr(item)
                        + " (true and 1, say); convert that Set yourself to keep both"
                    )
                container.add(item)


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


def construct(cls, *args, **kwargs):
    """new cls(...args): Reflect.construct with the arguments converted by to_js; keyword
    arguments become one trailing plain object. Works for ES classes, function
    constructors, built-ins (Date, Map, Uint8Array, Error) and wasm-bindgen classes, also
    when cls has its own `new` property. An error the constructor throws is raised as
    JsException."""
    cls = _impl.js_function(cls) or cls
    if not _impl.is_js(cls):
        raise TypeError(
            "construct: expected a JS class or constructor, got the Python " + type(cls).__name__ + "; "
            "pass a JS value such as window.Date"
        )
    arguments = list(args)
    if kwargs:
        arguments.append(kwargs)
    result = _bridge.construct(cls, to_js(arguments))
    if type(result) is str:
        _raise(result)
    return result


def create_proxy(func):
    """A JS function that calls `func` and stays valid until destroy() (on it, or
    ffi.destroy(proxy), or the end of an ffi.scope()) or until JavaScript drops it. The
    same `func` gives the same JS function while that one is alive, so
    removeEventListener finds what addEventListener got. After destroy() every call
    throws one fixed error (ProxyDestroyedError)."""
    if not callable(func):
        raise TypeError("create_proxy: expected a callable, got " + type(func).__name__ + "; wrap the value in a function")
    result = _bridge.create_proxy(func, id(func), _site(func) if _tracing else None)
    if type(result) is str:
        _raise(result)
    return result


_tracing = False
# Frames in these files are ffi's own: a creation site is the first frame outside them.
_OWN_FILES = __file__[: __file__.rfind("/pyscript/") + 1] if "/pyscript/" in __file__ else __file__


def trace(enabled=True):
    """Record where each proxy is created (enabled) or stop; returns the previous setting.
    While on, stats()["sites"] lists where each live proxy created under tracing was made."""
    global _tracing
    previous = _tracing
    _tracing = bool(enabled)
    return previous


def _site(func):
    # The callable's name, and where the caller is when the interpreter exposes frames
    # (CPython does; MicroPython has no frame introspection).
    name = getattr(func, "__name__", None) or type(func).__name__
    getframe = getattr(_sys, "_getframe", None)
    frame = getframe(1) if getframe is not None else None
    while frame is not None and frame.f_code.co_filename.startswith(_OWN_FILES):
        frame = frame.f_back
    if frame is None:
        return name
    return name + " at " + frame.f_code.co_filename + ":" + str(frame.f_lineno) + " in " + frame.f_code.co_name


def destroy(proxy):
    """Destroy a proxy made by create_proxy; destroying twice is harmless."""
    # A proxy read off a JS object is a bound method on MicroPython: unwrap it, as construct does.
    error = _bridge.destroy_proxy(_impl.js_function(proxy) or proxy)
    if error:
        _raise(error)


class scope:
    """with ffi.scope() as s: proxies created inside are destroyed at the end of the block,
    except those passed to s.keep(proxy)."""

    def __init__(self):
        self._kept = []

    def __enter__(self):
        _bridge.scope_enter()
        return self

    def keep(self, proxy):
        self._kept.append(proxy)
        return proxy

    def __exit__(self, *exc_info):
        _bridge.scope_exit(to_js(self._kept))
        return False


def stats():
    """Counters of the proxy ledger: live, created, destroyed, finalized; while trace() is
    on, also "sites": where each live traced proxy was created, oldest first."""
    s = _bridge.stats()
    result = {"live": s.live, "created": s.created, "destroyed": s.destroyed, "finalized": s.finalized}
    if _tracing:
        result["sites"] = to_py(_bridge.proxy_sites())
    return result
