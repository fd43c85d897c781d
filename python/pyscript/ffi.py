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
    if type(value) is _View:
        return value._js
    # Views stand for their JS values wherever an option takes one.
    if type(pyproxies) is _View:
        pyproxies = pyproxies._js
    if type(dict_converter) is _View:
        dict_converter = dict_converter._js
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
    if type(value) is _View:
        value = value._js
    value = _impl.js_function(value) or value
    return _bridge.is_function(value) if _impl.is_js(value) else callable(value)


def _type_name(value):
    return "a JS object (JsProxy)" if _impl.is_js(value) or type(value) is _View else type(value).__name__


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
        # A JS string result comes prefixed (ffi-core/src/unstable/wire.rs value_or_error).
        return _exact(result)
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
        if type(obj) is _View:
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
    if type(value) is _View:
        value = value._js
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


# BEGIN wire contract: fixup kinds (ffi-core/src/unstable/convert/to_py.rs, mod fixup); generated, FFI_BLESS=1 cargo test contract rewrites it
_JS = 0
_REF = 1
_MAP = 2
_SET = 3
_BYTES = 4
_FLOAT = 5
_HEXINT = 6
_FLOATBITS = 7
_PYTHON = 8
_STRING = 9
_FLOATS_AT = 10
_BYTES_REF = 11
# END wire contract


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
    if not _impl.is_js(target if type(target) is not _View else target._js):
        raise TypeError(
            "assign: target must be a JS object, got " + type(target).__name__ + "; convert it with to_js() first"
        )
    for source in sources:
        if source is None or source is undefined or source is null:
            continue
        result = _bridge.assign(to_js(target), to_js(source))
        if type(result) is str:
            _raise(result)
    return target


def bind(value):
    """The view of a JS value (docs/views.md): a live Python object whose every crossing
    follows the canonical rules on every interpreter. Attributes read and write the JS
    properties (AttributeError when absent; `class_` reaches `class`), calls pass `this`
    and keyword arguments as one trailing plain object, `X.new(...)` constructs; indexing,
    len, iteration, `in` and bool follow the JS value's shape (array-like, Map, Set);
    `==` and hash are JS identity; `await` waits for a thenable. Values read are Python
    primitives (exact) or views; values written are converted by the to_js rules. A JS
    error anywhere is a JsException. `to_js(view)` is the JS value itself."""
    if type(value) is _View:
        return value
    value = _impl.js_function(value) or value
    if value is _impl.window:
        # MicroPython's window is its `js` module: the JS global object it stands for.
        value = _bridge.globalThis
    if not _impl.is_js(value):
        raise TypeError(
            "bind: expected a JS value (a registered JS module, window.Date, ...), got the Python "
            + type(value).__name__
        )
    return _View(value, None)


_ABSENT, _OUT_OF_RANGE, _DONE, _HELD, _MARK_TEXT, _MARK_UNITS, _MARK_DECIMAL, _MARK_BITS = _bridge.view_markers
_NEGATIVE_ZERO = _MARK_DECIMAL + "-0"
# The view operations (ffi-core/src/unstable/view/ops.rs), looked up once: reading an
# attribute of the bridge module is a JS property read on every use.
_view_bytes = _bridge.view_bytes
_view_call = _bridge.view_call
_view_call_plain = _bridge.view_call_plain
_view_contains = _bridge.view_contains
_view_delete = _bridge.view_delete
_view_delete_item = _bridge.view_delete_item
_view_describe = _bridge.view_describe
_view_get = _bridge.view_get
_view_identity = _bridge.view_identity
_view_item = _bridge.view_item
_view_iter = _bridge.view_iter
_view_length = _bridge.view_length
_view_new = _bridge.view_new
_view_new_plain = _bridge.view_new_plain
_view_next = _bridge.view_next
_view_set = _bridge.view_set
_view_set_item = _bridge.view_set_item
_view_settle = _bridge.view_settle
_view_slice = _bridge.view_slice
_view_string = _bridge.view_string
_view_thenable = _bridge.view_thenable
_view_truthy = _bridge.view_truthy


class KeyError(_builtins.KeyError):
    # A missing key of a view: str() is the key's repr on every interpreter (MicroPython's
    # own KeyError gives str(key)).
    def __str__(self):
        return repr(self.args[0]) if len(self.args) == 1 else _builtins.KeyError.__str__(self)


_KeyError = KeyError
del KeyError


