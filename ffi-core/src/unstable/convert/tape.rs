//! The conversion tape: what the engine emits instead of building JS objects one
//! boundary call at a time. `js/tape.js` runs it in one pass.
//!
//! Format: `ops` is a sequence of u32 words, an opcode followed by its operands;
//! `nums` holds the numbers NUM takes in order; `text` is all Rust-side text (values and
//! keys) concatenated, addressed in UTF-16 units; `bin` is the bytes of all `bytes`
//! values; `js` holds JS values in the order JS and DEFKEY_JS take them.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

use crate::interpreter::NodeId;

/// NodeId → u32, by index for dense ids (pickle arenas) or by a fast hash for sparse
/// ones (MicroPython heap addresses).
#[derive(Debug)]
enum IdMap {
    Dense(Vec<u32>),
    Sparse(rustc_hash::FxHashMap<NodeId, u32>),
}

impl IdMap {
    const EMPTY: u32 = u32::MAX;

    fn new(dense_ids: Option<u32>) -> Self {
        match dense_ids {
            Some(n) => IdMap::Dense(vec![Self::EMPTY; n as usize]),
            None => IdMap::Sparse(rustc_hash::FxHashMap::default()),
        }
    }
    fn get(&self, id: NodeId) -> Option<u32> {
        match self {
            IdMap::Dense(v) => v.get(id.0 as usize).copied().filter(|x| *x != Self::EMPTY),
            IdMap::Sparse(m) => m.get(&id).copied(),
        }
    }
    fn insert(&mut self, id: NodeId, value: u32) {
        match self {
            IdMap::Dense(v) => {
                if let Some(slot) = v.get_mut(id.0 as usize) {
                    *slot = value;
                }
            }
            IdMap::Sparse(m) => {
                m.insert(id, value);
            }
        }
    }
}

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    // `catch`: a dict converter is user code and may throw; the exception must come back
    // as a value, never unwind through wasm frames.
    #[wasm_bindgen(catch)]
    fn run_tape(
        ops: &[u32],
        nums: &[f64],
        text: &[u8],
        bin: &[u8],
        js: &js_sys::Array,
        dict_converter: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// Tape opcodes; `js/tape.js` has their copy (crate::contract checks it).
pub mod op {
    crate::contract! {
        NULL = 0;
        UNDEFINED = 1;
        TRUE = 2;
        FALSE = 3;
        /// Next number from `nums`.
        NUM = 4;
        /// String `text[start..start+len]` (UTF-16 units).
        STR = 5;
        /// `BigInt(text[..])`, the text being `0x…`.
        BIGINT = 6;
        NEG_BIGINT = 7;
        /// Next value from `js`.
        JS = 8;
        /// The container created n-th in this tape.
        REF = 9;
        ARRAY = 10;
        OBJECT = 11;
        END = 12;
        /// Set the key the next value is stored under, by key id.
        KEY = 13;
        /// Define the next key id from `text[start..start+len]`.
        DEFKEY_TEXT = 14;
        /// Define the next key id from the next value in `js`.
        DEFKEY_JS = 15;
        /// A `Uint8Array` copy of `bin[start..start+len]`.
        BYTES = 16;
        /// Open a `Set`; values until END are added to it.
        SET = 17;
        /// Open an Array of `[key, value]` pairs; at END the dict converter's result for it
        /// becomes the value (and what REF names).
        CONVERTED = 18;
    }
}

/// The kinds of container [`Tape::open`] can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Array,
    Object,
    Set,
    /// A dict given to the dict converter.
    Converted,
}

#[derive(Debug)]
pub struct Tape {
    ops: Vec<u32>,
    nums: Vec<f64>,
    text: String,
    text_units: u32,
    bin: Vec<u8>,
    js: Vec<JsValue>,
    containers: u32,
    /// Container node → its creation index, for REF.
    created: IdMap,
    /// Key node → key id: the same key object (memoised by pickle, a qstr on
    /// MicroPython) is defined once per tape.
    key_ids: IdMap,
    key_is_str: Vec<bool>,
    keys_defined: u32,
}

impl Tape {
    pub fn new(dense_ids: Option<u32>) -> Self {
        Tape {
            ops: Vec::new(),
            nums: Vec::new(),
            text: String::new(),
            text_units: 0,
            bin: Vec::new(),
            js: Vec::new(),
            containers: 0,
            created: IdMap::new(dense_ids),
            key_ids: IdMap::new(dense_ids),
            key_is_str: Vec::new(),
            keys_defined: 0,
        }
    }

