"""Views (docs/views.md): bind() and _View, a JS value seen from Python by the view
rules; each operation is one bridge call (ffi-core/src/unstable/view/ops.rs) whose result
is decoded here. Also what crosses into those calls (_passed, _arguments), iteration, and
the JS operations construct() and assign()."""

import builtins as _builtins
from array import array as _array

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

from .errors import JsSentinel, _raise, null, undefined
from .proxies import _proxy_of


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
        if "\0" not in result or result[:1] != "\0":
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

    # The hot paths take builtins and bridge functions as default arguments: locals are
    # the fastest names on MicroPython, where a global or builtin is a dictionary search.
    def __getattr__(self, name, _get=_view_get, _type=type, _str=str, _int=int, _float=float, _bool=bool):
        # `"_" in name` first: a slice allocates, which on MicroPython costs a quarter
        # of the whole read, and JS names rarely hold an underscore.
        if "_" in name and name[-1:] == "_":
            if name[:2] == "__":
                raise AttributeError(name)
            name = _property(name)
        js = self._js
        result = _get(js, name)
        kind = _type(result)
        if kind is _int or kind is _float or kind is _bool:
            return result
        if kind is _str:
            if "\0" not in result or result[:1] != "\0":
                return result
            if result == _ABSENT:
                raise AttributeError("the JS " + _view_describe(js) + " has no property " + repr(name))
        elif kind in _JS_CLASSES:
            # Inline: this is the hot path of DOM code (el.setAttribute, document.body).
            view = _new_view(_View)
            _set_slot(view, "_js", result)
            _set_slot(view, "_this", js)
            return view
        return _view_value(result, js)

    def __setattr__(self, name, value, _set=_view_set, _type=type, _str=str, _int=int, _float=float, _bool=bool):
        kind = _type(value)
        if kind is _int and -0x80000000 <= value <= 0x7FFFFFFF or kind is _float or kind is _bool or value is None:
            boxed = False
        else:
            value, boxed = _passed(value)
        if "_" in name and name[-1:] == "_":
            name = _property(name)
        result = _set(self._js, name, value, boxed)
        if result:
            _raise(result)

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
                if kind is int:
                    if not -0x80000000 <= arg <= 0x7FFFFFFF:
                        break
                elif kind is str:
                    if "\0" in arg:
                        break
                elif kind is not float and kind is not bool and arg is not None:
                    break
            else:
                result = _view_call_plain(self._js, self._this, *args)
                kind = type(result)
                if kind is int or kind is float or kind is bool or (kind is str and ("\0" not in result or result[:1] != "\0")):
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

    def __getitem__(self, key, _item=_view_item, _type=type, _str=str, _int=int, _float=float, _bool=bool):
        kind = _type(key)
        if (kind is _int and -0x80000000 <= key <= 0x7FFFFFFF) or (kind is _str and "\0" not in key):
            result = _item(self._js, key, False)
        elif kind is slice:
            start, stop, step = _slice_bounds(key, len(self))
            items = _view_slice(self._js, start, stop, step)
            if type(items) is str:
                _raise(items)
            return [_view_value(item) for item in items]
        else:
            passed, boxed = _passed(_item_key(key))
            result = _item(self._js, passed, boxed)
        kind = _type(result)
        if kind is _int or kind is _float or kind is _bool:
            return result
        if kind is _str:
            if "\0" not in result or result[:1] != "\0":
                return result
            if result == _ABSENT:
                raise _KeyError(key)
            if result == _OUT_OF_RANGE:
                raise IndexError("index out of range for the JS " + _view_describe(self._js))
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

    def __len__(self, _length=_view_length, _type=type, _str=str):
        result = _length(self._js)
        if _type(result) is _str:
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
        # bytes(view) is bytes of its items (docs/views.md): MicroPython's bytes() calls no
        # __bytes__ and reads a view so, len first. A view whose items are bytes (an
        # ArrayBuffer, DataView, Uint8Array, Uint8ClampedArray) is copied at once.
        result = _view_bytes(self._js)
        if type(result) is str:
            len(self)
            return bytes([_byte(item) for item in self])
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
# The interpreter's own JS value types met so far: the results views wrap.
_JS_CLASSES = _impl.JS_CLASSES


def _byte(item):
    # One item of bytes(view) as MicroPython's bytes() takes it, and in its words (there
    # it reads the items itself): an int of its machine word, in range(256).
    if type(item) is not int and type(item) is not bool:
        raise TypeError("can't convert " + type(item).__name__ + " to int")
    if not -0x7FFFFFFF <= item <= 0x7FFFFFFF:
        raise OverflowError("overflow converting long int to machine word")
    if not 0 <= item <= 255:
        raise ValueError("bytes value out of range")
    return item


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

    def __next__(self, _next=_view_next, _type=type, _str=str, _int=int, _float=float, _bool=bool):
        result = _next(self._iterator)
        kind = _type(result)
        if kind is _int or kind is _float or kind is _bool:
            return result
        if kind is _str:
            if "\0" not in result or result[:1] != "\0":
                return result
            if result == _DONE:
                raise StopIteration
        return _view_value(result)


# Last, once _View exists: the conversions unwrap views (they import _View from here),
# and views convert what they pass. _ffi/__init__.py imports this module before them.
from .to_js import to_js  # noqa: E402
from .to_py import to_py  # noqa: E402
