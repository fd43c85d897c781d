"""pyscript.ffi: one foreign function interface, the same on Pyodide and MicroPython.

The rules are in docs/conversions.md. This module is a thin shim: the conversions run
in Rust (ffi-core), reached through the interpreter's adapter (_pyscript_ffi_impl).
"""

import builtins as _builtins
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
    "bind",
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
    "MemoryError": MemoryError,
}

# An error JavaScript threw: str(e) is "<name>: <message>"; `name` and `message` are the
# JS error's, `js_error` the JS value itself. On Pyodide this is pyodide.ffi.JsException,
# so that one `except` catches what the bridge raises and what Pyodide raises itself.
JsException = _impl.JsException


def _raise(wire):
    # Bridge functions return errors as "\0Name\0message" instead of throwing, because a
    # JS throw inside a native call cannot be caught on MicroPython 1.27.
    _, name, message = wire.split("\0", 2)
    if name == "JsException":
        js_name, js_message = message.split("\0", 1)
        raise _impl.js_exception(js_name, js_message, _bridge.take_error())
    if name == "PythonError":
        raise _python_error(*message.split("\0", 1))
    raise _EXCEPTIONS.get(name, RuntimeError)(message)


def _python_error(type_name, details):
    # A Python exception that crossed into JavaScript (a callback raised) and comes back:
    # both interpreters keep only its type name and traceback text. A built-in type is
    # raised again with its message; any other stays the JsException named PythonError.
    error = _bridge.take_error()
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


def _call_boxed(function, arguments):
    # What a callable proxy calls when an argument would not cross exactly on its own
    # (js/loader.js callArguments): the arguments arrive as one JS Array.
    return function(*to_py(arguments, depth=1))

# Values that stay Python values: they become JS values when they cross.
_SCALARS = (bool, int, float, str)


def _stays(value):
    """What to_js returns as it is: None, the sentinels, exact scalars and JS values (a
    subclass instance, an IntEnum say, is converted: to its stored value)."""
    return value is None or value is undefined or value is null or type(value) in _SCALARS or _impl.is_js(value)


def to_js(
    value,
    *,
    depth=-1,
    pyproxies=None,
    create_pyproxies=True,
    dict_converter=None,
    default_converter=None,
    eager_converter=None,
):
    """Convert a Python value to a JS value by the canonical rules (docs/conversions.md).

    None, bool, int, float and str are returned unchanged: they are converted where they
    cross into JavaScript. Containers become new JS objects and arrays; other objects
    become proxies (JS values that stay valid until destroyed or dropped by JavaScript).
    depth: levels of containers converted (-1: all); deeper ones become proxies.
    pyproxies: a JS Array; the proxies this call creates are appended to it.
    create_pyproxies: False makes any object that would need a proxy a TypeError.
    dict_converter: a callable given an Array of [key, value] pairs for each dict, whose
    result stands for the dict (js.Map.new, js.Object.fromEntries).
    default_converter(value, convert, cache_conversion): called for each object with no
    conversion of its own; its result is converted in the object's place.
    eager_converter(value, convert, cache_conversion): called first for each object that
    is not None, bool, int, float, str or a JS value; its result is the conversion, and
    convert(value) is the default one.
    """
    if _stays(value):
        return value
    if type(value) is _Bound:
        return value._js
    if value is _impl.window:
        # MicroPython's window is its `js` module: the JS global object it stands for.
        return _bridge.globalThis
    function = _impl.js_function(value)
    if function is not None:
        return function
    # None means the default, for every option (as in Pyodide).
    if depth is None:
        depth = -1
    if create_pyproxies is None:
        create_pyproxies = True
    if type(depth) is not int or depth < -1:
        raise TypeError("to_js: depth must be an int >= -1 (-1 converts every level), got " + repr(depth))
    if type(create_pyproxies) is not bool:
        raise TypeError("to_js: create_pyproxies must be True or False, got " + type(create_pyproxies).__name__)
    if pyproxies is not None and not _bridge.is_array(pyproxies):
        raise TypeError("to_js: pyproxies must be a JS Array (js.Array.new()), got " + type(pyproxies).__name__)
    for name, converter, example in (
        ("dict_converter", dict_converter, " (js.Map.new, say)"),
        ("default_converter", default_converter, ""),
        ("eager_converter", eager_converter, ""),
    ):
        if converter is not None and not _callable(converter):
            raise TypeError("to_js: " + name + " must be callable" + example + ", got " + _type_name(converter))

    made = _NewProxies(create_pyproxies)
    held = None
    raised = []
    # A JS function read off a JS object (a bound method on MicroPython) is that function.
    dict_converter = _impl.js_function(dict_converter) or dict_converter
    if dict_converter is not None and not _impl.is_js(dict_converter):
        # A Python dict_converter's result crosses by the to_js rules (None as null, data
        # as JS data), whatever the interpreter: JavaScript calls it through a JS function
        # that unboxes what it returns.
        held = _impl.persistent(_boxing(dict_converter, raised))
        dict_converter = _bridge.unboxing(held)
    try:
        if 0 <= depth < _MAX_NESTING:
            value = _cut(value, depth, made)
        if eager_converter is not None:
            value = _Eager(eager_converter, dict_converter, default_converter, made).apply(value)
        result = _convert(value, dict_converter, default_converter, made)
    except BaseException:
        made.release()
        if raised:
            raise raised[0]
        raise
    finally:
        if held is not None:
            _impl.release_persistent(held)
    if pyproxies is not None:
        made.report(pyproxies)
    return result