    pub fn simple(&mut self, opcode: u32) {
        self.ops.push(opcode);
    }

    pub fn number(&mut self, value: f64) {
        self.ops.push(op::NUM);
        self.nums.push(value);
    }

    fn push_text(&mut self, text: &str) -> (u32, u32) {
        let units = if text.is_ascii() {
            text.len()
        } else {
            text.encode_utf16().count()
        };
        let units = u32::try_from(units).unwrap_or(u32::MAX);
        let start = self.text_units;
        self.text.push_str(text);
        self.text_units = self.text_units.saturating_add(units);
        (start, units)
    }

    pub fn string(&mut self, text: &str) {
        let (start, len) = self.push_text(text);
        self.ops.extend_from_slice(&[op::STR, start, len]);
    }

    pub fn bigint(&mut self, negative: bool, hex: &str) {
        let (start, len) = self.push_text(&format!("0x{hex}"));
        self.ops
            .extend_from_slice(&[if negative { op::NEG_BIGINT } else { op::BIGINT }, start, len]);
    }

    pub fn bytes(&mut self, data: &[u8]) {
        let start = u32::try_from(self.bin.len()).unwrap_or(u32::MAX);
        let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
        self.bin.extend_from_slice(data);
        self.ops.extend_from_slice(&[op::BYTES, start, len]);
    }

    pub fn js(&mut self, value: JsValue) {
        self.ops.push(op::JS);
        self.js.push(value);
    }

    /// If `node` was already created in this tape, emit a REF to it and say so.
    pub fn reference(&mut self, node: NodeId) -> bool {
        match self.created.get(node) {
            Some(index) => {
                self.ops.extend_from_slice(&[op::REF, index]);
                true
            }
            None => false,
        }
    }

    /// Open a container that nothing can refer to again (a tuple, a frozenset, a pair).
    pub fn open_unshared(&mut self, kind: Container) {
        self.ops.push(Self::opcode(kind));
        self.containers += 1;
    }

    fn opcode(kind: Container) -> u32 {
        match kind {
            Container::Array => op::ARRAY,
            Container::Object => op::OBJECT,
            Container::Set => op::SET,
            Container::Converted => op::CONVERTED,
        }
    }

    /// Open a container for `node`; values until END go into it.
    pub fn open(&mut self, node: NodeId, kind: Container) {
        self.ops.push(Self::opcode(kind));
        self.created.insert(node, self.containers);
        self.containers += 1;
    }

    pub fn close(&mut self) {
        self.ops.push(op::END);
    }

    /// The key id defined for `node` in this tape, and whether that key was a `str`.
    pub fn known_key(&self, node: NodeId) -> Option<(u32, bool)> {
        let id = self.key_ids.get(node)?;
        Some((id, self.key_is_str.get(id as usize).copied().unwrap_or(false)))
    }

    /// Define a key id for `node` (`define` emits its DEFKEY op) and return it.
    pub fn define_key(&mut self, node: NodeId, is_str: bool, define: impl FnOnce(&mut Self)) -> u32 {
        define(self);
        let id = self.keys_defined;
        self.keys_defined += 1;
        self.key_ids.insert(node, id);
        self.key_is_str.push(is_str);
        id
    }

    /// The next value is stored under key `id`.
    pub fn select_key(&mut self, id: u32) {
        self.ops.extend_from_slice(&[op::KEY, id]);
    }

    pub fn define_key_text(&mut self, text: &str) {
        let (start, len) = self.push_text(text);
        self.ops.extend_from_slice(&[op::DEFKEY_TEXT, start, len]);
    }

    pub fn define_key_js(&mut self, value: JsValue) {
        self.ops.push(op::DEFKEY_JS);
        self.js.push(value);
    }

    /// Build the JS value; `Err` carries what a dict converter threw.
    pub fn run(self, dict_converter: &JsValue) -> Result<JsValue, JsValue> {
        let js: js_sys::Array = self.js.into_iter().collect();
        run_tape(
            &self.ops,
            &self.nums,
            self.text.as_bytes(),
            &self.bin,
            &js,
            dict_converter,
        )
    }
}
