# `from pyscript import window` is the JS global object on every host.
from pyscript import window

record("same_as_globalThis", window.globalThis == window)
record("math", window.Math.PI)
