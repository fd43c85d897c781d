# stats() with trace() on: "sites" lists where each live proxy made under tracing was
# created, oldest first (the callable's name first; the file and line too where the
# interpreter exposes frames); destroyed proxies leave it; trace(False) stops recording
# and hides the list.
from pyscript import ffi


def on_first():
    pass


def on_second():
    pass


class Handler:
    def __call__(self):
        pass


record("untraced_has_no_sites", "sites" in ffi.stats())
record("trace_returns_previous", [ffi.trace(), ffi.trace(True)])
first = ffi.create_proxy(on_first)
second = ffi.create_proxy(on_second)
third = ffi.create_proxy(Handler())
other = lambda: None  # noqa: E731
inside = ffi.to_js({"cb": on_first, "other": other})
names = [site.split(" ")[0] for site in ffi.stats()["sites"]]
record("names_oldest_first", names)
record("site_is_str", [type(site).__name__ for site in ffi.stats()["sites"]])
first.destroy()
second.destroy()
third.destroy()
ffi.destroy(ffi.create_proxy(other))
record("after_destroy", ffi.stats()["sites"])
record("trace_off_returns_previous", ffi.trace(False))
record("off_has_no_sites", "sites" in ffi.stats())
