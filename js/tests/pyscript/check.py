# Run as `py` and as `mpy` on js/tests/pyscript/plugin.html: this project's ffi is
# pyscript.ffi, and PyScript's own API keeps working beside it.
import asyncio
import sys
import js
import pyscript
from pyscript import display, document, ffi, web, when, window

kind = "mpy" if "MicroPython" in sys.version else "py"
checks = {}
checks["ffi_is_ours"] = hasattr(ffi, "bind") and ffi.__file__.rsplit(".", 1)[0].endswith("_pyscript_ffi_pkg/ffi")
checks["module_is_ours"] = sys.modules["pyscript.ffi"] is ffi and pyscript.ffi is ffi
checks["window_is_a_view"] = type(window) is type(ffi.bind(js.Object)) and window.Date.now() > 2**40
checks["document_is_a_view"] = type(document) is type(window) and document.getElementById("b").id == "b"
checks["exact_numbers"] = window.JSON.parse('{"id": 1234567890123}').id == 1234567890123
checks["len_of_nodelist"] = len(document.querySelectorAll("div")) >= 2
display("displayed " + kind)
checks["display"] = ("displayed " + kind) in js.document.getElementById("out-" + kind).innerText
checks["web_page"] = web.page["#b"] is not None
clicked = []


@when("click", "#b")
def on_click(event):
    clicked.append(1)


js.document.getElementById("b").click()
checks["when"] = len(clicked) == 1
checks["to_js"] = window.JSON.stringify(ffi.to_js({"a": [1, None]})) == '{"a":[1,null]}'


async def finish():
    # PyScript's own fetch and storage, beside this ffi.
    response = await pyscript.fetch(window.location.origin + "/versions.json")
    checks["fetch"] = response.ok and "micropython" in await response.text()
    store = await pyscript.storage("ffi-plugin-" + kind)
    store["n"] = 41
    await store.sync()
    checks["storage"] = store["n"] == 41
    window.__results[kind] = checks


asyncio.create_task(finish())
