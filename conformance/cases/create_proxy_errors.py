# create_proxy of something that cannot be called is a TypeError naming its type.
from pyscript import ffi

record_error("not_callable", ffi.create_proxy, 42)
record_error("dict", ffi.create_proxy, {"a": 1})
