"""The pyscript package as installed by pyscript.ffi's install(): `ffi` and `window`."""

from _pyscript_ffi_impl import window

from . import ffi

# `window` is the JS global object (globalThis), in Node and in browsers alike; see the
# adapter's _pyscript_ffi_impl for how each interpreter spells it.
