# The shape of the records_20k benchmark payload, small.
from pyscript import ffi

records = [
    {"id": i, "name": "user%d" % i, "score": i * 1.5, "tags": ["a", "b", "c"], "active": i % 2 == 0, "meta": {"x": i, "y": None}}
    for i in range(3)
]
record("records", ffi.to_js(records))
