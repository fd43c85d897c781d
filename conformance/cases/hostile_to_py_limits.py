# to_py on values that lie or are too big: lengths are read once (an Array that grows as it
# is read converts as it was), a length that is not an array length is a ValueError, a
# container of more than 2**26 items a MemoryError before anything is read (a sparse Array of
# length 2**32-1 once ran 27 s into a wasm trap); a depth beyond the nesting limit converts
# every level; a property name with a lone surrogate is a ValueError (keys never merge).
from pyscript import ffi

record("growing_array", ffi.to_py(js("[new Proxy([1, 2], { get(t, k) { if (k === 'length') return t.length; if (k in t) { t.push(0); } return t[k]; } })]")))
record_error("lying_length", ffi.to_py, js("[new Proxy([1], { get(t, k) { return k === 'length' ? -3 : t[k]; } })]"))
record_error("huge_sparse_array", ffi.to_py, js("(() => { const a = []; a.length = 2 ** 32 - 1; return [a]; })()"))
record_error("huge_claimed_length", ffi.to_py, js("[new Proxy([], { get(t, k) { return k === 'length' ? 2 ** 30 : t[k]; } })]"))
nested = js("[[[1, [2]]]]")
record("depths", [ffi.to_py(nested, depth=d) == [[[1, [2]]]] for d in (2**31, 2**32, 2**32 + 1, 2**53, 10**100)])
record("depth_one", type(ffi.to_py(nested, depth=1)[0]).__name__ != "list")
record_error("lone_surrogate_keys", ffi.to_py, js("({ '\\ud800': 1, '\\udc00': 2 })"))
record_error("lone_surrogate_map_key", ffi.to_py, js("new Map([['\\ud800', 1]])"))
record("built_in_iteration", ffi.to_py(js("""[
  Object.assign(new Map([[1, 2]]), { [Symbol.iterator]() { throw new Error("not used"); }, entries() { throw new Error("not used"); } }),
  Object.assign(new Set([3]), { [Symbol.iterator]: function* () { while (true) yield 1; } }),
]""")))
record_error("function_claiming_a_ref", ffi.to_py, js("[new Proxy(() => 1, { has: () => true, get: (t, k) => (k === '_ref' ? 'not a number' : Reflect.get(t, k)) })]"))
