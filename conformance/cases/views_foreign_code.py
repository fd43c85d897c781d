# A view handed to code that is not ffi's — functions of the interpreter's own `js`
# module, as PyScript's modules call them — arrives there as the JS object it wraps,
# also inside a keyword-arguments object; JavaScript keeping it keeps that object.
import js as native
from pyscript import ffi, window

math = window.Math
record("argument", native.eval("(m) => m === Math")(math))
record("arguments", native.eval("(a, b) => a === Math && b === JSON")(math, window.JSON))
record("pushed", native.eval("(a) => a[0] === Math")(native.Array.of(math)))
holder = native.eval("({ keep(v) { this.kept = v; }, check() { return this.kept === JSON; } })")
holder.keep(window.JSON)
record("kept", holder.check())
record("function_view", native.eval("(f) => f === Math.max")(window.Math.max))
record("callables_still_cross", native.eval("(f) => f(20)")(lambda x: x + 1))
