# Errors raised while converting are catchable, name the problem and the fix: a string with a lone
# surrogate (ValueError), a getter that throws (ValueError with the JS error), nesting beyond the limit.
from pyscript import ffi

record_error("lone_surrogate", ffi.to_py, js('["ok", "\\ud800"]'))
record_error("throwing_getter", ffi.to_py, js('{get boom() { throw new RangeError("no") }}'))
record_error("too_deep", ffi.to_py, js("(() => { let v = []; for (let i = 0; i < 3000; i++) v = [v]; return v; })()"))
