# D38: passing the same object 200,000 times in a synchronous loop costs one proxy, on
# both interpreters: JavaScript sees one value, implicitly and through create_proxy, and
# the ledger holds one entry.
from pyscript import ffi

collect = js("(() => { const seen = new Set(); const add = (x) => { seen.add(x); }; add.count = () => seen.size; return add; })()")


def callback():
    return 1


for _ in range(200000):
    collect(callback)
record("implicit_distinct_values", collect.count())

collect_proxies = js("(() => { const seen = new Set(); const add = (x) => { seen.add(x); }; add.count = () => seen.size; return add; })()")
created_before = ffi.stats()["created"]
for _ in range(200000):
    collect_proxies(ffi.create_proxy(callback))
record("create_proxy_distinct_values", collect_proxies.count())
record("create_proxy_ledger_entries", ffi.stats()["created"] - created_before)
ffi.destroy(ffi.create_proxy(callback))