def _view_value(result, this=None):
    """What a view operation returned (ffi-core/src/unstable/view/carry.rs), as Python:
    a primitive, None, a view of a JS object, or the Python object behind an ffi proxy;
    an error in the wire form is raised. Markers are the caller's to read first."""
    kind = type(result)
    if kind is str:
        if result[:1] != "\0":
            return result
        if result == "\0":
            return None
        if result == _HELD:
            held = _bridge.held.value
            return _View(_impl.js_function(held) or held, this)
        return _exact(result)
    if kind is bool or kind is int or kind is float:
        return result
    if _impl.is_js(result):
        # A bridge function's result is never a bound method (only attribute reads of a
        # JsProxy are, on MicroPython).
        return _View(result, this)
    return result


def _exact(result):
    # A string result in the wire form: an escaped string, an exact number or an error.
    mark = result[:2]
    if mark == _MARK_TEXT:
        return result[2:]
    if mark == _MARK_DECIMAL:
        return -0.0 if result == _NEGATIVE_ZERO else int(result[2:])
    if mark == _MARK_BITS:
        return _array("d", bytes.fromhex(result[2:]))[0]
    if mark == _MARK_UNITS:
        return "".join([chr(int(result[i : i + 4], 16)) for i in range(2, len(result), 4)])
    _raise(result)


def _done(result):
    # A view operation that returns nothing: "" or an error.
    if result:
        _raise(result)


def _plain(value):
    """Whether value crosses into JavaScript natively and exactly alike on every
    interpreter (None as null, bools, floats, int32 ints, strings without U+0000)."""
    kind = type(value)
    if kind is int:
        return -0x80000000 <= value <= 0x7FFFFFFF
    if kind is str:
        return "\0" not in value
    return value is None or kind is float or kind is bool


def _passed(value):
    """(value, False) when it crosses as it is (plain, a view's JS value, a proxy), else
    (a one-item JS Array holding its to_js conversion, True)."""
    if _plain(value):
        return value, False
    if type(value) is _View:
        return value._js, False
    if _proxied(value):
        return _proxy_of(value), False
    return to_js([value]), True


# What to_js converts by value (subclasses included); any other Python object crosses as
# its persistent proxy (docs/views.md, "Python -> JS").
_DATA_TYPES = (int, float, str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset, JsSentinel)


def _proxied(value):
    """Whether value crosses as its ffi proxy (a callable, any other object): made
    directly, a tenth of what a to_js call costs."""
    return not isinstance(value, _DATA_TYPES) and not _impl.is_js(value) and _impl.js_function(value) is None


def _arguments(args, kwargs):
    """The arguments of a call as they cross: a list of plain values, JS values and
    proxies, or None when some need to_js (then they go as one JS Array)."""
    if kwargs:
        return None
    passed = None
    for i, arg in enumerate(args):
        if type(arg) is _View:
            value = arg._js
        elif _plain(arg):
            continue
        elif _proxied(arg):
            value = _proxy_of(arg)
        else:
            return None
        if passed is None:
            passed = list(args)
        passed[i] = value
    return args if passed is None else passed


def _js_arguments(args, kwargs):
    arguments = list(args)
    if kwargs:
        arguments.append({_property(key): value for key, value in kwargs.items()})
    return to_js(arguments)


# Python keywords: `view.class_` reaches the JS property `class`.
_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except finally for from "
    "global if import in is lambda nonlocal not or pass raise return try while with yield".split()
)


def _property(name):
    return name[:-1] if name[-1:] == "_" and name[:-1] in _KEYWORDS else name


