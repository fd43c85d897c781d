"""The pyscript package as installed by pyscript.ffi's install(): `ffi`, `window` and
`document`, views (docs/views.md) of the JS global object and of its `document` (None
where there is none, as in Node)."""

from _pyscript_ffi_impl import window as _global

from . import ffi

# The JS global object (globalThis) in Node and browsers alike; the adapter's
# _pyscript_ffi_impl says how each interpreter spells it.
window = ffi.bind(_global)
document = window.document if "document" in window else None
