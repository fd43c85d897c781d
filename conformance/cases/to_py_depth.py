# D32: depth=N converts N levels; deeper containers stay JS values. depth=0 converts nothing.
from pyscript import ffi

source = '{"a": {"b": {"c": [1]}}}'
record("depth_1", pydesc(ffi.to_py(js(source), depth=1)))
record("depth_2", pydesc(ffi.to_py(js(source), depth=2)))
record("depth_all", pydesc(ffi.to_py(js(source), depth=-1)))
record("depth_0_is_the_js_value", pydesc(ffi.to_py(js(source), depth=0)))
record_error("bad_depth", ffi.to_py, js("{}"), depth=-2)