# Nesting beyond this is a RecursionError anyway: a larger depth converts everything.
_MAX_NESTING = _bridge.limits.max_nesting
_MAX_CONVERTER_CHAIN = _bridge.limits.max_converter_chain
# How MicroPython words running out of Python stack (CPython raises RecursionError).
_STACK_EXHAUSTED = ("pystack exhausted", "maximum recursion depth exceeded")


def _boxing(converter, raised):
    # An exception the converter raises is kept in `raised`, and raised again by to_js as
    # itself (as default_converter's are), whatever the interpreter made of it in between.
    # It receives the JS Array of [key, value] pairs, as a JS converter does (so that
    # window.Map.new, a Python callable on MicroPython, works as it does on Pyodide).
    def boxed(pairs):
        try:
            return to_js([converter(pairs)])
        except BaseException as error:
            raised.append(error)
            raise

    return boxed


def _callable(value):
    """callable(), except that a JS value is callable only if it is a JS function
    (MicroPython calls every JsProxy callable)."""
    value = _impl.js_function(value) or value
    return _bridge.is_function(value) if _impl.is_js(value) else callable(value)


def _type_name(value):
    return "a JS object (JsProxy)" if _impl.is_js(value) else type(value).__name__


def _convert(value, dict_converter, default_converter, made):
    """to_js once its options are checked; `made` collects the proxies it creates."""
    if _stays(value):
        return value
    convert = None
    if default_converter is not None:
        # Only default_converter uses it; no closure on the common path. A converter
        # that converts what contains the value again never ends: cut off as its results are.
        def convert(inner):
            if made.nested >= _MAX_CONVERTER_CHAIN:
                _raise(_bridge.converter_error(1, ""))
            made.nested += 1
            try:
                return _convert(inner, dict_converter, default_converter, made)
            except RuntimeError as error:
                # MicroPython's Python stack is small: running out of it here is the same
                # runaway, reported in the same words.
                if str(error) in _STACK_EXHAUSTED:
                    _raise(_bridge.converter_error(1, ""))
                raise
            finally:
                made.nested -= 1

    result = _impl.to_js(value, dict_converter, default_converter, convert, made)
    if type(result) is str:
        # A JS string result comes prefixed (crates/ffi-core/src/wire.rs value_or_error).
        if result[:2] == "\0\0":
            return result[2:]
        if result[:2] == "\0\1":
            return "".join([chr(int(result[i : i + 4], 16)) for i in range(2, len(result), 4)])
        if result[:2] == "\0\2":
            return -0.0 if result == "\0\2-0" else int(result[2:])
        if result[:2] == "\0\3":
            return _array("d", bytes.fromhex(result[2:]))[0]
        _raise(result)
    if _impl.is_js_nullish(result):
        # JS null as a result is None, as to_js(None) is (Pyodide would give jsnull).
        return None
    return result


