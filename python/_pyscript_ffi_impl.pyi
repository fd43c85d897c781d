# The adapter protocol: what the Python shim (python/pyscript/ffi.py and the modules of
# python/pyscript/_ffi/) uses of `_pyscript_ffi_impl`, the Python module each adapter
# installs beside it (ffi-*/python/_pyscript_ffi_impl.py). Declared once here;
# js/tests/bridge.test.mjs fails when an adapter's module lacks a name declared here, or
# the shim uses `_impl.NAME` that is not declared (or a declared name goes unused).
# Everything else in an adapter's module is its own.
from typing import Any, Callable, Generator

# The JsException class `ffi.JsException` is (Pyodide's own on Pyodide).
JsException: type[Exception]
# The global object as the interpreter's own JS value.
window: Any
# ffi._View, set by the shim once it exists.
view_type: type | None
# Whether `await x` iterates x (MicroPython) rather than calling x.__await__ (CPython).
AWAIT_BY_ITER: bool
# The concrete types of the interpreter's own JS values met so far (is_js may add to it):
# `type(x) in JS_CLASSES` is a fast, never wrong "yes".
JS_CLASSES: set[type]

def js_exception(name: str, message: str, js_error: Any) -> BaseException:
    """The JsException to raise for an error the bridge caught."""

def arm_guard(raise_wire: Callable[[str], None]) -> None:
    """Make JS throws in calls from Python catchable (a no-op where the interpreter can)."""

def bind_sentinels(undefined: object, null: object) -> Any:
    """Tell the adapter ffi's `undefined` and `null`; returns the shim's error reader."""

def to_js(value: Any, dict_converter: Any, default_converter: Any, convert: Any, proxies: Any) -> Any:
    """The adapter's walk of `value` into the bridge: a JS value or a wire-form error."""

def js_function(value: Any) -> Any:
    """The JS function a bound method of the interpreter's JsProxy stands for, else None."""

def is_js(value: Any) -> bool:
    """Whether value is the interpreter's own JS value."""

def is_js_nullish(value: Any) -> bool:
    """Whether value is the interpreter's own JS undefined/null that is not None."""

def persistent(function: Callable[..., Any]) -> Any:
    """function as a JS function that outlives the call handing it over."""

def release_persistent(function: Any) -> None:
    """Let go of what persistent() made."""

def settle(promise: Any) -> Generator[Any, Any, Any]:
    """Wait for a JS Promise inside a coroutine."""