class _View:
    """A JS value seen from Python by the view rules (see bind). `.new(...)` constructs:
    a JS property named "new" is reached as view["new"]."""

    __slots__ = ("_js", "_this")

    def __init__(self, js, this):
        _set_slot(self, "_js", js)
        _set_slot(self, "_this", this)

    def __getattr__(self, name):
        if name[-1:] == "_":
            if name[:2] == "__":
                raise AttributeError(name)
            name = _property(name)
        result = _view_get(self._js, name)
        kind = type(result)
        if kind is str:
            if result[:1] != "\0":
                return result
            if result == _ABSENT:
                raise AttributeError("the JS " + _view_describe(self._js) + " has no property " + repr(name))
        elif kind is int or kind is float or kind is bool:
            return result
        elif isinstance(result, _JS_TYPES):
            # Inline: this is the hot path of DOM code (el.setAttribute, document.body).
            view = _new_view(_View)
            _set_slot(view, "_js", result)
            _set_slot(view, "_this", self._js)
            return view
        return _view_value(result, self._js)

    def __setattr__(self, name, value):
        value, boxed = _passed(value)
        _done(_view_set(self._js, _property(name), value, boxed))

    def __delattr__(self, name):
        result = _view_delete(self._js, _property(name))
        if result == _ABSENT:
            raise AttributeError("the JS " + _view_describe(self._js) + " has no property " + repr(_property(name)))
        _done(result)

    def __call__(self, *args, **kwargs):
        if not kwargs:
            # _plain(arg), inlined: a call per argument is the larger part of a small call.
            for arg in args:
                kind = type(arg)
                if kind is str:
                    if "\0" in arg:
                        break
                elif kind is int:
                    if not -0x80000000 <= arg <= 0x7FFFFFFF:
                        break
                elif kind is not float and kind is not bool and arg is not None:
                    break
            else:
                result = _view_call_plain(self._js, self._this, *args)
                kind = type(result)
                if kind is int or kind is float or kind is bool or (kind is str and result[:1] != "\0"):
                    return result
                return _view_value(result)
        passed = _arguments(args, kwargs)
        if passed is not None:
            return _view_value(_view_call_plain(self._js, self._this, *passed))
        return _view_value(_view_call(self._js, self._this, _js_arguments(args, kwargs)))

    def new(self, *args, **kwargs):
        passed = _arguments(args, kwargs)
        if passed is not None:
            return _view_value(_view_new_plain(self._js, *passed))
        return _view_value(_view_new(self._js, _js_arguments(args, kwargs)))

    def __getitem__(self, key):
        kind = type(key)
        if (kind is int and -0x80000000 <= key <= 0x7FFFFFFF) or (kind is str and "\0" not in key):
            result = _view_item(self._js, key, False)
        elif kind is slice:
            start, stop, step = _slice_bounds(key, len(self))
            items = _view_slice(self._js, start, stop, step)
            if type(items) is str:
                _raise(items)
            return [_view_value(item) for item in items]
        else:
            passed, boxed = _passed(_item_key(key))
            result = _view_item(self._js, passed, boxed)
        kind = type(result)
        if kind is str:
            if result[:1] != "\0":
                return result
            if result == _ABSENT:
                raise _KeyError(key)
            if result == _OUT_OF_RANGE:
                raise IndexError("index out of range for the JS " + _view_describe(self._js))
        elif kind is int or kind is float or kind is bool:
            return result
        return _view_value(result, self._js)

    def __setitem__(self, key, value):
        key, key_boxed = _passed(_item_key(key))
        value, boxed = _passed(value)
        result = _view_set_item(self._js, key, key_boxed, value, boxed)
        if result == _OUT_OF_RANGE:
            raise IndexError("assignment index out of range for the JS " + _view_describe(self._js))
        _done(result)

    def __delitem__(self, key):
        key, boxed = _passed(_item_key(key))
        result = _view_delete_item(self._js, key, boxed)
        if result == _ABSENT:
            raise _KeyError(key)
        _done(result)

    def __len__(self):
        result = _view_length(self._js)
        if type(result) is str:
            _raise(result)
        return result

    def __bool__(self):
        result = _view_truthy(self._js)
        if type(result) is str:
            _raise(result)
        return result

    def __contains__(self, item):
        item, boxed = _passed(item)
        result = _view_contains(self._js, item, boxed)
        if type(result) is str:
            _raise(result)
        return result

    def __iter__(self):
        if _impl.AWAIT_BY_ITER and _view_thenable(self._js) is True:
            # MicroPython's `await` iterates what it awaits.
            return self.__await__()
        iterator = _view_iter(self._js)
        if type(iterator) is str:
            _raise(iterator)
        return _ViewIterator(iterator)

    def __await__(self):
        thenable = _view_thenable(self._js)
        if thenable is not True:
            if type(thenable) is str:
                _raise(thenable)
            # In the words of iteration's error: MicroPython's `await` iterates.
            raise TypeError(
                "this JS "
                + _view_describe(self._js)
                + " is neither iterable nor awaitable (no Symbol.iterator, no length, no then method)"
            )
        settled = yield from _impl.settle(_view_settle(self._js))
        if settled.length == 2:
            _raise(settled[0], settled[1])
        return _view_value(settled[0])

    def __eq__(self, other):
        # The same JS object, also when `other` is the interpreter's own JsProxy of it.
        if type(other) is _View:
            return _identity(self) == _identity(other)
        return _impl.is_js(other) and _identity(self) == int(_view_identity(other))

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return _identity(self)

    def __bytes__(self):
        # A buffer's bytes (ArrayBuffer, typed arrays, DataView); anything else as bytes()
        # reads an iterable, in MicroPython's order (len, then the items): MicroPython's
        # bytes() calls no __bytes__ and reads a view that way (docs/views.md).
        result = _view_bytes(self._js)
        if type(result) is str:
            len(self)
            return bytes(list(self))
        return to_py(result)

    def __str__(self):
        return _view_value(_view_string(self._js))

    def __repr__(self):
        return "<view of the JS " + _view_describe(self._js) + ">"


