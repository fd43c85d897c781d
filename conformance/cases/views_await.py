# await of a thenable view gives its converted result; every rejection (also a value that
# is no Error: a string, null, an object) raises ffi.JsException; never a hang. Awaiting
# a view that is not awaitable is a TypeError.
from pyscript import ffi

w = ffi.bind(js("globalThis"))
results = []


async def run():
    results.append(await w.Promise.resolve(2**40))
    results.append((await w.Promise.resolve(w.JSON.parse('{"a": [7]}'))).a[0])
    results.append(await w.Promise.new(lambda resolve, reject: w.setTimeout(lambda: resolve("late\0x"), 1)))
    for reason in ["w.Error.new('bad')", "'plain'", "None", "w.JSON.parse('{\"code\": 3}')", "w.RangeError.new('range')"]:
        try:
            await w.Promise.reject(eval(reason))
        except ffi.JsException as e:
            results.append(["rejected", e.name])
    try:
        await w.Math
    except TypeError as e:
        results.append(["not awaitable", str(e)])
    thenable = w.eval("({ then(ok) { ok(5) } })")
    results.append(await thenable)


async def guarded():
    try:
        await run()
    except BaseException as error:
        results.append(["run failed", type(error).__name__, str(error)])
    results.append("done")


import asyncio

# The callbacks handed to JavaScript live until the promises settled: released in after().
callbacks = ffi.scope()
callbacks.__enter__()
task = asyncio.create_task(guarded())


def ready():
    return results[-1:] == ["done"]


def after():
    callbacks.__exit__(None, None, None)
    record("results", results)
