# A proxy of a Python object (not callable) shows JavaScript the object's Python attributes,
# the same on both interpreters: a value read crosses as to_js gives it (exact ints, None as
# null, containers as copies); a method is a JS function that calls it (the same function
# each read); writes, `in`, delete and Object.keys reach the object. Nothing the interpreter's
# own proxy adds (Pyodide's next/then/toJs) shows through. A generator is driven by its
# send/close methods.
from pyscript import ffi


class Account:
    limit = 2**60

    def __init__(self):
        self.owner = None
        self.tags = ["a", "b"]

    def deposit(self, amount):
        return amount * 2


account = Account()
proxy = ffi.to_js(account)
record("reads", js("(p) => [p.limit, p.owner, p.tags, typeof p.deposit, p.deposit(21), p.deposit === p.deposit, p.missing]")(proxy))
js("(p) => { p.owner = 'ann'; p.extra = 7; delete p.tags; }")(proxy)
record("writes_reach_python", [account.owner, account.extra, hasattr(account, "tags")])
record("in_and_keys", js("(p) => ['owner' in p, 'tags' in p, 'next' in p, Object.keys(p).filter((k) => !k.startsWith('_')).sort()]")(proxy))


def numbers():
    got = yield 1
    yield got * 10


generator = ffi.to_js(numbers())
record("generator", js("(g) => [typeof g.next, typeof g.then, g.send(null), g.send(4), (() => { try { g.send(null); } catch (e) { return [e.name, e.type]; } })()]")(generator))
ffi.destroy(proxy)
ffi.destroy(generator)
record("after_destroy", js("(p) => { try { return p.owner; } catch (e) { return e.name; } }")(proxy))
