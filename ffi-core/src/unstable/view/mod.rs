//! Views: how JS values reached through `pyscript.window`, `pyscript.document` and
//! `ffi.bind` behave in Python (docs/views.md). [`carry`] is the one classification of a
//! JS value on its way into Python: a Python primitive (exact on every interpreter) or a
//! JS object the shim wraps in a view. [`ops`] implements each Python operation on a
//! view; every JS step in them is caught and comes back as an error value.

pub mod carry;
pub mod ops;

/// What the shim reads for a property that is not there (`AttributeError`, `KeyError`).
pub const ABSENT: &str = "\0\u{4}";
/// An index past the end of an array-like (`IndexError`).
pub const OUT_OF_RANGE: &str = "\0\u{5}";
/// An iterator that has no more items (`StopIteration`).
pub const DONE: &str = "\0\u{6}";
/// A thenable result the adapter's glue keeps aside (Pyodide would make a call's thenable
/// result a Python Future): the shim reads it from the bridge's `held.value`.
pub const HELD: &str = "\0\u{7}";
/// `undefined` and `null`: Python's None.
pub const NONE: &str = "\0";
