"""Pyodide side of pyscript.ffi (written by ffi-pyodide's install(); not for direct use).

The value is pickled once by CPython's C pickler; exact builtins go at C speed and
shared objects are memoised, so the Rust decoder sees identity and cycles. Everything
else passes through reducer_override as a call of one of the markers the decoder knows:
subclasses of the data types as their base type (as json.dumps treats them), JS values
and other objects as references.
"""

import io

# The C pickler itself: `pickle.Pickler` is this class, but Pyodide's stdlib ships as
# source, and compiling pickle.py was most of install()'s time.
import _pickle as pickle
from collections import OrderedDict as _OrderedDict

from pyodide.ffi import JsBigInt, JsException, JsProxy, create_proxy, jsnull

import _pyscript_ffi_bridge as _bridge

# The JS global object.
window = _bridge.globalThis


def js_exception(name, message, js_error):
    """The JsException for an error the bridge caught: Pyodide's own for a JS Error (as
    Pyodide raises it) when it reads as the bridge words it, else a JS Error made with
    that name and message (an Error with an empty name is "Error" on every interpreter)."""
    if isinstance(js_error, JsException) and str(js_error) == name + ": " + message:
        return js_error
    return _bridge.make_error(name, message)


_raise_wire = None
# ffi._View, set by the shim: walks take a view for the JS value it wraps.
view_type = None


def arm_guard(raise_wire):
    """Keep the shim's raiser of wire errors. No guard to arm: Pyodide turns a JS error in
    any call into a JsException itself."""
    global _raise_wire
    _raise_wire = raise_wire


_undefined = object()
_null = object()


def bind_sentinels(undefined, null):
    global _undefined, _null
    _undefined, _null = undefined, null
    return ""


# BEGIN wire contract: pickle marker kinds (ffi-pyodide/src/pickle.rs, mods new_kind and ext_kind); generated, FFI_BLESS=1 cargo test contract rewrites it
_NEW_LIST = 0
_NEW_DICT = 1
_EXT_JS_REF = 0
_EXT_OPAQUE = 1
_EXT_UNDEFINED = 2
_EXT_NULL = 3
# END wire contract


def _same(value):
    """Marker: stands for its argument."""
    return value


def _new(kind):
    """Marker: an empty list (_NEW_LIST) or dict (_NEW_DICT) that the stream then fills."""
    raise RuntimeError("pyscript.ffi marker, not callable")


def _ext(kind, payload):
    """Marker: a value the stream cannot carry (one of the _EXT_* kinds)."""
    raise RuntimeError("pyscript.ffi marker, not callable")


class _Pickler(pickle.Pickler):
    def __init__(self, file, default_converter, convert, proxies):
        super().__init__(file, protocol=5)
        self.js_refs = []
        self.default_converter = default_converter
        self.convert = convert
        self.proxies = proxies
        # Objects made during the walk (base-type copies, converter results), kept alive
        # until it ends: the pickler's memo is keyed by id(), and a freed temporary's id
        # would be taken by the next one.
        self.keep = []
        # ids of the objects whose default_converter result is being walked: meeting one
        # again means its result contains it.
        self.active = set()

    def reducer_override(self, obj):
        # Exact None/bool/int/float/str/bytes/list/tuple/dict/set/frozenset never get here,
        # nor does an object met before (the pickler's memo). So a second call for the
        # same object means it is inside its own default_converter result.
        if obj is _ext or obj is _same or obj is _new or type(obj) is bytearray:
            return NotImplemented
        if type(obj) is _End:
            self.active.discard(obj.key)
            return (_ext, (_EXT_UNDEFINED, 0))
        if is_js(obj) and type(obj) is not JsBigInt:
            self.js_refs.append(obj)
            return (_ext, (_EXT_JS_REF, len(self.js_refs) - 1))
        if type(obj) is view_type:
            # A view (ffi._View) is the JS value it wraps, before any converter.
            self.js_refs.append(obj._js)
            return (_ext, (_EXT_JS_REF, len(self.js_refs) - 1))
        if obj is _undefined:
            return (_ext, (_EXT_UNDEFINED, 0))
        if obj is _null:
            return (_ext, (_EXT_NULL, 0))
        # Subclasses of the data types cross as their stored value, read by the base
        # type's own methods: an override (__iter__, items, __int__, __str__, ...) never
        # runs, as on MicroPython, which reads the stored value from its heap.
        if isinstance(obj, list):
            return (_new, (_NEW_LIST,), None, list.__iter__(obj))
        if isinstance(obj, dict):
            items = _OrderedDict.items(obj) if isinstance(obj, _OrderedDict) else dict.items(obj)
            return (_new, (_NEW_DICT,), None, None, iter(items))
        for base, stored in _STORED_VALUES:
            if isinstance(obj, base):
                return (_same, (self.made(stored(obj)),))
        if self.default_converter is not None:
            return self.converted(obj)
        # Any other object crosses as its proxy (one per live object; a TypeError if
        # create_pyproxies=False).
        self.js_refs.append(self.proxies.proxy(obj))
        return (_ext, (_EXT_JS_REF, len(self.js_refs) - 1))

    def made(self, value):
        self.keep.append(value)
        return value

    def converted(self, obj):
        """The reduction of obj to its default_converter result, which is converted in
        obj's place; an _End after it marks where its walk ends. The rules (the same on
        MicroPython, _conversions): a result containing obj is an error, and results
        nest in one another at most MAX_CONVERTER_CHAIN deep."""
        key = id(obj)
        if key in self.active:
            raise _converter_cycle(obj)
        if len(self.active) >= _MAX_CONVERTER_CHAIN:
            raise _converter_runaway()
        result = self.default_converter(obj, self.convert, _cache_conversion)
        if result is obj:
            raise _converter_cycle(obj)
        self.active.add(key)
        return (_same, (self.made(result), self.made(_End(key))))


