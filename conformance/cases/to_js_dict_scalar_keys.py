# D9: non-str keys follow json.dumps: int/float as decimal text, True/False as "true"/"false",
# None as "null". MicroPython's native path silently drops keys 0-3 and None.
from pyscript import ffi

record("ints", ffi.to_js({0: "a", 1: "b", 2: "c", 3: "d", -1: "e", 2**70: "big"}))
record("floats", ffi.to_js({1.5: "a", 2.0: "b", 1e16: "c", float("inf"): "d", -0.0: "e"}))
record("bool_none", ffi.to_js({True: "t", False: "f", None: "n"}))
