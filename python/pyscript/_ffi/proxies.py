"""The proxy of a Python object, as the ledger (js/loader.js) hands it out: the same JS
value while it is alive, and, while trace() is on, the place it was made."""

import sys as _sys

import _pyscript_ffi_bridge as _bridge

from .errors import _raise


def _proxy_of(obj):
    # The ledger's proxy for obj: the same JS value while it is alive.
    result = _bridge.create_proxy(obj, id(obj), _site(obj) if _tracing else None, type(obj).__name__)
    if type(result) is str:
        _raise(result)
    return result


_tracing = False
# Frames in these files are ffi's own: a creation site is the first frame outside them.
# (the install root: the pyscript package, or the private one, and the adapter's impl;
# this file is <root>/<package>/_ffi/proxies.py).
_OWN_FILES = __file__.rsplit("/", 3)[0] + "/"


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
