# stats() reports the proxy ledger: live, created, destroyed, finalized, all non-negative ints.
from pyscript import ffi

s = ffi.stats()
record("keys", sorted(s))
record("ints", [type(s[k]) is int and s[k] >= 0 for k in sorted(s)])
record("live_is_created_minus_released", s["live"] == s["created"] - s["destroyed"] - s["finalized"])
ffi.to_js({"a": [1, 2]})
record("data_conversion_creates_no_proxy", ffi.stats()["live"] == s["live"])
