"""MicroPython side of pyscript.ffi (written by ffi-micropython's install(); not for direct use).

Values are never passed as call arguments (MicroPython would wrap ints to 32 bits and
allocate a proxy slot per call): the value is pushed on _stack, whose address the Rust
side learned at install, and read straight from the heap.
"""

import js

import _pyscript_ffi_bridge as _bridge


class JsException(Exception):
    """An error JavaScript threw, caught by the bridge: str(e) is "<name>: <message>";
    `name` and `message` are the JS error's, `js_error` the JS value itself."""

    def __init__(self, name, message, js_error=None):
        super().__init__(name + ": " + message)
        self.name = name
        self.message = message
        self.js_error = js_error


js_exception = JsException


# The JS global object. The `js` module rather than a JsProxy of globalThis: reading a
# JS function as an attribute of a JsProxy gives a bound_method on MicroPython, while
# `js.Date` is the function itself (bound methods are unwrapped by js_function below,
# but a plain JsProxy is what users expect to hold).
window = js

_raise = None
# ffi._View, set by the shim: walks take a view for the JS value it wraps.
view_type = None


class _Raiser:
    # The bridge's guard (js/guard.js) raises a JS error in the Python code that made the
    # call by making MicroPython iterate this object.
    def __iter__(self):
        _raise(_bridge.guard_error())


def arm_guard(raise_wire):
    """Keep the shim's raiser of wire errors, and let the guard raise JS errors in
    Python with it; proves once that it does."""
    global _raise, _raise_wire
    _raise = _raise_wire = raise_wire
    # Show the guard where MicroPython counts its entry points: 1 here (this runs in the
    # install's runPython), 2 and 3 in calls from JavaScript back into Python.
    _bridge.guard_probe(1)
    _bridge.guard_nest(lambda: _bridge.guard_probe(2))
    _bridge.guard_nest(lambda: _bridge.guard_nest(lambda: _bridge.guard_probe(3)))
    if not _bridge.guard_arm(_Raiser()):
        # An engine whose stack traces do not name MicroPython's functions, or a depth
        # counter not found: JS errors in MicroPython's own calls stay uncatchable there
        # (docs/construction.md, "Errors").
        return
    try:
        _bridge.guard_selftest()
    except JsException:
        pass
    else:
        raise RuntimeError("pyscript.ffi: the guard self-test did not raise")
    # The same raise through JavaScript iterating Python: it crosses a guarded call as
    # MicroPython's longjmp, which the guard must let through (js/versions.js `longjmp`).
    try:
        _bridge.guard_iterate(_SelfTestIterable())
    except JsException as e:
        if e.message == "pyscript.ffi guard self-test":
            return
        raise RuntimeError(
            "pyscript.ffi: the guard self-test through JavaScript iterating Python raised "
            + str(e)[:200]
            + "; this MicroPython's longjmp is not the one its facts say (js/versions.js)"
        )
    raise RuntimeError("pyscript.ffi: the guard self-test through JavaScript iterating Python did not raise")


class _SelfTestIterable:
    def __iter__(self):
        _bridge.guard_selftest()


_stack = []
_JsProxy = type(js.Object)
_js_undefined = js.undefined
_undefined = _null = None


class _UserList(list):
    pass


class _UserInt(int):
    pass


def bind_sentinels(undefined, null):
    global _undefined, _null
    _undefined, _null = undefined, null
    try:
        from collections import OrderedDict
    except ImportError:  # a build without it: plain dicts stand in, nothing else reads it
        OrderedDict = dict
    # The order is the contract with Calibration::learn in src/heap.rs.
    samples = [
        "pyscript.ffi calibration " + str(12345),
        2**70,
        -(2**40),
        1.5,
        [1, 2, 3],
        (4, 5),
        {"k": 7},
        js.Object,
        None,
        False,
        True,
        undefined,
        null,
        _stack,
        b"xy",
        bytearray(b"ab"),
        memoryview(b"hello")[1:],
        {1, 2},
        frozenset({7}),
        OrderedDict(),
        _UserList([6]),
        _UserInt(21),
        _js_undefined,
        js.Math.max,
    ]
    error = _bridge.calibrate(samples)
    if error:
        return error
    # Kept alive for as long as the module: the Rust side holds their addresses.
    global _samples
    _samples = samples
    return ""


def _cache_conversion(value, converted):
    """Accepted for Pyodide compatibility; identity within a conversion is kept anyway."""


# BEGIN wire contract: the walk's hand-over (ffi-core/src/unstable/wire.rs, mod error); generated, FFI_BLESS=1 cargo test contract rewrites it
_NEEDS_PYTHON = "\x00NeedsPython\x00"
# END wire contract
_MAX_CONVERTER_CHAIN = _bridge.limits.max_converter_chain
_raise_wire = None


