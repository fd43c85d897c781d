//! The decoded pickle arena seen through the core's [`PyGraph`]: nodes borrow from it.

use std::borrow::Cow;

use ffi_core::unstable::{NodeId, PyBytes, PyGraph, PyNode, PyStr};
use ffi_core::Error;

use crate::pickle::{Decoded, External, Node, Text};

pub struct PickleGraph<'a> {
    pub decoded: Decoded<'a>,
    /// The JS values of the JsProxy objects met while pickling, by index.
    pub js_refs: js_sys::Array,
}

impl PyGraph for PickleGraph<'_> {
    fn root(&self) -> NodeId {
        self.decoded.root
    }

    fn dense_ids(&self) -> Option<u32> {
        u32::try_from(self.decoded.nodes.len()).ok()
    }

    fn node(&self, id: NodeId) -> Result<PyNode<'_>, Error> {
        let Some(node) = self.decoded.nodes.get(id.0 as usize) else {
            return Err(Error::interpreter("pickle graph: dangling node id"));
        };
        Ok(match node {
            Node::None => PyNode::None,
            Node::Bool(b) => PyNode::Bool(*b),
            Node::Int(i) => PyNode::Int(i.clone()),
            Node::Float(x) => PyNode::Float(*x),
            Node::Str(Text::Utf8(s)) => PyNode::Str(PyStr::Utf8(Cow::Borrowed(s))),
            Node::Str(Text::Utf16(units)) => PyNode::Str(PyStr::Utf16(Cow::Borrowed(units))),
            Node::List(items) => PyNode::List(Cow::Borrowed(items)),
            Node::Tuple(items) => PyNode::Tuple(Cow::Borrowed(items)),
            Node::Dict(entries) => PyNode::Dict(Cow::Borrowed(entries)),
            Node::Bytes(data) | Node::ByteArray(data) => PyNode::Bytes(PyBytes::Slice(Cow::Borrowed(*data))),
            Node::Set(items) => PyNode::Set(Cow::Borrowed(items)),
            Node::FrozenSet(items) => PyNode::FrozenSet(Cow::Borrowed(items)),
            Node::External(External::JsRef(index)) => {
                if *index >= self.js_refs.length() {
                    return Err(Error::interpreter("pickle graph: JS reference out of range"));
                }
                PyNode::Js(self.js_refs.get(*index))
            }
            Node::External(External::Opaque(type_name)) => PyNode::Other {
                type_name: Cow::Borrowed(type_name),
            },
            Node::External(External::Undefined) => PyNode::Undefined,
            Node::External(External::Null) => PyNode::Null,
            Node::Global(_) => return Err(Error::interpreter("pickle graph: a marker global is not a value")),
        })
    }
}

impl std::fmt::Debug for PickleGraph<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickleGraph")
            .field("nodes", &self.decoded.nodes.len())
            .finish()
    }
}
