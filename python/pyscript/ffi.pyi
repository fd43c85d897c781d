"""Type stubs for pyscript.ffi (docs/conversions.md has the rules)."""

from typing import Any, Callable, Final, Generator, Iterator

class JsSentinel:
    def __bool__(self) -> bool: ...

undefined: Final[JsSentinel]
null: Final[JsSentinel]

_Converter = Callable[[Any, Callable[[Any], Any], Callable[[Any, Any], None]], Any]

def to_js(
    value: Any,
    *,
    depth: int | None = -1,
    pyproxies: Any | None = None,
    create_pyproxies: bool | None = True,
    dict_converter: Callable[[Any], Any] | None = None,
    default_converter: _Converter | None = None,
    eager_converter: _Converter | None = None,
) -> Any:
    """Python -> JS by the canonical rules; None/bool/int/float/str come back unchanged;
    objects with no data conversion (and containers below `depth`) become proxies."""

def to_py(value: Any, *, depth: int | None = -1) -> Any:
    """JS -> Python by the canonical rules; `depth` levels are converted (-1: all)."""

def is_none(value: Any) -> bool:
    """True for None, JS null and JS undefined in every spelling."""

def assign(target: Any, *sources: Any) -> Any:
    """Object.assign(target, to_js(source), ...); returns target."""

class JsException(Exception):
    """A JS error seen by Python: str(e) is "<name>: <message>". Raised by the bridge, not
    constructed by users; on Pyodide this is pyodide.ffi.JsException itself."""
    name: str
    message: str
    js_error: Any

class _View:
    """A JS value seen from Python by the view rules (docs/views.md): attributes, calls
    with `this` and keywords, `.new()`, items and slices, len/iter/in/bool by the value's
    shape, identity ==/hash, await of thenables; JS errors raise JsException."""
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...
    def __delattr__(self, name: str) -> None: ...
    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...
    def new(self, *args: Any, **kwargs: Any) -> Any: ...
    def __getitem__(self, key: Any) -> Any: ...
    def __setitem__(self, key: Any, value: Any) -> None: ...
    def __delitem__(self, key: Any) -> None: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __contains__(self, item: Any) -> bool: ...
    def __await__(self) -> Generator[Any, None, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __bytes__(self) -> bytes: ...

def bind(value: Any) -> _View:
    """The view of a JS value (docs/views.md): every crossing through it follows the
    canonical rules on both interpreters."""

def construct(cls: Any, *args: Any, **kwargs: Any) -> Any:
    """new cls(...to_js(args), to_js(kwargs)); JS errors raise JsException."""

def create_proxy(func: Callable[..., Any]) -> Any:
    """A JS function calling func, valid until destroyed or dropped by JavaScript."""

def destroy(proxy: Any) -> None:
    """Destroy a proxy made by create_proxy (idempotent)."""

class scope:
    def __enter__(self) -> scope: ...
    def __exit__(self, *exc_info: Any) -> bool: ...
    def keep(self, proxy: Any) -> Any: ...

def stats() -> dict[str, Any]:
    """The proxy ledger: live, created, destroyed, finalized (ints); while trace() is on,
    also "sites" (list[str]): where each live traced proxy was created, oldest first."""

def trace(enabled: bool = True) -> bool:
    """Record where each proxy is created from now on (or stop); returns the previous setting."""