def _walk(value, table, dict_converter):
    _stack.append(value)
    _stack.append(table)
    try:
        return _bridge.to_js_stack(dict_converter)
    finally:
        _stack.pop()
        _stack.pop()


def _holes(root, table):
    """The objects in root only Python can convert, in the order the walk meets them
    (the heap walker finds them: it reads subclasses' stored values, which Python code
    here cannot, and runs no override)."""
    found = [None] * 16
    while True:
        _stack.append(root)
        _stack.append(table)
        _stack.append(found)
        try:
            count = _bridge.holes_of_stack()
        finally:
            _stack.pop()
            _stack.pop()
            _stack.pop()
        if type(count) is str:
            _raise_wire(count)
        if count >= 0:
            return found[:count]
        found = [None] * -count


def _fill(root, table, convert_one, convert):
    """Put in table what Python makes of each object in root that only Python can convert:
    in the walk's order, each result completed (its own such objects) before the next, as
    Pyodide's pickler calls default_converter. The rules are Pyodide's (its
    _Pickler.converted): a result containing its object is an error, and results nest at
    most MAX_CONVERTER_CHAIN deep. Iterative: MicroPython's Python stack is small."""
    # One iterator of found objects per level; below the root level, each level is the
    # result of the object in `open_results` at the same position.
    levels = [iter(_holes(root, table))]
    open_results = []
    active = set()
    while levels:
        obj = next(levels[-1], _END)
        if obj is _END:
            levels.pop()
            if open_results:
                done, result = open_results.pop()
                active.discard(id(done))
                table[id(done)] = result
            continue
        key = id(obj)
        if key in table:
            continue
        if obj is window:
            # The `js` module stands for the JS global object, as window does everywhere.
            table[key] = _bridge.globalThis
            continue
        if type(obj) is view_type:
            # A view (ffi._View) is the JS value it wraps, before any converter.
            table[key] = obj._js
            continue
        if key in active:
            _raise_wire(_bridge.converter_error(0, type(obj).__name__))
        if len(active) >= _MAX_CONVERTER_CHAIN:
            _raise_wire(_bridge.converter_error(1, ""))
        result = convert_one(obj, convert, _cache_conversion)
        if result is obj:
            _raise_wire(_bridge.converter_error(0, type(obj).__name__))
        active.add(key)
        open_results.append((obj, result))
        levels.append(iter(_holes(result, table)))


_END = object()


def _convert_or_proxy(default_converter, proxies):
    # Without default_converter, objects cross as their proxies (a TypeError if
    # create_pyproxies=False).
    if default_converter is not None:
        return default_converter
    return lambda obj, convert, cache_conversion: proxies.proxy(obj)


# The wire's marks of a string result (ffi-core/src/unstable/wire.rs, mod mark).
_MARK_TEXT, _MARK_UNITS = _bridge.view_markers[4], _bridge.view_markers[5]


def to_js(value, dict_converter, default_converter, convert, proxies):
    # The first walk needs no Python help for plain data. If it met objects that only
    # Python can convert (proxies, default_converter results), Python makes them, then
    # the value is walked again with the table of what they became.
    result = _walk(value, None, dict_converter)
    # A failed walk may have stopped before the objects that need Python: Pyodide's pickler
    # calls default_converter for all of them before any rule of the walk fails, so here
    # too they are converted first, then the walk's error (if it stands) is reported.
    failed = type(result) is str and result[:1] == "\0" and result[:2] != _MARK_TEXT and result[:2] != _MARK_UNITS
    if failed and (result.startswith(_NEEDS_PYTHON) or _holes(value, None)):
        table = {}
        _fill(value, table, _convert_or_proxy(default_converter, proxies), convert)
        result = _walk(value, table, dict_converter)
    return result


_BoundMethod = type(js.Math.max)


def js_function(value):
    """The JS function a bound method read off a JsProxy stands for, else None."""
    if type(value) is not _BoundMethod:
        return None
    _stack.append(value)
    try:
        return _bridge.js_method_of_top()
    finally:
        _stack.pop()


def is_js(value):
    return type(value) is _JsProxy


def is_js_nullish(value):
    return value is _js_undefined


def persistent(function):
    """function as a JS function that outlives the call handing it over: MicroPython
    keeps what it hands over alive while JavaScript holds it."""
    return function


def release_persistent(function):
    """Nothing to let go: JavaScript dropping it releases it."""


# Whether `await x` iterates x (MicroPython) rather than calling x.__await__ (CPython).
AWAIT_BY_ITER = True


def settle(promise):
    """Wait for a JS Promise in a coroutine: MicroPython iterates a JsProxy of one."""
    return (yield from promise)


# The types of the interpreter's own JS values (a view's hot path asks
# `type(result) in JS_CLASSES` first).
JS_CLASSES = {_JsProxy}
