# D15: a callable stored on a JS object (obj.onclick = f) stays callable from JavaScript
# later; so does one stored by a JS function that keeps its argument.
calls = []


def on_click(value):
    calls.append(value)
    return value * 2


holder = js("{}")
holder.onclick = on_click
keeper = js("{ kept: null, keep(f) { this.kept = f; } }")
keeper.keep(on_click)
call_later = js("(holder, keeper) => [holder.onclick(3), keeper.kept(4)]")


def after():
    record("results", call_later(holder, keeper))
    record("calls", calls)
    record("stored_twice_is_one_function", js("(holder, keeper) => holder.onclick === keeper.kept")(holder, keeper))
