# A Python callback JavaScript calls with a value Python cannot receive (a revoked Proxy,
# with or without another argument that needs converting, such as a BigInt) throws a
# catchable JS error into the caller, the same on both interpreters (MicroPython once let a
# raw longjmp escape), and the interpreter stays usable.
from pyscript import ffi

received = []
callback = ffi.create_proxy(lambda *args: received.append(len(args)) or len(args))
caller = js("""(f) => {
  const r = Proxy.revocable({}, {}); r.revoke();
  const outcome = (call) => { try { return ["returned", call()]; } catch (e) { return ["threw", e.name, e.type]; } };
  return [outcome(() => f(r.proxy)), outcome(() => f(5n, r.proxy)), outcome(() => f(5n, 1))];
}""")
record("outcomes", caller(callback))
record("received", received)
callback.destroy()
