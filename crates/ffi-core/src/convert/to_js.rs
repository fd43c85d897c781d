//! Python → JS: the canonical `to_js` engine. Adapters supply the graph; this file owns
//! every rule (docs/conversions.md). The output is a [`Tape`] that JS runs in one pass.

use std::collections::HashMap;

use wasm_bindgen::JsValue;

use crate::convert::keys::{collision, key_text, node_type_name, KeyText};
use crate::convert::number::{classify_int, JsInt};
use crate::convert::options::ToJsOptions;
use crate::convert::tape::{op, Tape};
use crate::error::{Error, ErrorKind};
use crate::interpreter::{NodeId, PyGraph, PyNode, PyStr};

/// Convert the graph's root to a JS value.
pub fn to_js(graph: &dyn PyGraph, options: &ToJsOptions) -> Result<JsValue, Error> {
    let mut converter = Converter {
        graph,
        options,
        tape: Tape::new(graph.dense_ids()),
        nesting: 0,
    };
    converter.convert(graph.root())?;
    Ok(converter.tape.run())
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
    tape: Tape,
    nesting: usize,
}

impl Converter<'_> {
    fn convert(&mut self, id: NodeId) -> Result<(), Error> {
        match self.graph.node(id)? {
            PyNode::None | PyNode::Null => self.tape.simple(op::NULL),
            PyNode::Undefined => self.tape.simple(op::UNDEFINED),
            PyNode::Bool(b) => self.tape.simple(if b { op::TRUE } else { op::FALSE }),
            PyNode::Int(int) => match classify_int(&int) {
                // Exact: |n| <= 2^53-1 is representable.
                JsInt::Number(n) => self.tape.number(n as f64),
                JsInt::BigInt { negative, hex } => self.tape.bigint(negative, &hex),
            },
            PyNode::Float(x) => self.tape.number(x),
            PyNode::Str(s) => self.string(s),
            PyNode::Js(value) => self.tape.js(value),
            // A container met before is the same JS object again (shared or cyclic).
            PyNode::List(_) | PyNode::Tuple(_) | PyNode::Dict(_) if self.tape.reference(id) => {}
            PyNode::List(items) | PyNode::Tuple(items) => {
                self.enter()?;
                self.tape.open(id, true);
                for item in items.iter() {
                    self.convert(*item)?;
                }
                self.tape.close();
                self.nesting -= 1;
            }
            PyNode::Dict(entries) => {
                self.enter()?;
                self.tape.open(id, false);
                self.entries(&entries)?;
                self.tape.close();
                self.nesting -= 1;
            }
            other @ PyNode::Other { .. } => return Err(unsupported(&other)),
        }
        Ok(())
    }

    fn enter(&mut self) -> Result<(), Error> {
        if self.nesting >= self.options.max_nesting {
            return Err(too_deep(self.options.max_nesting));
        }
        self.nesting += 1;
        Ok(())
    }

    fn string(&mut self, s: PyStr<'_>) {
        match s {
            PyStr::Utf8(text) => self.tape.string(&text),
            PyStr::Js(value) => self.tape.js(value),
            PyStr::Utf16(units) => self.tape.js(utf16_to_js(&units)),
        }
    }

    fn entries(&mut self, entries: &[(NodeId, NodeId)]) -> Result<(), Error> {
        // Distinct str keys cannot collide; only a dict with other key types needs the
        // name check (and the key texts it takes).
        let mut names: Option<HashMap<String, KeyText>> = None;
        for (key_id, value_id) in entries {
            let key = self.graph.node(*key_id)?;
            if names.is_none() && !matches!(key, PyNode::Str(_)) {
                names = Some(self.key_names(entries)?);
            }
            match key {
                PyNode::Str(s) => self.tape.key(*key_id, |tape| match s {
                    PyStr::Utf8(text) => tape.define_key_text(&text),
                    PyStr::Js(value) => tape.define_key_js(value),
                    PyStr::Utf16(units) => tape.define_key_js(utf16_to_js(&units)),
                }),
                other => {
                    let text = key_text(&other)?.text;
                    self.tape.key(*key_id, |tape| tape.define_key_text(&text));
                }
            }
            self.convert(*value_id)?;
        }
        Ok(())
    }

    /// Every key's property name; a `ValueError` when two keys share one.
    fn key_names(&self, entries: &[(NodeId, NodeId)]) -> Result<HashMap<String, KeyText>, Error> {
        let mut names: HashMap<String, KeyText> = HashMap::with_capacity(entries.len());
        for (key_id, _) in entries {
            let key = key_text(&self.graph.node(*key_id)?)?;
            if let Some(first) = names.get(&key.text) {
                return Err(collision(first, &key));
            }
            names.insert(key.text.clone(), key);
        }
        Ok(names)
    }
}

fn utf16_to_js(units: &[u16]) -> JsValue {
    // from_char_code takes the units as they are, lone surrogates included.
    let mut out = js_sys::JsString::from("");
    for chunk in units.chunks(4096) {
        out = out.concat(&js_sys::JsString::from_char_code(chunk));
    }
    out.into()
}

fn unsupported(node: &PyNode<'_>) -> Error {
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
