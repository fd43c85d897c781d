//! JS → Python: the canonical `to_py` engine.
//!
//! The walk (iterative, over the JS value) writes one JSON document `[value, fixups]`
//! that the Python shim loads with the C `json.loads`; a fixup `[path, kind, payload]`
//! puts at `path` what JSON cannot say: a `bytes`, `set` or Map-made `dict`, NaN and the
//! infinities, a JS object kept as a JS value, a second reference to an object already
//! converted (identity and cycles), and floats on interpreters whose float parser is not
//! exact (MicroPython). Paths index the document itself, so a fixup can reach into
//! another fixup's payload. `python/pyscript/ffi.py` applies them (docs/conversions.md).

use js_sys::{Array, ArrayBuffer, JsString, Map, Object, Reflect, Set, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::convert::number::MAX_SAFE_INTEGER;
use crate::convert::options::MAX_NESTING;
use crate::error::{Error, ErrorKind};
use crate::proxy::ledger::Ledger;

/// Fixup kinds; the numbers are the contract with the Python shim.
pub mod fixup {
    /// `refs[payload]`: a JS value kept as is.
    pub const JS: u32 = 0;
    /// The object already at path `payload`.
    pub const REF: u32 = 1;
    /// A dict from the `[key, value]` pairs of `payload`.
    pub const MAP: u32 = 2;
    /// A set of the items of `payload`.
    pub const SET: u32 = 3;
    /// `bytes.fromhex(payload)`.
    pub const BYTES: u32 = 4;
    /// `float(payload)`: "nan", "inf", "-inf".
    pub const FLOAT: u32 = 5;
    /// `int(payload, 16)`: an int too long for a decimal literal.
    pub const HEXINT: u32 = 6;
    /// `floats[payload]`: an exact float from the document's float table.
    pub const FLOATBITS: u32 = 7;
    /// `refs[payload]`: the interpreter's proxy behind an ffi proxy, which Python receives
    /// as the Python object itself.
    pub const PYTHON: u32 = 8;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToPyOptions {
    /// Levels to convert; containers below stay JS values. `None`: all.
    pub depth: Option<usize>,
    pub max_nesting: usize,
    /// Write floats as JSON literals (CPython parses them exactly); otherwise send their
    /// bits in the float table.
    pub inline_floats: bool,
}

impl ToPyOptions {
    pub fn new(inline_floats: bool) -> Self {
        ToPyOptions {
            depth: None,
            max_nesting: MAX_NESTING,
            inline_floats,
        }
    }
}

/// The document, the JS values it refers to, and the float table (little-endian f64
/// bytes as hex).
#[derive(Debug)]
pub struct PyDocument {
    pub json: String,
    pub refs: Array,
    pub floats_hex: String,
}

#[derive(Debug, Clone)]
enum Step {
    Index(u32),
    Key(String),
}

struct Fixup {
    path: Vec<Step>,
    kind: u32,
    payload: String,
}

enum Frame {
    Array {
        array: Array,
        next: u32,
    },
    Object {
        object: JsValue,
        keys: Array,
        next: u32,
    },
    /// A Map's `[key, value]` pairs or a Set's items, written into fixup `sink`'s payload.
    Payload {
        items: Array,
        next: u32,
        pairs: bool,
        value_open: bool,
        saved_sink: usize,
        saved_path: Vec<Step>,
    },
}

/// Python's `json.loads` reads ints of any size, but CPython limits decimal conversion
/// to 4300 digits; longer ones go as hex.
const MAX_DECIMAL_DIGITS: usize = 4000;

pub fn to_py(value: &JsValue, options: &ToPyOptions) -> Result<PyDocument, Error> {
    let mut walk = Walk {
        options,
        main: String::new(),
        fixups: Vec::new(),
        sink: 0,
        path: vec![Step::Index(0)],
        seen: Map::new(),
        locations: Vec::new(),
        refs: Array::new(),
        ref_ids: Map::new(),
        floats: Vec::new(),
        object_prototype: Object::get_prototype_of(&Object::new().into()).into(),
    };
    walk.run(value)?;
    let mut json = String::with_capacity(walk.main.len() + 16);
    json.push('[');
    json.push_str(if walk.main.is_empty() { "null" } else { &walk.main });
    json.push_str(",[");
    for (i, f) in walk.fixups.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push('[');
        write_path(&mut json, &f.path);
        json.push(',');
        json.push_str(&f.kind.to_string());
        json.push(',');
        json.push_str(&f.payload);
        json.push(']');
    }
    json.push_str("]]");
    let mut floats_hex = String::with_capacity(walk.floats.len() * 16);
    for x in &walk.floats {
        for byte in x.to_le_bytes() {
            floats_hex.push_str(&format!("{byte:02x}"));
        }
    }
    Ok(PyDocument {
        json,
        refs: walk.refs,
        floats_hex,
    })
}

struct Walk<'a> {
    options: &'a ToPyOptions,
    main: String,
    fixups: Vec<Fixup>,
    /// 0: the main value; k + 1: the payload of fixup k.
    sink: usize,
    path: Vec<Step>,
    /// JS object → index into `locations` (where it was first written).
    seen: Map,
    locations: Vec<Vec<Step>>,
    refs: Array,
    ref_ids: Map,
    floats: Vec<f64>,
    object_prototype: JsValue,
}

