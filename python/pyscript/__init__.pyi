from . import ffi as ffi

window: ffi._View
"""The view of the JS global object (globalThis), docs/views.md."""

document: ffi._View | None
"""The view of the global `document` where there is one (a browser page), else None."""
