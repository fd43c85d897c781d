//! Python → JS: the canonical `to_js` engine. Adapters supply the graph; this file owns
//! every rule (docs/conversions.md). The output is a [`Tape`] that JS runs in one pass.

use std::borrow::Cow;
use std::collections::HashMap;

use wasm_bindgen::JsValue;

use crate::convert::keys::{collision, key_text, node_type_name, KeyName, KeyText};
use crate::convert::number::{classify_int, JsInt};
use crate::convert::options::{ToJsOptions, MAX_CONVERTER_CHAIN};
use crate::convert::tape::{op, Container, Tape};
use crate::error::{Error, ErrorKind};
use crate::interpreter::{NodeId, PyBytes, PyGraph, PyNode, PyStr};

/// Convert the graph's root to a JS value.
pub fn to_js(graph: &dyn PyGraph, options: &ToJsOptions) -> Result<JsValue, Error> {
    let mut converter = Converter {
        graph,
        options,
        tape: Tape::new(graph.dense_ids()),
        converting: Vec::new(),
    };
    converter.run(graph.root())?;
    let dict_converter: JsValue = options.dict_converter.clone().map_or(JsValue::UNDEFINED, JsValue::from);
    converter.tape.run(&dict_converter).map_err(|thrown| {
        let inner = Error::from(thrown);
        Error::value_error(
            inner.from,
            "JavaScript",
            format!("to_js: dict_converter raised: {}", inner.message),
        )
    })
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
    /// Dicts open for the dict converter: their JS value exists only once it returns.
    converting: Vec<NodeId>,
}

/// An open container being filled: the walk is iterative, so no input depth can reach
/// the machine stack (on wasm32 an overflow corrupts memory instead of trapping).
enum Frame<'g> {
    Items {
        items: Cow<'g, [NodeId]>,
        next: usize,
    },
    /// `checked`: the keys' property names were checked for collisions (done once, when
    /// a key that is not a `str` shows up; distinct `str` keys cannot collide).
    Entries {
        entries: Cow<'g, [(NodeId, NodeId)]>,
        next: usize,
        checked: bool,
    },
    /// `[key, value]` pairs for the dict converter, one step at a time: the key and the
    /// value may each be a container that must close before the next part starts.
    Pairs {
        entries: Cow<'g, [(NodeId, NodeId)]>,
        next: usize,
        part: PairPart,
    },
}

#[derive(Clone, Copy)]
enum PairPart {
    Key,
    Value,
    End,
}

enum Step {
    Value(NodeId),
    Entry(NodeId, NodeId),
    PairKey(NodeId),
    ClosePair,
    Close,
}

