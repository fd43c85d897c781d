//! JS → Python: the canonical `to_py` engine.
//!
//! The walk (iterative, over the JS value) writes one JSON document `[value, fixups]`
//! that the Python shim loads with the C `json.loads`; a fixup `[path, kind, payload]`
//! puts at `path` what JSON cannot say: a `bytes`, `set` or Map-made `dict`, NaN and the
//! infinities, a JS object kept as a JS value, a second reference to an object already
//! converted (identity and cycles), and floats on interpreters whose float parser is not
//! exact (MicroPython), and long strings on interpreters whose JSON parser is slow on
//! them (MicroPython's is quadratic). Paths index the document itself, so a fixup can
//! reach into another fixup's payload. `python/pyscript/_ffi/to_py.py` applies them
//! (docs/conversions.md).
//!
//! Every read of the input goes through [`crate::js`] (a throwing getter or Proxy trap
//! is an error here, never an unwinding throw), lengths are read once, and the work is
//! bounded ([`MAX_ITEMS`], [`MAX_SIZE`]), so no input can hang or exhaust the walk.

use js_sys::{Array, ArrayBuffer, JsString, Map, Object, Set, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::convert::number::MAX_SAFE_INTEGER;
use crate::convert::options::MAX_NESTING;
use crate::error::{Error, ErrorKind};
use crate::js;
use crate::proxy::ledger::Ledger;

/// Strings of at least this many UTF-16 units go beside the document ([`fixup::STRING`]).
pub const LONG_STRING: u32 = 1024;

/// The most items one Array, Map, Set or object (keys), or bytes one Uint8Array, may have.
pub const MAX_ITEMS: u32 = 1 << 26;
/// The most one conversion may produce, in units of one per value plus the UTF-8 length of
/// every string and key and the length of every bytes value (the same count on every
/// interpreter, whatever route the values take).
pub const MAX_SIZE: usize = 1 << 28;

/// Fixup kinds; the numbers are the contract with the Python shim, `python/pyscript/_ffi/to_py.py`
/// has their copy (crate::contract checks it).
pub mod fixup {
    crate::contract! {
        /// `refs[payload]`: a JS value kept as is.
        JS = 0;
        /// The object already at path `payload`.
        REF = 1;
        /// A dict from the `[key, value]` pairs of `payload`.
        MAP = 2;
        /// A set of the items of `payload`.
        SET = 3;
        /// `bytes.fromhex(payload)`.
        BYTES = 4;
        /// `float(payload)`: "nan", "inf", "-inf".
        FLOAT = 5;
        /// `int(payload, 16)`: an int too long for a decimal literal.
        HEXINT = 6;
        /// `floats[payload]`: an exact float from the document's float table.
        FLOATBITS = 7;
        /// `refs[payload]`: the interpreter's proxy behind an ffi proxy, which Python receives
        /// as the Python object itself.
        PYTHON = 8;
        /// `refs[payload]`: a long string, sent as the JS string itself.
        STRING = 9;
        /// In the Array at `path`, the items at the positions `payload[1]` (all of them when
        /// there is no `payload[1]`) are `floats[payload[0]]`, `floats[payload[0] + 1]`, ...:
        /// the floats of one Array, in one fixup (and one slice when they are all floats).
        FLOATS_AT = 10;
        /// `bytes.fromhex(refs[payload])`: long bytes, their hex beside the document (as long
        /// strings are).
        BYTES_REF = 11;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToPyOptions {
    /// Levels to convert; containers below stay JS values. `None`: all.
    pub depth: Option<usize>,
    pub max_nesting: usize,
    /// Write floats as JSON literals (CPython parses them exactly); otherwise send their
    /// bits in the float table.
    pub inline_floats: bool,
    /// Strings of at least this many UTF-16 units go as JS strings beside the document
    /// instead of inside it ([`fixup::STRING`]); `None`: every string inline.
    pub string_refs_from: Option<u32>,
}

impl ToPyOptions {
    /// For a Python whose `json.loads` parses floats exactly (CPython): floats inline. Long
    /// strings go beside the document on every interpreter: crossing as JS strings, they
    /// are never copied through the walk (and MicroPython's parser is quadratic in them).
    pub fn exact_parser() -> Self {
        ToPyOptions {
            depth: None,
            max_nesting: MAX_NESTING,
            inline_floats: true,
            string_refs_from: Some(LONG_STRING),
        }
    }

    /// For a Python whose `json.loads` rounds floats (MicroPython): floats by their bits.
    pub fn minimal_parser() -> Self {
        ToPyOptions {
            inline_floats: false,
            ..Self::exact_parser()
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
    /// `len` is read once, when the Array is met: an Array that grows while it is read
    /// (a getter that pushes) converts as it was.
    Array {
        array: JsValue,
        len: u32,
        next: u32,
        /// Positions and values of the float items, for the float table (one run per
        /// Array, added at its end: nested values add their own floats meanwhile).
        float_positions: Vec<u32>,
        float_values: Vec<f64>,
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
        size: 0,
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
        push_hex(&mut floats_hex, &x.to_le_bytes());
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
    /// What the conversion has produced so far, in [`MAX_SIZE`] units.
    size: usize,
}

impl Walk<'_> {
    fn out(&mut self) -> &mut String {
        match self.sink.checked_sub(1).and_then(|k| self.fixups.get_mut(k)) {
            Some(f) => &mut f.payload,
            None => &mut self.main,
        }
    }

    /// Count `units` towards [`MAX_SIZE`].
    fn grow(&mut self, units: usize) -> Result<(), Error> {
        self.size = self.size.saturating_add(units);
        if self.size > MAX_SIZE {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "Object",
                "Python",
                format!(
                    "to_py: the value is larger than one conversion holds (more than {MAX_SIZE} values and bytes of \
                     text); convert it in parts, or pass depth= to keep inner parts as JS values"
                ),
            ));
        }
        Ok(())
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
    /// stands for. A value whose prototype chain cannot be read (a revoked Proxy) is
    /// refused: an interpreter's own crossing of it into Python can fail uncatchably.
    fn js_ref(&mut self, value: &JsValue) -> Result<(), Error> {
        let (value, kind) = match Ledger::target_of(value) {
            Some(target) => (target, fixup::PYTHON),
            None => {
                if (value.is_object() || value.is_function()) && !js::crosses_safely(value) {
                    return Err(unreadable("to_py"));
                }
                (value.clone(), fixup::JS)
            }
        };
        let index = self.ref_index(&value);
        self.fixup(kind, index.to_string());
        Ok(())
    }

    fn ref_index(&mut self, value: &JsValue) -> u32 {
        match self.ref_ids.get(value).as_f64() {
            Some(i) => i as u32,
            None => {
                let i = self.refs.push(value) - 1;
                self.ref_ids.set(value, &JsValue::from(i));
                i
            }
        }
    }

    fn run(&mut self, root: &JsValue) -> Result<(), Error> {
        let mut stack: Vec<Frame> = Vec::new();
        self.visit(root, &mut stack)?;
        while let Some(frame) = stack.last_mut() {
            match frame {
                Frame::Array {
                    array,
                    len,
                    next,
                    float_positions,
                    float_values,
                } => {
                    let i = *next;
                    if i >= *len {
                        let positions = std::mem::take(float_positions);
                        let values = std::mem::take(float_values);
                        self.close(&mut stack, ']');
                        self.floats_at(positions, values, i);
                        continue;
                    }
                    *next += 1;
                    let item = js::item_of(array, i).map_err(|e| js_error("reading an Array item", e))?;
                    self.child(Step::Index(i), i > 0);
                    // A float item of an Array goes in the table without a fixup of its own.
                    if let Some(x) = item.as_f64().filter(|x| !self.options.inline_floats && needs_bits(*x)) {
                        self.grow(1)?;
                        self.out().push('0');
                        if let Some(Frame::Array {
                            float_positions,
                            float_values,
                            ..
                        }) = stack.last_mut()
                        {
                            float_positions.push(i);
                            float_values.push(x);
                        }
                        continue;
                    }
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
                    let value = js::property_of(object, &key).map_err(|e| js_error("reading a property", e))?;
                    let key = self.key_text(&key)?;
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
                        // Entries of the built-in iterator: always `[key, value]` Arrays.
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

    /// The one fixup for the float items of the Array just closed (`self.path` is its
    /// path again), which had `len` items.
    fn floats_at(&mut self, positions: Vec<u32>, values: Vec<f64>, len: u32) {
        if positions.is_empty() {
            return;
        }
        let first = self.floats.len();
        self.floats.extend(values);
        let mut payload = format!("[{first}");
        if positions.len() != len as usize {
            payload.push_str(",[");
            for (k, position) in positions.iter().enumerate() {
                if k > 0 {
                    payload.push(',');
                }
                payload.push_str(&position.to_string());
            }
            payload.push(']');
        }
        payload.push(']');
        self.fixups.push(Fixup {
            path: self.path.clone(),
            kind: fixup::FLOATS_AT,
            payload,
        });
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

    /// A property name as Python text: a lone surrogate is refused as in any string, so
    /// that two keys never merge into one.
    fn key_text(&mut self, key: &JsValue) -> Result<String, Error> {
        let Some(text) = key.dyn_ref::<JsString>() else {
            return Ok(String::new());
        };
        if !js::is_well_formed(text) {
            return Err(lone_surrogate("a JavaScript property name"));
        }
        let text = key.as_string().unwrap_or_default();
        self.grow(text.len())?;
        Ok(text)
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
        self.grow(1)?;
        if value.is_undefined() || value.is_null() {
            self.out().push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.out().push_str(if b { "true" } else { "false" });
        } else if let Some(x) = value.as_f64() {
            self.number(x);
        } else if value.is_bigint() {
            let big: &js_sys::BigInt = value.unchecked_ref();
            let text = String::from(big.to_string(10).map_err(|e| js_error("reading a BigInt", e.into()))?);
            self.grow(text.len())?;
            if text.len() > MAX_DECIMAL_DIGITS {
                let hex = String::from(big.to_string(16).map_err(|e| js_error("reading a BigInt", e.into()))?);
                self.fixup(fixup::HEXINT, quoted(&hex));
            } else {
                self.out().push_str(&text);
            }
        } else if let Some(s) = value.dyn_ref::<JsString>() {
            if !js::is_well_formed(s) {
                return Err(lone_surrogate("a JavaScript string"));
            }
            self.string(value, s)?;
        } else {
            // Symbols and other primitives stay JS values.
            self.js_ref(value)?;
        }
        Ok(())
    }

    fn string(&mut self, value: &JsValue, s: &JsString) -> Result<(), Error> {
        let units = s.length();
        if self.options.string_refs_from.is_some_and(|from| units >= from) {
            // Counted as its UTF-16 length: the text itself is never copied here.
            self.grow(units as usize)?;
            let index = self.ref_index(value);
            self.fixup(fixup::STRING, index.to_string());
            return Ok(());
        }
        let text = value.as_string().unwrap_or_default();
        self.grow(text.len())?;
        write_str(self.out(), &text);
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
        self.grow(1)?;
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
            return self.js_ref(value);
        }
        let kind = self.classify(value)?;
        if kind == Kind::Other {
            return self.js_ref(value);
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
                let len = array_length(value)?;
                self.out().push('[');
                self.path.push(Step::Index(0));
                stack.push(Frame::Array {
                    array: value.clone(),
                    len,
                    next: 0,
                    float_positions: Vec::new(),
                    float_values: Vec::new(),
                });
            }
            Kind::Plain => {
                let keys = js::keys_of(value).map_err(|e| js_error("listing an object's keys", e))?;
                check_count(keys.length(), "object with", "keys")?;
                self.out().push('{');
                self.path.push(Step::Index(0));
                stack.push(Frame::Object {
                    object: value.clone(),
                    keys,
                    next: 0,
                });
            }
            Kind::Map | Kind::Set => {
                let (name, noun) = if kind == Kind::Map {
                    ("Map with", "entries")
                } else {
                    ("Set with", "items")
                };
                let size = js::collection_size(value).map_err(|e| js_error("reading a Map's or Set's size", e))?;
                check_count(size.min(u32::MAX as f64) as u32, name, noun)?;
                let (items, code, pairs) = if kind == Kind::Map {
                    let entries = js::map_entries(value).map_err(|e| js_error("reading a Map's entries", e))?;
                    (entries, fixup::MAP, true)
                } else {
                    let items = js::set_items(value).map_err(|e| js_error("reading a Set's items", e))?;
                    (items, fixup::SET, false)
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
                let bytes = js::bytes_of(value).map_err(|e| js_error("reading bytes", e))?;
                check_count(bytes.length(), "byte array of", "bytes")?;
                self.grow(bytes.length() as usize)?;
                let bytes = bytes.to_vec();
                let mut hex = String::with_capacity(bytes.len() * 2);
                push_hex(&mut hex, &bytes);
                if self
                    .options
                    .string_refs_from
                    .is_some_and(|from| hex.len() >= from as usize)
                {
                    let index = self.ref_index(&JsValue::from_str(&hex));
                    self.fixup(fixup::BYTES_REF, index.to_string());
                } else {
                    self.fixup(fixup::BYTES, quoted(&hex));
                }
            }
            Kind::Other => {}
        }
        Ok(())
    }

    fn classify(&self, value: &JsValue) -> Result<Kind, Error> {
        if js::is_array(value).map_err(|e| js_error("reading the value's type", e))? {
            return Ok(Kind::Array);
        }
        // instanceof reads the prototype chain; a chain that cannot be read is an error below.
        if value.is_instance_of::<Map>() {
            return Ok(Kind::Map);
        }
        if value.is_instance_of::<Set>() {
            return Ok(Kind::Set);
        }
        if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<ArrayBuffer>() {
            return Ok(Kind::Bytes);
        }
        let proto = js::prototype_of(value).map_err(|e| js_error("reading the value's prototype", e))?;
        if !js::crosses_safely(value) {
            return Err(unreadable("to_py"));
        }
        Ok(if proto.is_null() || proto == self.object_prototype {
            Kind::Plain
        } else {
            Kind::Other
        })
    }
}

/// An Array's `length`, once: it must be an array length (a Proxy can claim anything) and
/// within [`MAX_ITEMS`].
fn array_length(array: &JsValue) -> Result<u32, Error> {
    let length = js::length_of(array).map_err(|e| js_error("reading an Array's length", e))?;
    let valid = length
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX));
    let Some(length) = valid else {
        return Err(Error::value_error(
            "Array",
            "Python",
            "to_py: the Array's length is not an array length (a Proxy that claims one?); convert it yourself",
        ));
    };
    let length = length as u32;
    check_count(length, "Array of", "items")?;
    Ok(length)
}

/// A container of more than [`MAX_ITEMS`] is refused before any of it is read.
fn check_count(count: u32, what: &str, noun: &str) -> Result<(), Error> {
    if count <= MAX_ITEMS {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::TooLarge,
        "Object",
        "Python",
        format!(
            "to_py: a JavaScript {what} {count} {noun} is more than one conversion holds (at most {MAX_ITEMS}); \
             convert it in parts (slice it in JavaScript), or pass depth= to keep it a JS value"
        ),
    ))
}

/// Whether a number goes to Python through the float table (when floats are not inline):
/// anything but an int-valued number in the safe range and -0.
fn needs_bits(x: f64) -> bool {
    !(x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER as f64)
}

pub(crate) fn unreadable(by: &str) -> Error {
    Error::value_error(
        "Proxy",
        "Python",
        format!(
            "{by}: a JavaScript value whose prototype cannot be read (a revoked Proxy, or a Proxy whose \
         getPrototypeOf trap throws), or a function that claims a `_ref` it does not have, cannot reach \
             Python; leave it out of what you convert"
        ),
    )
}

fn lone_surrogate(what: &str) -> Error {
    Error::value_error(
        "str",
        "Python",
        format!(
            "to_py: {what} holds a lone surrogate, which a Python str cannot hold on every interpreter; repair it \
             in JavaScript (String.prototype.toWellFormed) first"
        ),
    )
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
    // Any of these reads may throw (a hostile value): the name is then unknown.
    let ctor = js::prototype_of(value)
        .and_then(|proto| js::property_of(&proto, &JsValue::from_str("constructor")))
        .and_then(|c| js::property_of(&c, &JsValue::from_str("name")))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Object".to_owned());
    format!("an object ({ctor})")
}

fn js_error(doing: &str, error: JsValue) -> Error {
    let inner = Error::from(error);
    Error::value_error(inner.from, "Python", format!("to_py: {doing}: {}", inner.message))
}

/// Lowercase hex of `bytes`, as `bytes.fromhex` reads it.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for byte in bytes {
        for nibble in [byte >> 4, byte & 15] {
            out.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
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
