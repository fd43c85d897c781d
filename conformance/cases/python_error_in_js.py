# D22: a Python exception seen by JavaScript is an Error named PythonError whose .type is
# the exception class name and whose message ends with "<Type>: <message>", whether the
# callable crossed implicitly, through create_proxy or through to_js.
from pyscript import ffi


def boom():
    raise ValueError("bad value")


catch = js("(f) => { try { f(); return 'no error'; } catch (e) { return [e instanceof Error, e.name, e.type, e.message.trim().split('\\n').pop()]; } }")
record("implicit", catch(boom))
proxy = ffi.create_proxy(boom)
record("create_proxy", catch(proxy))
record("to_js", catch(ffi.to_js([boom])[0]))
proxy.destroy()
