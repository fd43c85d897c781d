# Nesting well inside the limit converts (the shape of the deep_200 benchmark payload).
from pyscript import ffi, window

value = {"leaf": [1, 2.5, "x", None, True]}
for i in range(300):
    value = {"level": i, "child": value, "items": [i, i + 1]}
converted = ffi.to_js(value)
record("json_length", len(window.JSON.stringify(converted)))
node = converted
for _ in range(300):
    node = node.child
record("leaf", node.leaf)
