# D32: a JS object reached twice is one Python object; cycles are kept, also through Maps.
from pyscript import ffi

shared = ffi.to_py(js("(() => { const s = {v: 1}; return [s, s, {inner: s}]; })()"))
record("shared", [shared[0] is shared[1], shared[2]["inner"] is shared[0]])
cycle = ffi.to_py(js("(() => { const o = {name: 'o'}; o.self = o; o.list = [o]; return o; })()"))
record("cycle", [cycle["self"] is cycle, cycle["list"][0] is cycle])
through_map = ffi.to_py(js("(() => { const m = new Map(); m.set('me', m); return m; })()"))
record("through_map", through_map["me"] is through_map)
record("description", pydesc(cycle))