impl<'a> Converter<'a> {
    fn run(&mut self, root: NodeId) -> Result<(), Error> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        self.visit(root, &mut stack)?;
        loop {
            let step = match stack.last_mut() {
                None => return Ok(()),
                Some(Frame::Items { items, next }) => match items.get(*next) {
                    Some(item) => {
                        *next += 1;
                        Step::Value(*item)
                    }
                    None => Step::Close,
                },
                Some(Frame::Entries { entries, next, .. }) => match entries.get(*next) {
                    Some((key, value)) => {
                        *next += 1;
                        Step::Entry(*key, *value)
                    }
                    None => Step::Close,
                },
                Some(Frame::Pairs { entries, next, part }) => match (*part, entries.get(*next)) {
                    (_, None) => Step::Close,
                    (PairPart::Key, Some((key, _))) => {
                        *part = PairPart::Value;
                        Step::PairKey(*key)
                    }
                    (PairPart::Value, Some((_, value))) => {
                        *part = PairPart::End;
                        Step::Value(*value)
                    }
                    (PairPart::End, Some(_)) => {
                        *part = PairPart::Key;
                        *next += 1;
                        Step::ClosePair
                    }
                },
            };
            match step {
                Step::Value(item) => self.visit(item, &mut stack)?,
                Step::Entry(key, value) => {
                    if let Some(Frame::Entries { entries, checked, .. }) = stack.last_mut() {
                        self.key(key, entries, checked)?;
                    }
                    self.visit(value, &mut stack)?;
                }
                Step::PairKey(key) => {
                    // Keys are converted like values; the converter decides what they become.
                    self.tape.open_unshared(Container::Array);
                    self.visit(key, &mut stack)?;
                }
                Step::ClosePair => self.tape.close(),
                Step::Close => {
                    if let Some(Frame::Pairs { .. }) = stack.pop() {
                        self.converting.pop();
                    }
                    self.tape.close();
                }
            }
        }
    }

    /// Emit a value, or open a container and push its frame.
    fn visit(&mut self, id: NodeId, stack: &mut Vec<Frame<'a>>) -> Result<(), Error> {
        let graph = self.graph;
        match graph.node(id)? {
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
            PyNode::Bytes(PyBytes::Slice(data)) => self.tape.bytes(&data),
            PyNode::Bytes(PyBytes::Js(value)) => self.tape.js(value),
            PyNode::Dict(_) if self.converting.contains(&id) => return Err(converter_cycle()),
            // A container met before is the same JS object again (shared or cyclic).
            PyNode::List(_) | PyNode::Dict(_) | PyNode::Set(_) if self.tape.reference(id) => {}
            PyNode::List(items) => {
                self.open(id, Container::Array, stack.len())?;
                stack.push(Frame::Items { items, next: 0 });
            }
            PyNode::Tuple(items) => {
                self.open_unshared(Container::Array, stack.len())?;
                stack.push(Frame::Items { items, next: 0 });
            }
            PyNode::FrozenSet(items) => {
                self.open_unshared(Container::Set, stack.len())?;
                stack.push(Frame::Items { items, next: 0 });
            }
            PyNode::Set(items) => {
                self.open(id, Container::Set, stack.len())?;
                stack.push(Frame::Items { items, next: 0 });
            }
            PyNode::Dict(entries) if self.options.dict_converter.is_some() => {
                self.open(id, Container::Converted, stack.len())?;
                self.converting.push(id);
                stack.push(Frame::Pairs {
                    entries,
                    next: 0,
                    part: PairPart::Key,
                });
            }
            PyNode::Dict(entries) => {
                self.open(id, Container::Object, stack.len())?;
                stack.push(Frame::Entries {
                    entries,
                    next: 0,
                    checked: false,
                });
            }
            other @ PyNode::Other { .. } => return Err(unsupported(&other)),
        }
        Ok(())
    }

    fn open(&mut self, id: NodeId, kind: Container, depth: usize) -> Result<(), Error> {
        self.check_depth(depth)?;
        self.tape.open(id, kind);
        Ok(())
    }

    fn open_unshared(&mut self, kind: Container, depth: usize) -> Result<(), Error> {
        self.check_depth(depth)?;
        self.tape.open_unshared(kind);
        Ok(())
    }

    fn check_depth(&self, depth: usize) -> Result<(), Error> {
        if depth >= self.options.max_nesting {
            return Err(too_deep(self.options.max_nesting));
        }
        Ok(())
    }

    fn string(&mut self, s: PyStr<'_>) {
        match s {
            PyStr::Utf8(text) => self.tape.string(&text),
            PyStr::Js(value) => self.tape.js(value),
            PyStr::Utf16(units) => self.tape.js(utf16_to_js(&units)),
        }
    }

    /// Select the property name for the next value. A key already defined in this tape
    /// (the same key object in another dict) is not read again.
    fn key(&mut self, key_id: NodeId, entries: &[(NodeId, NodeId)], checked: &mut bool) -> Result<(), Error> {
        if let Some((id, is_str)) = self.tape.known_key(key_id) {
            if !is_str {
                self.check_keys_once(entries, checked)?;
            }
            self.tape.select_key(id);
            return Ok(());
        }
        let id = match self.graph.node(key_id)? {
            PyNode::Str(s) => self.tape.define_key(key_id, true, |tape| match s {
                PyStr::Utf8(text) => tape.define_key_text(&text),
                PyStr::Js(value) => tape.define_key_js(value),
                PyStr::Utf16(units) => tape.define_key_js(utf16_to_js(&units)),
            }),
            other => {
                self.check_keys_once(entries, checked)?;
                let text = key_text(&other)?.text;
                self.tape.define_key(key_id, false, |tape| tape.define_key_text(&text))
            }
        };
        self.tape.select_key(id);
        Ok(())
    }

    /// A key that is not a `str` can collide with another: the dict's keys are checked,
    /// once per dict (distinct `str` keys alone never collide).
    fn check_keys_once(&self, entries: &[(NodeId, NodeId)], checked: &mut bool) -> Result<(), Error> {
        if !*checked {
            self.check_keys(entries)?;
            *checked = true;
        }
        Ok(())
    }

    /// Every key's property name, checked for collisions (`TypeError` for a key with
    /// no name, `ValueError` for two keys with one).
    fn check_keys(&self, entries: &[(NodeId, NodeId)]) -> Result<(), Error> {
        let mut names: HashMap<KeyName, KeyText> = HashMap::with_capacity(entries.len());
        for (key_id, _) in entries {
            let key = key_text(&self.graph.node(*key_id)?)?;
            if let Some(first) = names.get(&key.name) {
                return Err(collision(first, &key));
            }
            names.insert(key.name.clone(), key);
        }
        Ok(())
    }
}

fn converter_cycle() -> Error {
    Error::value_error(
        "dict",
        "JavaScript",
        "to_js: a dict contains itself (through its values) and dict_converter is set: its JS value does not \
         exist until the converter returns, so the cycle cannot be built; break the cycle or drop dict_converter",
    )
}

fn utf16_to_js(units: &[u16]) -> JsValue {
    // from_char_code takes the units as they are, lone surrogates included.
    let mut out = js_sys::JsString::from("");
    for chunk in units.chunks(4096) {
        out = out.concat(&js_sys::JsString::from_char_code(chunk));
    }
    out.into()
}

/// `default_converter` returned, for an object, that object itself or data containing it.
pub fn default_converter_cycle(type_name: &str) -> Error {
    Error::value_error(
        type_name,
        "JavaScript",
        format!(
            "to_js: default_converter returned, for a {type_name}, that object itself or data containing it; its JS \
             value cannot contain itself before it exists: return a JS value, or data without it"
        ),
    )
}

/// `default_converter` (or `eager_converter`, or their `convert()`) kept producing values
/// that need converting again.
pub fn default_converter_runaway() -> Error {
    Error::new(
        ErrorKind::Recursion,
        "object",
        "JavaScript",
        format!(
            "to_js: converters nest {MAX_CONVERTER_CHAIN} levels deep (default_converter results inside results, or \
             eager_converter and convert() calls inside one another): a converter that never returns a JS value \
             or plain data (None, bool, int, float, str, list, dict, ...), or eager_converter on data nested that \
             deep"
        ),
    )
}

fn unsupported(node: &PyNode<'_>) -> Error {
    let type_name = node_type_name(node);
    Error::type_error(
        type_name.clone(),
        "JavaScript",
        format!(
            "to_js: cannot convert a value of type '{type_name}'; supported are None, bool, int, float, str, \
             bytes, list, tuple, dict, set, callables (as proxies) and JS values; convert it first, or pass \
             to_js a default_converter"
        ),
    )
}
