# Nesting deeper than the limit is a catchable RecursionError, never a stack overflow.
from pyscript import ffi

deep = []
for _ in range(3000):
    deep = [deep]
try:
    ffi.to_js(deep)
except RuntimeError as e:  # RecursionError is a RuntimeError on both interpreters
    record("error", [type(e).__name__, str(e)])
