"""What JavaScript calls in Python: a proxy of a Python callable (_call_viewed), and the
properties of a proxy of any other Python object (_attribute, _call_attribute). Importing
this module hands them to the bridge."""

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

from .errors import _raised_in_callback
from .to_js import to_js
from .to_py import to_py
from .views import _plain, _view_value


def _call_viewed(function, *args):
    """What a proxy of a Python callable calls (js/loader.js callArguments): each argument
    arrives as ffi-core's view_carry made it; the result goes back by the to_js rules (as
    it is when it crosses exactly, else boxed in a one-item JS Array). An exception it
    raises is kept, so that the Python code that called JavaScript gets it back as itself
    (_python_error) rather than rebuilt from its traceback text."""
    try:
        for arg in args:
            kind = type(arg)
            if not (kind is int or kind is float or kind is bool or (kind is str and ("\0" not in arg or arg[:1] != "\0"))):
                result = function(*[_view_value(arg) for arg in args])
                break
        else:
            # Every argument is a primitive that needs no decoding (the common event case).
            result = function(*args)
        return _returned(result)
    except BaseException as error:
        _raised_in_callback[0] = error
        raise


def _returned(result):
    # A callback's result by the to_js rules: as it is when it crosses exactly, else boxed.
    if _plain(result):
        return result
    return to_js([result])


_bridge.set_call_viewed(_impl.persistent(_call_viewed))


# The answers _attribute gives a read (js/proxy.js make_proxy): no such attribute; a method.
_NO_ATTRIBUTE = to_js([])
_METHOD = to_js([None, True])


def _attribute(obj, op, key, boxed):
    """What a proxy of a Python object (not callable) asks when JavaScript reads (op 0),
    writes (1), checks (2) or deletes (3) its property `key`, lists its properties (4), or
    turns it into a string (5, its toString):
    the object's Python attributes. A value read crosses as to_js gives it (boxed); a
    method is read as a JS function that calls it (_call_attribute); a value written
    arrives by the JS -> Python rules."""
    if op == 0:
        try:
            value = getattr(obj, key)
        except AttributeError:
            return _NO_ATTRIBUTE
        if callable(value) and not _impl.is_js(value):
            return _METHOD
        return to_js([value])
    if op == 1:
        setattr(obj, key, to_py(boxed, depth=1)[0])
        return True
    if op == 2:
        return hasattr(obj, key)
    if op == 3:
        try:
            delattr(obj, key)
        except AttributeError:
            return False
        return True
    if op == 4:
        return to_js([name for name in dir(obj) if not name.startswith("__")])
    return str(obj)


def _call_attribute(obj, key, *args):
    """JavaScript calling the method `key` of a proxied object, as _call_viewed."""
    return _returned(getattr(obj, key)(*[_view_value(arg) for arg in args]))


_bridge.set_object_protocol(_impl.persistent(_attribute), _impl.persistent(_call_attribute))
