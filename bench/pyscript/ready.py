# Marks when this script ran (bench/pyscript.mjs): on the main thread through js, in a
# worker through PyScript's window (the main thread's).
import sys
from pyscript import RUNNING_IN_WORKER, window

kind = ("mpy" if "MicroPython" in sys.version else "py") + ("-worker" if RUNNING_IN_WORKER else "")
window.eval("(k) => { globalThis.__ready[k] = performance.now(); }")(kind)
