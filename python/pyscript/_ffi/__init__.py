"""The modules behind pyscript.ffi, one concept each; ffi.py is their public face
(docs/Architecture.md, "Python shim"). Private: imported relatively, so that they work
under install()'s package "private" too.

errors     undefined, null, JsException; _raise, which raises a bridge's wire-form error
proxies    the proxy of a Python object (the ledger's), and trace()
views      bind(), _View and what crosses into a view's calls; construct(), assign()
to_js      Python -> JS
to_py      JS -> Python, with the fixups
lifetime   create_proxy, destroy, scope, stats
callbacks  what JavaScript calls in Python (proxies of callables and of other objects)
"""

# In this order: errors first (it sets up the adapter), views before the conversions
# (they unwrap views; views imports them at its end), callbacks last (it registers them).
from . import errors, proxies, views, to_js, to_py, lifetime, callbacks

MODULES = (errors, proxies, views, to_js, to_py, lifetime, callbacks)