def _cut(value, depth, made):
    """value with each list, tuple or dict `depth` levels down replaced by its proxy.
    Sets stay whole: their elements are immutable values. Iterative: MicroPython's Python
    stack holds a few hundred frames at most."""
    memo = {}
    root = [None]
    # One frame per container being copied: [its entries, the copy, the copy's level, and,
    # for a tuple (made once its items are known), where it goes].
    stack = []

    def put(into, slot, result):
        if slot is None:
            into.append(result)
        else:
            into[slot] = result

    def visit(item, level, into, slot):
        if not isinstance(item, (list, tuple, dict)):
            return put(into, slot, item)
        if level >= depth:
            return put(into, slot, made.proxy(item, "depth=" + str(depth) + " leaves it unconverted"))
        key = id(item)
        if key in memo:
            return put(into, slot, memo[key])
        if isinstance(item, dict):
            copy, entries = {}, iter(list(item.items()))
        else:
            copy, entries = [], iter([(None, v) for v in item])
        if isinstance(item, tuple):
            stack.append([entries, copy, level + 1, (into, slot)])
            return
        memo[key] = copy
        put(into, slot, copy)
        stack.append([entries, copy, level + 1, None])

    visit(value, 0, root, 0)
    while stack:
        frame = stack[-1]
        entry = next(frame[0], None)
        if entry is None:
            stack.pop()
            if frame[3] is not None:
                put(frame[3][0], frame[3][1], tuple(frame[1]))
            continue
        visit(entry[1], frame[2], frame[1], entry[0])
    return root[0]


class _Eager:
    """eager_converter applied before the default conversion: each object (not None,
    bool, int, float, str or a JS value) is replaced by eager_converter's result, a JS
    value or Python data converted by the default rules; convert(value) is the default
    conversion of value, its contents going through eager_converter in turn."""

    def __init__(self, eager, dict_converter, default_converter, made):
        self.eager = eager
        self.dict_converter = dict_converter
        self.default_converter = default_converter
        self.made = made
        self.done = {}
        self.active = set()

    def plain(self, value):
        return _convert(value, self.dict_converter, self.default_converter, self.made)

    def apply(self, value):
        if _stays(value):
            return value
        key = id(value)
        if key in self.done:
            return self.done[key][1]
        if len(self.active) >= _MAX_CONVERTER_CHAIN:
            _raise(_bridge.converter_error(1, ""))
        if key in self.active:
            raise ValueError(
                "to_js: a " + type(value).__name__ + " contains itself while eager_converter converts it; "
                "its JS value exists only once eager_converter returns (break the cycle, or convert it without eager_converter)"
            )
        self.active.add(key)

        def convert(item):
            return self.default(value) if item is value else self.apply(item)

        result = self.eager(value, convert, _cache_conversion)
        if not _impl.is_js(result):
            result = self.plain(result)
        self.active.discard(key)
        # The value is kept with its result so that its id is not reused meanwhile.
        self.done[key] = (value, result)
        return result

    def default(self, value):
        if isinstance(value, dict):
            value = {k: self.apply(v) for k, v in value.items()}
        elif isinstance(value, (list, tuple)):
            value = [self.apply(v) for v in value]
        return self.plain(value)


def _cache_conversion(value, converted):
    """Accepted for Pyodide compatibility; identity within a conversion is kept anyway."""


