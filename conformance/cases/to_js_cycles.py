# D12: cycles are kept: the target is created first and filled after.
from pyscript import ffi

loop = [1]
loop.append(loop)
record("self_list", ffi.to_js(loop))
d = {"name": "node"}
d["self"] = d
d["children"] = [d]
record("self_dict", ffi.to_js(d))
