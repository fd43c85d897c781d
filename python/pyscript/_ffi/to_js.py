"""to_js: Python -> JS by the canonical rules (docs/conversions.md). The options are
checked here; the walk is the adapter's (_impl.to_js) into ffi-core. depth cuts the value
before it (_cut); eager_converter is applied before it (_Eager); default_converter's
convert() re-enters it; _NewProxies keeps the proxies one call makes."""

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

from .errors import _raise, null, undefined
from .proxies import _proxy_of
from .views import _exact, _View


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
