"""The pyscript package as installed by pyscript.ffi's install(): `ffi` and `window`."""

import _pyscript_ffi_bridge as _bridge

from . import ffi

# The JS global object (globalThis), in Node and in browsers alike.
window = _bridge.globalThis
