//! The decoded pickle arena seen through the core's [`PyGraph`].

use ffi_core::{Error, NodeId, PyGraph, PyNode};

use crate::pickle::{Decoded, External, Node};

pub struct PickleGraph {
    pub decoded: Decoded,
    /// The JS values of the JsProxy objects met while pickling, by index.
    pub js_refs: js_sys::Array,
}

fn ids(items: &[u32]) -> Vec<NodeId> {
    items.iter().copied().map(NodeId).collect()
}

impl PyGraph for PickleGraph {
    fn root(&self) -> NodeId {
        NodeId(self.decoded.root)
    }

    fn node(&self, id: NodeId) -> Result<PyNode, Error> {
        let Some(node) = self.decoded.nodes.get(id.0 as usize) else {
            return Err(Error::interpreter("pickle graph: dangling node id"));
        };
        let other = |name: &str| PyNode::Other {
            type_name: name.to_owned(),
        };
        Ok(match node {
            Node::None => PyNode::None,
            Node::Bool(b) => PyNode::Bool(*b),
            Node::Int(i) => PyNode::Int(i.clone()),
            Node::Float(x) => PyNode::Float(*x),
            Node::Str(s) => PyNode::Str(s.clone()),
            Node::List(items) => PyNode::List(ids(items)),
            Node::Tuple(items) => PyNode::Tuple(ids(items)),
            Node::Dict(entries) => PyNode::Dict(entries.iter().map(|(k, v)| (NodeId(*k), NodeId(*v))).collect()),
            Node::Bytes(_) => other("bytes"),
            Node::ByteArray(_) => other("bytearray"),
            Node::Set(_) => other("set"),
            Node::FrozenSet(_) => other("frozenset"),
            Node::External(External::JsRef(index)) => {
                if *index >= self.js_refs.length() {
                    return Err(Error::interpreter("pickle graph: JS reference out of range"));
                }
                PyNode::Js(self.js_refs.get(*index))
            }
            Node::External(External::Opaque(type_name)) => other(type_name),
            Node::External(External::Undefined) => PyNode::Undefined,
            Node::External(External::Null) => PyNode::Null,
            Node::Global(_) => return Err(Error::interpreter("pickle graph: a marker global is not a value")),
        })
    }
}

impl std::fmt::Debug for PickleGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickleGraph")
            .field("nodes", &self.decoded.nodes.len())
            .finish()
    }
}
