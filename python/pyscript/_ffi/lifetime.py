"""How long proxies of Python objects live: create_proxy, destroy, scope and the
ledger's stats (docs/lifetime.md). The proxies themselves are made in proxies.py."""

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

from . import proxies as _proxies
from .errors import _raise
from .proxies import _proxy_of
from .to_js import to_js
from .to_py import to_py
from .views import _View


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
    if _proxies._tracing:
        result["sites"] = to_py(_bridge.proxy_sites())
    return result
