# D15: a Python callable handed to JavaScript with no create_proxy (setTimeout through
# `import js` and through pyscript.window, Promise.then) still works when JavaScript calls
# it after the call that handed it over has returned.
import js
from pyscript import ffi, window

calls = []


def tick(*args):
    calls.append(["tick", len(args)])


def settled(value):
    calls.append(["settled", value])


js.setTimeout(tick, 10)
window.setTimeout(tick, 10)
js.Promise.resolve(5).then(settled)
record("calls_before_return", len(calls))


def ready():
    # Pyodide settles Promise.then through its asyncio loop: a few milliseconds, not a fixed time.
    return len(calls) == 3


def after():
    record("calls_later", sorted(calls))
    # What crossed through the view is ffi's proxy (lifetime "auto", released when
    # JavaScript drops it); create_proxy gives that same proxy, to end it now.
    ffi.destroy(ffi.create_proxy(tick))
