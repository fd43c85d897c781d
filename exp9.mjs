import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";
import { install } from "./dist/ffi-micropython/index.js";
const mp = await loadMicroPython({stdout: (s)=>console.log("py:", s.slice(0,300)), stderr: ()=>{}});
await install(mp);
mp.runPython(`
from pyscript import ffi
f = lambda: None
inside = ffi.to_js({"other": f})
print(type(inside.other), ffi.stats())
try:
    ffi.destroy(inside.other)
    print("no error", ffi.stats())
except Exception as e:
    print("error", type(e), e)
`);
