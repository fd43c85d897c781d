# Hostile JS values in to_py: whatever JavaScript throws while the value is read (an item
# getter, a Proxy trap, a revoked Proxy, a detached buffer) is a catchable ValueError naming
# what was being read, the same on both interpreters, as often as it happens: 3,000 failed
# conversions of each kind leave the bridge working (the JS throw never unwinds through the
# bridge's wasm frames; that once corrupted its memory after ~2,400 failures).
from pyscript import ffi

hostile = js("""[
  (() => { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { throw new Error("boom"); } }); return a; })(),
  new Proxy({}, { ownKeys() { throw new Error("no keys"); } }),
  new Proxy({}, { getPrototypeOf() { throw new RangeError("no prototype"); } }),
  (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })(),
  (() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; })(),
  new Proxy([1, 2], { get(t, k) { if (k === "length") throw new TypeError("no length"); return t[k]; } }),
  { get value() { throw "a thrown string"; } },
]""")


def failures(value, times):
    count, message = 0, None
    for _ in range(times):
        try:
            ffi.to_py(value)
        except ValueError as e:
            count, message = count + 1, str(e)
    return [count, message]


for i in range(js("(h) => h.length")(hostile)):
    # Kept in a holder: the hostile value itself never crosses into Python on its own.
    record("kind_%d" % i, failures(js("(h, i) => [h[i]]")(hostile, i), 3000))
record("still_converts", ffi.to_py(js('[1, {"a": [2.5, "x"]}, new Map([[1, 2]])]')))