class _NewProxies:
    """The proxies one to_js call makes, so that a conversion that fails releases them at
    once (and only them: a proxy it merely reused stays), and pyproxies gets them."""

    __slots__ = ("allowed", "mark", "made", "nested")

    def __init__(self, allowed=True):
        self.allowed = allowed
        self.mark = None
        self.made = []
        # How deep default_converter's convert() calls are nested.
        self.nested = 0

    def proxy(self, obj, why="it has no conversion of its own"):
        if type(obj) is _Bound:
            # Not a Python object to proxy: the JS value it stands for.
            return obj._js
        if not self.allowed:
            raise TypeError(
                "to_js: a " + type(obj).__name__ + " would cross as a proxy (" + why + "), and create_pyproxies=False "
                "forbids proxies; convert it first, or pass to_js a default_converter"
            )
        if self.mark is None:
            self.mark = _bridge.proxy_serial()
        proxy = _proxy_of(obj)
        self.made.append(proxy)
        return proxy

    def release(self):
        if self.made:
            _bridge.release_created_since(self.mark, to_js(self.made))

    def report(self, pyproxies):
        if self.made:
            _bridge.push_created_since(self.mark, to_js(self.made), pyproxies)


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
    if depth is None:
        depth = -1
    if type(depth) is not int or depth < -1:
        raise TypeError("to_py: depth must be an int >= -1 (-1 converts every level), got " + repr(depth))
    if depth > _MAX_NESTING:
        # Nesting beyond the limit fails anyway: a larger depth converts every level (and
        # the bridge takes a 32-bit int).
        depth = -1
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
_JS, _REF, _MAP, _SET, _BYTES, _FLOAT, _HEXINT, _FLOATBITS, _PYTHON, _STRING, _FLOATS_AT, _BYTES_REF = range(12)


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
        if kind == _FLOATS_AT:
            if floats is None:
                floats = _array("d", bytes.fromhex(package[2]))
            parent, key = spots[i]
            items = parent[key]
            first = payload[0]
            if len(payload) == 1:
                items[:] = list(floats[first : first + len(items)])
            else:
                for k, position in enumerate(payload[1]):
                    items[position] = floats[first + k]
            continue
        if kind == _JS or kind == _PYTHON:
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
        elif kind == _STRING:
            value = refs[payload]
        elif kind == _BYTES_REF:
            value = bytes.fromhex(refs[payload])
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


def bind(value):
    """The JS value (a module registered with registerJsModule, a wasm-bindgen class, any
    JS object or function) behind a Python object that crosses by the canonical rules
    both ways: calls convert their arguments with to_js (keyword arguments as one trailing
    plain object) and their results with to_py; `X.new(...)` constructs; attribute reads
    give data as Python values and JS objects and functions bound again; a JS error is
    a JsException on both interpreters, also from a getter or setter (which MicroPython's
    own attribute access cannot catch). `to_js(bound)` is the JS value itself."""
    value = _impl.js_function(value) or value
    if type(value) is _Bound:
        return value
    if value is _impl.window:
        # MicroPython's window is its `js` module: the JS global object it stands for.
        value = _bridge.globalThis
    if not _impl.is_js(value):
        raise TypeError(
            "bind: expected a JS value (a registered JS module, window.Date, ...), got the Python "
            + type(value).__name__
        )
    return _Bound(value, None)


class _Bound:
    """A JS value seen through ffi.bind (see bind). `.new` is construction: a JS property
    named "new" is reached as bound["new"]."""

    __slots__ = ("_js", "_this")

    def __init__(self, js, this):
        object.__setattr__(self, "_js", js)
        object.__setattr__(self, "_this", this)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _bound_result(_bridge.bound_get(self._js, name), self._js)

    def __getitem__(self, key):
        # The key goes boxed: an int key of any size stays exact.
        return _bound_result(_bridge.bound_item(self._js, to_js([key])), self._js)

    def __setattr__(self, name, value):
        error = _bridge.bound_set(self._js, name, to_js([value]))
        if error:
            _raise(error)

    def __call__(self, *args, **kwargs):
        if not kwargs and _all_plain(args):
            # Strings, bools, floats and int32-range ints cross natively exactly alike.
            return _bound_result(_bridge.bound_call_plain(self._js, self._this, *args), None)
        arguments = list(args)
        if kwargs:
            arguments.append(kwargs)
        return _bound_result(_bridge.bound_call(self._js, self._this, to_js(arguments)), None)

    def new(self, *args, **kwargs):
        return _Bound(construct(self._js, *args, **kwargs), None)

    def __iter__(self):
        # A snapshot of what JS iteration yields (Array.from), each item as a result is.
        items = _bridge.bound_items(self._js)
        if type(items) is str:
            _raise(items)
        return iter([_bound_result(item, None) for item in to_py(items, depth=1)])

    def __len__(self):
        length = self.length
        if type(length) is not int:
            raise TypeError("len(): the JS " + _bridge.bound_describe(self._js) + " has no integer length")
        return length

    def __repr__(self):
        return "<ffi.bind of " + _bridge.bound_describe(self._js) + ">"


def _all_plain(args):
    for arg in args:
        kind = type(arg)
        if kind is int:
            if not -0x80000000 <= arg <= 0x7FFFFFFF:
                return False
        elif kind is str:
            # MicroPython's native crossing cuts a string at U+0000.
            if "\0" in arg:
                return False
        elif kind is not float and kind is not bool:
            return False
    return True


