//! The one contract between the core and an interpreter adapter.
//!
//! An adapter exposes a Python value as a read-only graph: each node is a Python
//! object, named by a [`NodeId`] that is stable for the duration of one conversion and
//! equal for the same object (so shared sub-objects and cycles can be recognised).
//! Pyodide builds this graph from one pickle stream; MicroPython reads its heap.

use crate::error::Error;
use wasm_bindgen::JsValue;

/// Identity of one Python object within one conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Text of a Python `str`. Pickle carries lone surrogates (`surrogatepass`), which
/// Rust's `String` cannot hold, so those arrive as UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyStr {
    Utf8(String),
    Utf16(Vec<u16>),
}

impl PyStr {
    /// The text for key rules and messages; lone surrogates become U+FFFD here only.
    pub fn to_string_lossy(&self) -> String {
        match self {
            PyStr::Utf8(s) => s.clone(),
            PyStr::Utf16(units) => String::from_utf16_lossy(units),
        }
    }
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
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PyNode {
    None,
    Bool(bool),
    Int(PyInt),
    Float(f64),
    Str(PyStr),
    List(Vec<NodeId>),
    Tuple(Vec<NodeId>),
    Dict(Vec<(NodeId, NodeId)>),
    /// `ffi.undefined`.
    Undefined,
    /// `ffi.null`.
    Null,
    /// A JS value held by Python (a JsProxy): crosses back as the same JS value.
    Js(JsValue),
    /// Any other Python object (bytes, set, instances, functions, …): the conversion
    /// rules decide what to do with it from its type name.
    Other {
        type_name: String,
    },
}

/// Implemented by each adapter over its interpreter's own internals.
pub trait PyGraph {
    /// The object the conversion starts from.
    fn root(&self) -> NodeId;
    /// Read one object. Errors are for internals that do not look as expected.
    fn node(&self, id: NodeId) -> Result<PyNode, Error>;
}
