//! The one contract between the core and an interpreter adapter.
//!
//! An adapter exposes a Python value as a read-only graph: each node is a Python
//! object, named by a [`NodeId`] that is stable for the duration of one conversion and
//! equal for the same object (so shared sub-objects and cycles can be recognised).
//! Pyodide builds this graph from one pickle stream; MicroPython reads its heap. Nodes
//! borrow from the adapter where they can, so walking a large value copies nothing.

use std::borrow::Cow;

use crate::error::Error;
use wasm_bindgen::JsValue;

/// Identity of one Python object within one conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Text of a Python `str`.
#[derive(Debug, Clone, PartialEq)]
pub enum PyStr<'a> {
    Utf8(Cow<'a, str>),
    /// Pickle carries lone surrogates (`surrogatepass`), which `str` cannot hold.
    Utf16(Cow<'a, [u16]>),
    /// Already a JS string (MicroPython's heap strings are decoded on the JS side).
    Js(JsValue),
}

impl PyStr<'_> {
    /// The text for key rules and messages; lone surrogates become U+FFFD here only.
    pub fn to_string_lossy(&self) -> String {
        match self {
            PyStr::Utf8(s) => s.to_string(),
            PyStr::Utf16(units) => String::from_utf16_lossy(units),
            PyStr::Js(value) => value.as_string().unwrap_or_default(),
        }
    }
}

/// Contents of a `bytes`, `bytearray` or `memoryview`.
#[derive(Debug, Clone, PartialEq)]
pub enum PyBytes<'a> {
    Slice(Cow<'a, [u8]>),
    /// Already a JS `Uint8Array` copy (MicroPython reads its heap on the JS side).
    Js(JsValue),
}

/// A Python integer, exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyInt {
    Small(i64),
    /// Sign and magnitude, little-endian bytes, no trailing zero bytes required.
    Big {
        negative: bool,
        magnitude_le: Vec<u8>,
    },
}

/// One Python object as the core sees it. `type_name` fields are `type(x).__name__`.
/// Identity (one JS object for an object reached twice) is kept for the mutable
/// containers (`List`, `Dict`, `Set`), where sharing is observable; whether two equal
/// tuples are one object is an interpreter internal (`()` is a singleton on
/// MicroPython, not in CPython's pickle), so each tuple or frozenset is its own value.
/// Adapters report instances of subclasses of the data types (an `IntEnum`, an
/// `OrderedDict`, a namedtuple, a `list` subclass) as their base type, as `json.dumps`
/// treats them.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PyNode<'a> {
    None,
    Bool(bool),
    Int(PyInt),
    Float(f64),
    Str(PyStr<'a>),
    List(Cow<'a, [NodeId]>),
    Tuple(Cow<'a, [NodeId]>),
    Dict(Cow<'a, [(NodeId, NodeId)]>),
    /// `set`, elements in its own iteration order.
    Set(Cow<'a, [NodeId]>),
    /// `frozenset`: like `Set`, but immutable, so its identity is not kept.
    FrozenSet(Cow<'a, [NodeId]>),
    Bytes(PyBytes<'a>),
    /// `ffi.undefined`.
    Undefined,
    /// `ffi.null`.
    Null,
    /// A JS value held by Python (a JsProxy): crosses back as the same JS value.
    Js(JsValue),
    /// Any other Python object (bytes, set, instances, functions, …): the conversion
    /// rules decide what to do with it from its type name.
    Other {
        type_name: Cow<'a, str>,
    },
}

/// Implemented by each adapter over its interpreter's own internals.
pub trait PyGraph {
    /// The object the conversion starts from.
    fn root(&self) -> NodeId;
    /// Read one object. Errors are for internals that do not look as expected.
    fn node(&self, id: NodeId) -> Result<PyNode<'_>, Error>;
    /// `Some(n)` when every id is below `n` (an arena), so the engine can index by id
    /// instead of hashing it.
    fn dense_ids(&self) -> Option<u32> {
        None
    }
}