impl Walk<'_> {
    fn out(&mut self) -> &mut String {
        match self.sink.checked_sub(1).and_then(|k| self.fixups.get_mut(k)) {
            Some(f) => &mut f.payload,
            None => &mut self.main,
        }
    }

    /// Put `null` here and record what Python puts in its place.
    fn fixup(&mut self, kind: u32, payload: String) -> usize {
        self.out().push_str("null");
        self.fixups.push(Fixup {
            path: self.path.clone(),
            kind,
            payload,
        });
        self.fixups.len() - 1
    }

    /// A value that stays as it is: a JS value, or for an ffi proxy the Python object it
    /// stands for.
    fn js_ref(&mut self, value: &JsValue) {
        let (value, kind) = match Ledger::target_of(value) {
            Some(target) => (target, fixup::PYTHON),
            None => (value.clone(), fixup::JS),
        };
        let index = match self.ref_ids.get(&value).as_f64() {
            Some(i) => i as u32,
            None => {
                let i = self.refs.push(&value) - 1;
                self.ref_ids.set(&value, &JsValue::from(i));
                i
            }
        };
        self.fixup(kind, index.to_string());
    }

    fn run(&mut self, root: &JsValue) -> Result<(), Error> {
        let mut stack: Vec<Frame> = Vec::new();
        self.visit(root, &mut stack)?;
        while let Some(frame) = stack.last_mut() {
            match frame {
                Frame::Array { array, next } => {
                    let i = *next;
                    if i >= array.length() {
                        self.close(&mut stack, ']');
                        continue;
                    }
                    *next += 1;
                    let item = array.get(i);
                    self.child(Step::Index(i), i > 0);
                    self.visit(&item, &mut stack)?;
                }
                Frame::Object { object, keys, next } => {
                    let i = *next;
                    if i >= keys.length() {
                        self.close(&mut stack, '}');
                        continue;
                    }
                    *next += 1;
                    let key = keys.get(i);
                    let value = Reflect::get(object, &key).map_err(|e| js_error("reading a property", e))?;
                    let key = key.as_string().unwrap_or_default();
                    if i > 0 {
                        self.out().push(',');
                    }
                    write_str(self.out(), &key);
                    self.out().push(':');
                    self.path.pop();
                    self.path.push(Step::Key(key));
                    self.visit(&value, &mut stack)?;
                }
                Frame::Payload {
                    items,
                    next,
                    pairs,
                    value_open,
                    saved_sink,
                    saved_path,
                } => {
                    if *value_open {
                        // The pair's value was written: close the pair.
                        *value_open = false;
                        self.path.pop();
                        self.path.pop();
                        self.out().push(']');
                        continue;
                    }
                    let i = *next;
                    if i >= items.length() {
                        let (sink, path) = (*saved_sink, std::mem::take(saved_path));
                        stack.pop();
                        self.out().push(']');
                        self.sink = sink;
                        self.path = path;
                        continue;
                    }
                    *next += 1;
                    let item = items.get(i);
                    if i > 0 {
                        self.out().push(',');
                    }
                    if *pairs {
                        let pair: Array = item.unchecked_into();
                        *value_open = true;
                        self.out().push('[');
                        self.path.push(Step::Index(i));
                        self.path.push(Step::Index(0));
                        self.key_like(&pair.get(0), true)?;
                        self.out().push(',');
                        self.path.pop();
                        self.path.push(Step::Index(1));
                        let value = pair.get(1);
                        self.visit(&value, &mut stack)?;
                    } else {
                        self.path.push(Step::Index(i));
                        self.key_like(&item, false)?;
                        self.path.pop();
                    }
                }
            }
        }
        Ok(())
    }

    /// End the innermost array or object.
    fn close(&mut self, stack: &mut Vec<Frame>, bracket: char) {
        stack.pop();
        self.path.pop();
        self.out().push(bracket);
    }

    /// Move the path to the next child of the innermost container.
    fn child(&mut self, step: Step, comma: bool) {
        if comma {
            self.out().push(',');
        }
        self.path.pop();
        self.path.push(step);
    }

    /// Set items and Map keys become dict keys and set items, which Python requires to
    /// be hashable: JS objects (and symbols) are not, on every interpreter.
    fn key_like(&mut self, value: &JsValue, map: bool) -> Result<(), Error> {
        let hashable = value.is_undefined()
            || value.is_null()
            || value.as_bool().is_some()
            || value.as_f64().is_some()
            || value.is_bigint()
            || value.is_string();
        if hashable {
            return self.scalar(value);
        }
        let what = js_type_name(value);
        let (container, role) = if map { ("Map", "key") } else { ("Set", "item") };
        Err(Error::type_error(
            what.clone(),
            "Python",
            format!(
                "to_py: a JavaScript {container} {role} is {what}, which cannot be a Python dict key or set item \
                 (they must be hashable); pass depth= to keep the {container} a JS value, or convert it yourself"
            ),
        ))
    }

    fn scalar(&mut self, value: &JsValue) -> Result<(), Error> {
        if value.is_undefined() || value.is_null() {
            self.out().push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.out().push_str(if b { "true" } else { "false" });
        } else if let Some(x) = value.as_f64() {
            self.number(x);
        } else if value.is_bigint() {
            let big: js_sys::BigInt = value.clone().unchecked_into();
            let text = String::from(big.to_string(10).map_err(|e| js_error("reading a BigInt", e.into()))?);
            if text.len() > MAX_DECIMAL_DIGITS {
                let hex = String::from(big.to_string(16).map_err(|e| js_error("reading a BigInt", e.into()))?);
                self.fixup(fixup::HEXINT, quoted(&hex));
            } else {
                self.out().push_str(&text);
            }
        } else if value.is_string() {
            let s: &JsString = value.unchecked_ref();
            if !s.is_valid_utf16() {
                return Err(Error::value_error(
                    "str",
                    "Python",
                    "to_py: a JavaScript string holds a lone surrogate, which a Python str cannot hold on every \
                     interpreter; repair it in JavaScript (String.prototype.toWellFormed) first",
                ));
            }
            let text = value.as_string().unwrap_or_default();
            write_str(self.out(), &text);
        } else {
            // Symbols and other primitives stay JS values.
            self.js_ref(value);
        }
        Ok(())
    }

    fn number(&mut self, x: f64) {
        if x.is_nan() {
            self.fixup(fixup::FLOAT, "\"nan\"".to_owned());
        } else if x.is_infinite() {
            self.fixup(fixup::FLOAT, if x > 0.0 { "\"inf\"" } else { "\"-inf\"" }.to_owned());
        } else if x == 0.0 && x.is_sign_negative() {
            self.out().push_str("-0.0");
        } else if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER as f64 {
            let text = (x as i64).to_string();
            self.out().push_str(&text);
        } else if self.options.inline_floats {
            // Debug keeps a '.' or an exponent, so Python reads a float back.
            let text = format!("{x:?}");
            self.out().push_str(&text);
        } else {
            let index = self.floats.len();
            self.floats.push(x);
            self.fixup(fixup::FLOATBITS, index.to_string());
        }
    }

    fn visit(&mut self, value: &JsValue, stack: &mut Vec<Frame>) -> Result<(), Error> {
        if !(value.is_object() || value.is_function()) {
            return self.scalar(value);
        }
        // A JS object met again is the same Python object again (shared, cyclic).
        if let Some(location) = self.seen.get(value).as_f64() {
            let target = self.locations.get(location as usize).cloned().unwrap_or_default();
            let mut payload = String::new();
            write_path(&mut payload, &target);
            self.fixup(fixup::REF, payload);
            return Ok(());
        }
        let nested = stack.len();
        if self.options.depth.is_some_and(|d| nested >= d) || value.is_function() {
            self.js_ref(value);
            return Ok(());
        }
        let kind = self.classify(value);
        if kind == Kind::Other {
            self.js_ref(value);
            return Ok(());
        }
        if nested >= self.options.max_nesting {
            return Err(Error::new(
                ErrorKind::Recursion,
                "Object",
                "Python",
                format!(
                    "to_py: the value nests deeper than {} levels; pass depth= to keep deeper levels as JS objects",
                    self.options.max_nesting
                ),
            ));
        }
        self.seen.set(value, &JsValue::from(self.locations.len() as u32));
        self.locations.push(self.path.clone());
        match kind {
            Kind::Array => {
                self.out().push('[');
                self.path.push(Step::Index(0));
                stack.push(Frame::Array {
                    array: value.clone().unchecked_into(),
                    next: 0,
                });
            }
            Kind::Plain => {
                let object: &Object = value.unchecked_ref();
                let keys = Object::keys(object);
                self.out().push('{');
                self.path.push(Step::Index(0));
                stack.push(Frame::Object {
                    object: value.clone(),
                    keys,
                    next: 0,
                });
            }
            Kind::Map | Kind::Set => {
                let items = Array::from(value);
                let (code, pairs) = if kind == Kind::Map {
                    (fixup::MAP, true)
                } else {
                    (fixup::SET, false)
                };
                let index = self.fixup(code, String::from("["));
                let saved_path = std::mem::replace(
                    &mut self.path,
                    vec![Step::Index(1), Step::Index(index as u32), Step::Index(2)],
                );
                let saved_sink = std::mem::replace(&mut self.sink, index + 1);
                stack.push(Frame::Payload {
                    items,
                    next: 0,
                    pairs,
                    value_open: false,
                    saved_sink,
                    saved_path,
                });
            }
            Kind::Bytes => {
                let bytes = if value.is_instance_of::<ArrayBuffer>() {
                    Uint8Array::new(value).to_vec()
                } else {
                    value.unchecked_ref::<Uint8Array>().to_vec()
                };
                let mut hex = String::with_capacity(bytes.len() * 2 + 2);
                hex.push('"');
                for byte in bytes {
                    hex.push_str(&format!("{byte:02x}"));
                }
                hex.push('"');
                self.fixup(fixup::BYTES, hex);
            }
            Kind::Other => {}
        }
        Ok(())
    }

    fn classify(&self, value: &JsValue) -> Kind {
        if Array::is_array(value) {
            return Kind::Array;
        }
        if value.is_instance_of::<Map>() {
            return Kind::Map;
        }
        if value.is_instance_of::<Set>() {
            return Kind::Set;
        }
        if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<ArrayBuffer>() {
            return Kind::Bytes;
        }
        let proto: JsValue = Object::get_prototype_of(value).into();
        if proto.is_null() || proto == self.object_prototype {
            Kind::Plain
        } else {
            Kind::Other
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Array,
    Plain,
    Map,
    Set,
    Bytes,
    Other,
}

/// "an object (Date)", "a function", "a symbol": for messages.
pub(crate) fn js_type_name(value: &JsValue) -> String {
    if value.is_function() {
        return "a function".to_owned();
    }
    if value.is_symbol() {
        return "a symbol".to_owned();
    }
    let proto: JsValue = Object::get_prototype_of(value).into();
    let ctor = Reflect::get(&proto, &JsValue::from_str("constructor"))
        .ok()
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Object".to_owned());
    format!("an object ({ctor})")
}

fn js_error(doing: &str, error: JsValue) -> Error {
    let inner = Error::from(error);
    Error::value_error(inner.from, "Python", format!("to_py: {doing}: {}", inner.message))
}

fn quoted(text: &str) -> String {
    let mut out = String::new();
    write_str(&mut out, text);
    out
}

fn write_path(out: &mut String, path: &[Step]) {
    out.push('[');
    for (i, step) in path.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match step {
            Step::Index(n) => out.push_str(&n.to_string()),
            Step::Key(k) => write_str(out, k),
        }
    }
    out.push(']');
}

/// A JSON string literal. Non-ASCII is written as UTF-8, never as `\u` escapes:
/// MicroPython's `json.loads` does not join escaped surrogate pairs.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_only_what_json_requires() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\n\u{0}é😀");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0000é😀\"");
    }

    #[test]
    fn paths_mix_indices_and_keys() {
        let mut out = String::new();
        write_path(&mut out, &[Step::Index(0), Step::Key("k".into()), Step::Index(3)]);
        assert_eq!(out, "[0,\"k\",3]");
    }
}
