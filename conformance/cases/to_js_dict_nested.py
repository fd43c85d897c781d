# The example and a JSON-like record: dicts, lists and scalars nested.
from pyscript import ffi

record("example", ffi.to_js({"a": [1, {"b": None}]}))
record("record", ffi.to_js({"id": 7, "name": "user7", "score": 10.5, "tags": ["a", "b"], "active": False, "meta": {"x": 7, "y": None}}))
