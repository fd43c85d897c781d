"""to_py: JS -> Python by the canonical rules (docs/conversions.md). ffi-core converts
to one JSON document plus fixups (what JSON cannot say: identity, Maps, Sets, bytes,
exact numbers, JS values); json.loads reads it and _apply_fixups puts them in place."""

import json as _json
from array import array as _array

import _pyscript_ffi_bridge as _bridge
import _pyscript_ffi_impl as _impl

from .errors import _raise, null, undefined
from .to_js import _MAX_NESTING
from .views import _View


def to_py(value, *, depth=-1):
    """Convert a JS value to Python by the canonical rules (docs/conversions.md): plain
    objects and Maps to dicts, Arrays to lists, Sets to sets, Uint8Array/ArrayBuffer to
    bytes, BigInt to int, null/undefined to None; other JS objects stay JS values.
    `depth` levels are converted (-1: all); deeper containers stay JS values.
    Python values are returned unchanged."""
    if value is undefined or value is null or _impl.is_js_nullish(value):
        return None
    if type(value) is _View:
        value = value._js
    if not _impl.is_js(value):
        return value
    if depth is None:
        depth = -1
    if type(depth) is not int or depth < -1:
        raise TypeError("to_py: depth must be an int >= -1 (-1 converts every level), got " + repr(depth))
    if depth > _MAX_NESTING:
        # Nesting beyond the limit fails anyway: a larger depth converts every level (and
        # the bridge takes a 32-bit int).
        depth = -1
    # Not named to_py: a Pyodide JsProxy's own to_py() method would shadow it.
    package = _bridge.convert_to_py(value, depth)
    if type(package) is str:
        _raise(package)
    document = _json.loads(package[0])
    fixups = document[1]
    if fixups:
        if fixups[0][0] == [0] and fixups[0][1] == _JS:
            # The root itself stays a JS value: give back the very object passed in.
            return value
        _apply_fixups(document, package)
    return document[0]


# BEGIN wire contract: fixup kinds (ffi-core/src/unstable/convert/to_py.rs, mod fixup); generated, FFI_BLESS=1 cargo test contract rewrites it
_JS = 0
_REF = 1
_MAP = 2
_SET = 3
_BYTES = 4
_FLOAT = 5
_HEXINT = 6
_FLOATBITS = 7
_PYTHON = 8
_STRING = 9
_FLOATS_AT = 10
_BYTES_REF = 11
# END wire contract


def _apply_fixups(document, package):
    """Put at each fixup's path what JSON could not say. Every location is resolved on
    the document as loaded; dicts and sets exist before anything refers to them, so
    identity and cycles hold through them."""
    fixups = document[1]

    def spot(path):
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        return parent, path[-1]

    spots = [spot(f[0]) for f in fixups]
    refs = package[1]
    js_values = {}
    floats = None
    fills = []
    targets = []
    for i, (path, kind, payload) in enumerate(fixups):
        if kind == _REF:
            targets.append((spots[i], spot(payload)))
            continue
        if kind == _FLOATS_AT:
            if floats is None:
                floats = _array("d", bytes.fromhex(package[2]))
            parent, key = spots[i]
            items = parent[key]
            first = payload[0]
            if len(payload) == 1:
                items[:] = list(floats[first : first + len(items)])
            else:
                for k, position in enumerate(payload[1]):
                    items[position] = floats[first + k]
            continue
        if kind == _JS or kind == _PYTHON:
            if payload not in js_values:
                js_values[payload] = refs[payload]
            value = js_values[payload]
        elif kind == _MAP:
            value = {}
            fills.append((value, payload))
        elif kind == _SET:
            value = set()
            fills.append((value, payload))
        elif kind == _BYTES:
            value = bytes.fromhex(payload)
        elif kind == _FLOAT:
            value = float(payload)
        elif kind == _HEXINT:
            value = int(payload, 16)
        elif kind == _STRING:
            value = refs[payload]
        elif kind == _BYTES_REF:
            value = bytes.fromhex(refs[payload])
        else:
            if floats is None:
                floats = _array("d", bytes.fromhex(package[2]))
            value = floats[payload]
        parent, key = spots[i]
        parent[key] = value
    for (parent, key), (target_parent, target_key) in targets:
        parent[key] = target_parent[target_key]
    for container, payload in fills:
        if type(container) is dict:
            for key, value in payload:
                if key in container:
                    raise ValueError(
                        "to_py: two keys of a JavaScript Map become the same Python key "
                        + repr(key)
                        + " (true and 1, say); convert that Map yourself to keep both"
                    )
                container[key] = value
        else:
            for item in payload:
                if item in container:
                    raise ValueError(
                        "to_py: two items of a JavaScript Set become the same Python value "
                        + repr(item)
                        + " (true and 1, say); convert that Set yourself to keep both"
                    )
                container.add(item)
