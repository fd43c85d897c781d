"""pyscript.ffi: one foreign function interface, the same on Pyodide and MicroPython.

The rules are in docs/conversions.md. This module is a thin shim: the conversions run
in Rust (ffi-core), reached through the interpreter's adapter (_pyscript_ffi_impl). It is
the public face only; the code is in the private package _ffi, one concept per module.
"""

from ._ffi import MODULES as _MODULES
from ._ffi.errors import JsException, JsSentinel, is_none, null, undefined
from ._ffi.lifetime import create_proxy, destroy, scope, stats
from ._ffi.proxies import trace
from ._ffi.to_js import to_js
from ._ffi.to_py import to_py
# _View too: what bind() returns, which the stubs name ffi._View.
from ._ffi.views import _View, assign, bind, construct  # noqa: F401

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

# Every class and function of _ffi keeps this module as its home, as when ffi was one
# module: reprs and Pyodide's tracebacks say pyscript.ffi.JsSentinel, pyscript.ffi.KeyError
# (the private package's ffi under package "private"). MicroPython's functions have none.
_function = type(trace)
for _module in _MODULES:
    for _value in _module.__dict__.values():
        if (isinstance(_value, type) or type(_value) is _function) and getattr(_value, "__module__", None) == _module.__name__:
            _value.__module__ = __name__
del _MODULES, _function, _module, _value
