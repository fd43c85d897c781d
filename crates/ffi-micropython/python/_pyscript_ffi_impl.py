"""MicroPython side of pyscript.ffi (written by ffi-micropython's install(); not for direct use).

Values are never passed as call arguments (MicroPython would wrap ints to 32 bits and
allocate a proxy slot per call): the value is pushed on _stack, whose address the Rust
side learned at install, and read straight from the heap.
"""

import js

import _pyscript_ffi_bridge as _bridge

_stack = []
_JsProxy = type(js.Object)
_js_undefined = js.undefined


class _UserList(list):
    pass


class _UserInt(int):
    pass


def bind_sentinels(undefined, null):
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
    ]
    error = _bridge.calibrate(samples)
    if error:
        return error
    # Kept alive for as long as the module: the Rust side holds their addresses.
    global _samples
    _samples = samples
    return ""


def to_js(value):
    _stack.append(value)
    try:
        return _bridge.to_js_stack()
    finally:
        _stack.pop()


def is_js(value):
    return type(value) is _JsProxy


def is_js_nullish(value):
    return value is _js_undefined
