# Run as a `py` and an `mpy` worker on js/tests/pyscript/plugin.html (and by PyWorker /
# MPWorker on pyworker.html): this project's ffi
# is pyscript.ffi there too, with PyScript's worker names (direct, gather, query).
import asyncio
import sys
import pyscript
from pyscript import RUNNING_IN_WORKER, document, ffi, window

# A `<script worker>` has its element; a worker made by PyWorker/MPWorker has none.
from polyscript import currentScript

kind = ("mpy" if "MicroPython" in sys.version else "py") + ("-worker" if currentScript else "-pyworker")
checks = {}
checks["in_worker"] = RUNNING_IN_WORKER is True
checks["ffi_is_ours"] = hasattr(ffi, "bind") and ffi.__file__.rsplit(".", 1)[0].endswith("_pyscript_ffi_pkg/ffi")
checks["module_is_ours"] = sys.modules["pyscript.ffi"] is ffi and pyscript.ffi is ffi
checks["pyscript_names"] = all(hasattr(ffi, name) for name in ("direct", "gather", "query"))
checks["window_is_a_view"] = type(window).__name__ == "_View"
checks["to_js"] = ffi.to_py(ffi.to_js({"a": [1, None]})) == {"a": [1, None]}
checks["document_is_the_pages"] = type(document).__name__ == "_View" and len(document.title) > 0


async def finish():
    # PyScript's own fetch (an absolute URL: a worker's base is a blob) and storage, in the worker too.
    response = await pyscript.fetch(window.location.origin + "/versions.json")
    checks["fetch"] = response.ok and "micropython" in await response.text()
    store = await pyscript.storage("ffi-plugin-" + kind)
    store["n"] = 41
    await store.sync()
    checks["storage"] = store["n"] == 41
    window.__results[kind] = checks


asyncio.create_task(finish())