_impl.view_type = _View
# How MicroPython's guard asks a view for its JS value (ffi-micropython js/guard.js): a
# class attribute, so that asking any other object (has_attr) runs none of its code.
_View.__ffi_js__ = property(lambda view: view._js)


def _identity(view):
    return int(_view_identity(view._js))


_set_slot = object.__setattr__
_new_view = object.__new__
# What the interpreter's own JS values are (isinstance): the results views wrap.
_JS_TYPES = _impl.JS_TYPES


def _item_key(key):
    # An int key beyond 32 bits crosses as a float (exact to 2**53) or as its text.
    if type(key) is int and not -0x80000000 <= key <= 0x7FFFFFFF:
        return float(key) if -(2**53) <= key <= 2**53 else str(key)
    return key


def _slice_bounds(s, length):
    """slice.indices(length), which MicroPython lacks."""
    step = 1 if s.step is None else s.step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        lower, upper = 0, length
    else:
        lower, upper = -1, length - 1

    def bound(value, default):
        if value is None:
            return default
        if value < 0:
            return max(value + length, lower)
        return min(value, upper)

    start = bound(s.start, upper if step < 0 else lower)
    stop = bound(s.stop, lower if step < 0 else upper)
    return start, stop, step


class _ViewIterator:
    __slots__ = ("_iterator",)

    def __init__(self, iterator):
        self._iterator = iterator

    def __iter__(self):
        return self

    def __next__(self):
        result = _view_next(self._iterator)
        kind = type(result)
        if kind is str:
            if result[:1] != "\0":
                return result
            if result == _DONE:
                raise StopIteration
        elif kind is int or kind is float or kind is bool:
            return result
        return _view_value(result)


def _call_viewed(function, *args):
    """What a proxy of a Python callable calls (js/loader.js callArguments): each argument
    arrives as ffi-core's view_carry made it; the result goes back by the to_js rules (as
    it is when it crosses exactly, else boxed in a one-item JS Array). An exception it
    raises is kept, so that the Python code that called JavaScript gets it back as itself
    (_python_error) rather than rebuilt from its traceback text."""
    try:
        for arg in args:
            kind = type(arg)
            if not (kind is int or kind is float or kind is bool or (kind is str and arg[:1] != "\0")):
                result = function(*[_view_value(arg) for arg in args])
                break
        else:
            # Every argument is a primitive that needs no decoding (the common event case).
            result = function(*args)
        return _returned(result)
    except BaseException as error:
        _raised_in_callback[0] = error
        raise


# The last exception a callback raised (see _call_viewed).
_raised_in_callback = [None]


def _returned(result):
    # A callback's result by the to_js rules: as it is when it crosses exactly, else boxed.
    if _plain(result):
        return result
    return to_js([result])


def construct(cls, *args, **kwargs):
    """new cls(...args): Reflect.construct with the arguments converted by to_js; keyword
    arguments become one trailing plain object. Works for ES classes, function
    constructors, built-ins (Date, Map, Uint8Array, Error) and wasm-bindgen classes, also
    when cls has its own `new` property. An error the constructor throws is raised as
    JsException."""
    cls = cls._js if type(cls) is _View else (_impl.js_function(cls) or cls)
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
    if _impl.is_js(func) or type(func) is _View:
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
# (the install root: the pyscript package, or the private one, and the adapter's impl).
_OWN_FILES = __file__.rsplit("/", 2)[0] + "/"


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
    if type(proxy) is _View:
        proxy = proxy._js
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


_bridge.set_call_viewed(_impl.persistent(_call_viewed))


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


def _call_attribute(obj, key, *args):
    """JavaScript calling the method `key` of a proxied object, as _call_viewed."""
    return _returned(getattr(obj, key)(*[_view_value(arg) for arg in args]))


_bridge.set_object_protocol(_impl.persistent(_attribute), _impl.persistent(_call_attribute))