class _End:
    """Pickled right after a default_converter result: the walk has left it."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key


def _converter_cycle(obj):
    return _converter_error(0, type(obj).__name__)


def _converter_runaway():
    return _converter_error(1, "")


def _converter_error(kind, type_name):
    # The exception the shim raises for this wire error (its words live in ffi-core).
    try:
        _raise_wire(_bridge.converter_error(kind, type_name))
    except Exception as error:
        return error


_MAX_CONVERTER_CHAIN = _bridge.limits.max_converter_chain

_ALL = slice(None)

# (base type, its stored value as an exact instance), in this order: bool cannot be
# subclassed, so int covers IntEnum and IntFlag.
_STORED_VALUES = (
    (int, int.__int__),
    (float, float.__float__),
    (str, str.__str__),
    (bytes, lambda obj: bytes.__getitem__(obj, _ALL)),
    (bytearray, lambda obj: bytearray.__getitem__(obj, _ALL)),
    (memoryview, memoryview.tobytes),
    (tuple, lambda obj: tuple.__getitem__(obj, _ALL)),
    (set, set.copy),
    (frozenset, frozenset.copy),
)


def _cache_conversion(value, converted):
    """Accepted for Pyodide compatibility; identity within a conversion is kept anyway."""


def _check_stack_bound():
    # A value nested 4,500 levels pickles within Pyodide's default protection (and is
    # still shallow enough for the JS stack); within the bridge's bound it must not.
    value = []
    for _ in range(4500):
        value = [value]
    _bridge.stack_bound_enter()
    try:
        pickle.dumps(value, protocol=5)
        held = False
    except RecursionError:
        held = True
    finally:
        _bridge.stack_bound_exit()
    # Freed a level at a time: CPython frees nested lists recursively, and this deep that
    # recursion is near the JS stack's end too.
    while value:
        value = value[0]
    if not held:
        raise RuntimeError("pyscript.ffi: the stack bound for conversions did not hold on this Pyodide (js/stack.js)")


_check_stack_bound()


def to_js(value, dict_converter, default_converter, convert, proxies):
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, default_converter, convert, proxies)
    # CPython's pickler recurses in C; Pyodide's C stack is larger than what the JS engine
    # allows its frames, so a deep value would kill the interpreter. Within the bridge's
    # stack bound a deep value is a RecursionError instead (js/stack.js).
    _bridge.stack_bound_enter()
    try:
        pickler.dump(value)
    except RecursionError as error:
        if error.args and str(error.args[0]).startswith("to_js:"):
            raise
        return _bridge.too_deep()
    finally:
        _bridge.stack_bound_exit()
    return _bridge.to_js_pickle(buffer.getbuffer(), pickler.js_refs, dict_converter)


def js_function(value):
    """Pyodide reads JS functions as JsProxy objects: nothing to unwrap."""
    return None


def is_js(value):
    # isinstance(value, JsProxy) runs the Python __instancecheck__ of JsProxy's metaclass
    # (about 2 us); its answer depends on the concrete type only, and Pyodide makes one
    # concrete JsProxy type per combination of a JS value's capabilities: a small set to
    # remember. A type without _js_type_flags is no JsProxy type at all.
    kind = type(value)
    if kind in JS_CLASSES:
        return True
    if not hasattr(kind, "_js_type_flags"):
        # A BigInt reaches Pyodide as JsBigInt, an int subclass rather than a JsProxy.
        return kind is JsBigInt
    if isinstance(value, JsProxy):
        JS_CLASSES.add(kind)
        return True
    return False


def is_js_nullish(value):
    return value is jsnull


def persistent(function):
    """function as a JS function that outlives the call handing it over (whatever the
    lifetime option): Pyodide would destroy a borrowed one."""
    return create_proxy(function)


def release_persistent(proxy):
    """Let go of what persistent() made, once JavaScript no longer calls it."""
    proxy.destroy()


# Whether `await x` iterates x (MicroPython) rather than calling x.__await__ (CPython).
AWAIT_BY_ITER = False


def settle(promise):
    """Wait for a JS Promise in a coroutine: Pyodide awaits a JsProxy of one."""
    return (yield from promise.__await__())


# The concrete types of the interpreter's own JS values met so far (is_js adds to it): a
# view's hot path asks `type(result) in JS_CLASSES` first.
JS_CLASSES = set()
