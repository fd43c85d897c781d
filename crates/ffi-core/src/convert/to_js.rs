//! Python → JS: the canonical `to_js` engine. Adapters supply the graph; this file owns
//! every rule (docs/conversions.md).

use std::collections::HashMap;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::convert::keys::{collision, key_text, node_type_name, KeyText};
use crate::convert::number::{classify_int, JsInt};
use crate::convert::options::ToJsOptions;
use crate::error::{Error, ErrorKind};
use crate::interpreter::{NodeId, PyGraph, PyNode, PyStr};

/// Convert the graph's root to a JS value.
pub fn to_js(graph: &dyn PyGraph, options: &ToJsOptions) -> Result<JsValue, Error> {
    let mut converter = Converter {
        graph,
        options,
        memo: HashMap::new(),
        nesting: 0,
    };
    converter.convert(graph.root())
}

/// The canonical message when a value nests beyond [`ToJsOptions::max_nesting`]; the
/// Python shim reuses it when pickling already hits Python's own recursion limit.
pub fn too_deep(limit: usize) -> Error {
    Error::new(
        ErrorKind::Recursion,
        "container",
        "JavaScript",
        format!("to_js: the value nests deeper than {limit} levels; flatten it before converting"),
    )
}

struct Converter<'a> {
    graph: &'a dyn PyGraph,
    options: &'a ToJsOptions,
    /// One JS value per converted container: keeps shared sub-objects shared and cycles closed.
    memo: HashMap<NodeId, JsValue>,
    nesting: usize,
}

impl Converter<'_> {
    fn convert(&mut self, id: NodeId) -> Result<JsValue, Error> {
        if let Some(done) = self.memo.get(&id) {
            return Ok(done.clone());
        }
        let node = self.graph.node(id)?;
        match node {
            PyNode::None | PyNode::Null => Ok(JsValue::NULL),
            PyNode::Undefined => Ok(JsValue::UNDEFINED),
            PyNode::Bool(b) => Ok(JsValue::from_bool(b)),
            PyNode::Int(int) => int_to_js(&classify_int(&int)),
            PyNode::Float(x) => Ok(JsValue::from_f64(x)),
            PyNode::Str(s) => Ok(str_to_js(&s)),
            PyNode::Js(value) => Ok(value),
            PyNode::List(items) | PyNode::Tuple(items) => self.nested(|me| me.array(id, &items)),
            PyNode::Dict(entries) => self.nested(|me| me.object(id, &entries)),
            other @ PyNode::Other { .. } => Err(unsupported(&other)),
        }
    }

    fn nested(&mut self, body: impl FnOnce(&mut Self) -> Result<JsValue, Error>) -> Result<JsValue, Error> {
        if self.nesting >= self.options.max_nesting {
            return Err(too_deep(self.options.max_nesting));
        }
        self.nesting += 1;
        let result = body(self);
        self.nesting -= 1;
        result
    }

    fn array(&mut self, id: NodeId, items: &[NodeId]) -> Result<JsValue, Error> {
        let len = u32::try_from(items.len()).map_err(|_| {
            Error::value_error(
                "list",
                "JavaScript",
                "to_js: a JavaScript array holds at most 2^32-1 items",
            )
        })?;
        let array = Array::new_with_length(len);
        // Registered before the items, so a cycle back to this list finds it.
        self.memo.insert(id, array.clone().into());
        for (index, item) in (0..len).zip(items) {
            let value = self.convert(*item)?;
            array.set(index, value);
        }
        Ok(array.into())
    }

    fn object(&mut self, id: NodeId, entries: &[(NodeId, NodeId)]) -> Result<JsValue, Error> {
        let object = Object::new();
        self.memo.insert(id, object.clone().into());
        let mut seen: HashMap<String, KeyText> = HashMap::with_capacity(entries.len());
        for (key_id, value_id) in entries {
            let key = key_text(&self.graph.node(*key_id)?)?;
            if let Some(first) = seen.get(&key.text) {
                return Err(collision(first, &key));
            }
            let value = self.convert(*value_id)?;
            Reflect::set(&object, &JsValue::from_str(&key.text), &value).map_err(Error::from)?;
            seen.insert(key.text.clone(), key);
        }
        Ok(object.into())
    }
}

fn int_to_js(int: &JsInt) -> Result<JsValue, Error> {
    match int {
        // Exact: |n| <= 2^53-1 is representable.
        JsInt::Number(n) => Ok(JsValue::from_f64(*n as f64)),
        JsInt::BigInt { negative, hex } => {
            let text = format!("{}0x{hex}", if *negative { "-" } else { "" });
            big_int_from_text(&text)
        }
    }
}

/// `BigInt("-0x..")` is a SyntaxError in JS, so the sign is applied after parsing.
fn big_int_from_text(text: &str) -> Result<JsValue, Error> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let magnitude = js_sys::BigInt::new(&JsValue::from_str(digits)).map_err(|e| Error::from(JsValue::from(e)))?;
    Ok(if negative {
        (-&magnitude).into()
    } else {
        magnitude.into()
    })
}

fn str_to_js(s: &PyStr) -> JsValue {
    match s {
        PyStr::Utf8(text) => JsValue::from_str(text),
        PyStr::Utf16(units) => {
            // from_char_code takes the units as they are, lone surrogates included.
            let mut out = JsString::from("");
            for chunk in units.chunks(4096) {
                out = out.concat(&JsString::from_char_code(chunk));
            }
            out.into()
        }
    }
}

fn unsupported(node: &PyNode) -> Error {
    let type_name = node_type_name(node);
    Error::type_error(
        type_name.clone(),
        "JavaScript",
        format!(
            "to_js: cannot convert a value of type '{type_name}'; supported are None, bool, int, float, str, \
             list, tuple, dict and JS values (convert it to one of those first)"
        ),
    )
}
