from typing import Any

from . import ffi as ffi

window: Any
"""The JS global object (globalThis)."""