def _bound_result(result, this):
    # The bridge's bound_* results (js/loader.js boxResult): an error in the wire form;
    # "\0" for null/undefined; a string, bool or number that crosses exactly as it is; a
    # one-element Array holding data for to_py; or a JS value to bind again.
    if type(result) is str:
        if result == "\0":
            return None
        if result[:1] == "\0":
            _raise(result)
        return result
    if result is None or not _impl.is_js(result):
        return result
    if _bridge.is_array(result):
        value = to_py(result)[0]
        if not _impl.is_js(value):
            return value
        this = None
    else:
        value = result
    return _Bound(_impl.js_function(value) or value, this)


def construct(cls, *args, **kwargs):
    """new cls(...args): Reflect.construct with the arguments converted by to_js; keyword
    arguments become one trailing plain object. Works for ES classes, function
    constructors, built-ins (Date, Map, Uint8Array, Error) and wasm-bindgen classes, also
    when cls has its own `new` property. An error the constructor throws is raised as
    JsException."""
    cls = cls._js if type(cls) is _Bound else (_impl.js_function(cls) or cls)
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
    if _impl.is_js(func):
        raise TypeError(
            "create_proxy: expected a Python callable, got a JS value (JsProxy); JavaScript can use a JS function as it is"
        )
    if not callable(func):
        raise TypeError("create_proxy: expected a callable, got " + type(func).__name__ + "; wrap the value in a function")
    return _proxy_of(func)


def _proxy_of(obj):
    # The ledger's proxy for obj: the same JS value while it is alive.
    result = _bridge.create_proxy(obj, id(obj), _site(obj) if _tracing else None, type(obj).__name__)
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
    except those passed to s.keep(proxy). Exiting a scope that is not open (twice, or
    never entered) raises RuntimeError and leaves every other scope as it was."""

    def __init__(self):
        self._kept = []
        self._id = 0

    def __enter__(self):
        self._id = _bridge.scope_enter()
        return self

    def keep(self, proxy):
        self._kept.append(proxy)
        return proxy

    def __exit__(self, *exc_info):
        scope_id, self._id = self._id, 0
        error = _bridge.scope_exit(scope_id, to_js(self._kept))
        if error:
            _raise(error)
        return False


def stats():
    """Counters of the proxy ledger: live, created, destroyed, finalized; while trace() is
    on, also "sites": where each live traced proxy was created, oldest first."""
    s = _bridge.stats()
    result = {"live": s.live, "created": s.created, "destroyed": s.destroyed, "finalized": s.finalized}
    if _tracing:
        result["sites"] = to_py(_bridge.proxy_sites())
    return result


_bridge.set_call_boxed(_impl.persistent(_call_boxed))


# The answers _attribute gives a read (js/proxy.js make_proxy): no such attribute; a method.
_NO_ATTRIBUTE = to_js([])
_METHOD = to_js([None, True])


def _attribute(obj, op, key, boxed):
    """What a proxy of a Python object (not callable) asks when JavaScript reads (op 0),
    writes (1), checks (2) or deletes (3) its property `key`, lists its properties (4), or
    turns it into a string (5, its toString):
    the object's Python attributes. A value read crosses as to_js gives it (boxed); a
    method is read as a JS function that calls it (_call_attribute); a value written
    arrives by the JS -> Python rules."""
    if op == 0:
        try:
            value = getattr(obj, key)
        except AttributeError:
            return _NO_ATTRIBUTE
        if callable(value) and not _impl.is_js(value):
            return _METHOD
        return to_js([value])
    if op == 1:
        setattr(obj, key, to_py(boxed, depth=1)[0])
        return True
    if op == 2:
        return hasattr(obj, key)
    if op == 3:
        try:
            delattr(obj, key)
        except AttributeError:
            return False
        return True
    if op == 4:
        return to_js([name for name in dir(obj) if not name.startswith("__")])
    return str(obj)


def _call_attribute(obj, key, arguments):
    """JavaScript calling the method `key` of a proxied object: its result, boxed."""
    return to_js([getattr(obj, key)(*to_py(arguments, depth=1))])


_bridge.set_object_protocol(_impl.persistent(_attribute), _impl.persistent(_call_attribute))
