# A worker made without async (js/tests/pyscript/pyworker.html): the plugin cannot install
# there, so PyScript's own ffi stays and the console says so; PyScript still works.
from pyscript import RUNNING_IN_WORKER, ffi, window

window.__results["sync-pyworker"] = {"in_worker": RUNNING_IN_WORKER is True, "pyscripts_ffi": not hasattr(ffi, "bind")}
