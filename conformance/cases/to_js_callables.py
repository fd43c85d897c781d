# D13, D16: a callable reaching to_js becomes a proxy (docs/lifetime.md): the same JS function
# create_proxy gives for it, callable from JavaScript, released by destroy() or when JS drops it.
from pyscript import ffi


def greet(name):
    return "hello " + name


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


counter = Counter()
converted = ffi.to_js({"greet": greet, "bump": counter.bump, "items": [greet]})
record("kinds", js("(o) => [typeof o.greet, typeof o.bump, o.items[0] === o.greet]")(converted))
record("called_from_js", js("(o) => [o.greet('js'), o.bump(), o.bump()]")(converted))
record("same_as_create_proxy", js("(o, p) => o.greet === p")(converted, ffi.create_proxy(greet)))
record("python_state_changed", counter.n)
js("(o) => { o.greet.destroy(); o.bump.destroy(); }")(converted)
