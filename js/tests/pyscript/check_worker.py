# Run as a `py` and an `mpy` worker on js/tests/pyscript/plugin.html (and by PyWorker /
# MPWorker on pyworker.html): this project's ffi
# is pyscript.ffi there too, with PyScript's worker names (direct, gather, query).
import sys
import pyscript
from pyscript import RUNNING_IN_WORKER, ffi, window

# A `<script worker>` has its element; a worker made by PyWorker/MPWorker has none.
from polyscript import currentScript

kind = ("mpy" if "MicroPython" in sys.version else "py") + ("-worker" if currentScript else "-pyworker")
checks = {}
checks["in_worker"] = RUNNING_IN_WORKER is True
checks["ffi_is_ours"] = hasattr(ffi, "bind") and ffi.__file__.endswith("_pyscript_ffi_pkg/ffi.py")
checks["module_is_ours"] = sys.modules["pyscript.ffi"] is ffi and pyscript.ffi is ffi
checks["pyscript_names"] = all(hasattr(ffi, name) for name in ("direct", "gather", "query"))
checks["window_is_a_view"] = type(window).__name__ == "_View"
checks["to_js"] = ffi.to_py(ffi.to_js({"a": [1, None]})) == {"a": [1, None]}
window.__results[kind] = checks
