//! MicroPython's object representation (REPR_A, 32-bit), read directly from its heap.
//!
//! Type addresses are learned at install time from sample objects, and every offset used
//! here is checked against values of known content ([`Calibration::learn`]); if an
//! interpreter upgrade moves anything, `install()` fails loudly instead of misreading.

use std::borrow::Cow;
use std::cell::RefCell;

use ffi_core::unstable::{NodeId, PyBytes, PyGraph, PyInt, PyNode, PyStr};
use ffi_core::Error;
use rustc_hash::FxHashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/heap.js")]
extern "C" {
    fn heap_u32(module: &JsValue, addr: u32) -> u32;
    fn heap_set_u32(module: &JsValue, addr: u32, value: u32);
    fn heap_u16(module: &JsValue, addr: u32) -> u32;
    fn heap_u8(module: &JsValue, addr: u32) -> u32;
    fn heap_f64(module: &JsValue, addr: u32) -> f64;
    fn heap_utf8(module: &JsValue, addr: u32, len: u32) -> JsValue;
    fn heap_bytes(module: &JsValue, addr: u32, len: u32) -> JsValue;
    fn qstr_text(module: &JsValue, scratch: u32, word: u32, kind_str: u32) -> JsValue;
    fn js_ref(reference: u32) -> JsValue;
}

/// Words of the immediate objects and addresses of the types this walker reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calibration {
    pub none: u32,
    pub false_: u32,
    pub true_: u32,
    pub ty_str: u32,
    pub ty_bytes: u32,
    pub ty_bytearray: u32,
    pub ty_memoryview: u32,
    pub ty_int: u32,
    pub ty_float: u32,
    pub ty_list: u32,
    pub ty_tuple: u32,
    pub ty_dict: u32,
    pub ty_ordereddict: u32,
    pub ty_set: u32,
    pub ty_frozenset: u32,
    pub ty_jsproxy: u32,
    /// `type` itself: the type of every class object.
    pub ty_type: u32,
    /// `bound_method`: a JS function read as an attribute of a JsProxy is one.
    pub ty_bound_meth: u32,
    /// The `make_new` slot user-defined classes share (instances with `subobj`).
    pub instance_make_new: u32,
    /// Addresses of `ffi.undefined` and `ffi.null` (MicroPython's GC does not move objects).
    pub undefined: u32,
    /// MicroPython's own `js.undefined` (how JS undefined reaches Python here); it
    /// converts like None, as the same value does on Pyodide, where it arrives as None.
    pub js_undefined: u32,
    pub null: u32,
    /// The shim's argument stack (a list): values to convert are pushed there.
    pub arg_stack: u32,
}

/// Offsets into MicroPython objects (all 32-bit fields after the type pointer at +0) and
/// the kinds of its conversion records: one release's `layout` row of `js/versions.js`,
/// checked against samples of known content by [`Calibration::learn`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub str_len: u32,
    pub str_data: u32,
    pub int_sign_bits: u32,
    pub int_len: u32,
    pub int_digits: u32,
    pub float_value: u32,
    pub list_len: u32,
    pub list_items: u32,
    pub tuple_len: u32,
    pub tuple_items: u32,
    pub dict_alloc: u32,
    pub dict_table: u32,
    pub set_alloc: u32,
    pub set_table: u32,
    pub array_typecode_free: u32,
    pub array_len: u32,
    pub array_items: u32,
    pub jsproxy_ref: u32,
    pub bound_meth: u32,
    pub bound_self: u32,
    pub instance_subobj: u32,
    pub type_name: u32,
    pub type_slot_index_make_new: u32,
    pub type_slot_index_parent: u32,
    pub type_slots: u32,
    pub map_sentinel: u32,
    pub kind_str: u32,
    pub kind_jsproxy: u32,
}

/// Generates [`Layout::from_js`] over every field, so no field can be left unread.
macro_rules! layout_from_js {
    ($($field:ident),* $(,)?) => {
        impl Layout {
            /// The layout from a JS object with one non-negative integer per field; an
            /// error naming the first field that is missing or not one.
            pub fn from_js(facts: &JsValue) -> Result<Layout, Error> {
                let field = |name: &str| -> Result<u32, Error> {
                    let value = js_sys::Reflect::get(facts, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64());
                    match value {
                        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as u32),
                        _ => Err(Error::interpreter(format!(
                            "ffi-micropython: the layout facts lack a 32-bit unsigned `{name}`"
                        ))),
                    }
                };
                Ok(Layout { $($field: field(stringify!($field))?),* })
            }
        }
    };
}

layout_from_js!(
    str_len,
    str_data,
    int_sign_bits,
    int_len,
    int_digits,
    float_value,
    list_len,
    list_items,
    tuple_len,
    tuple_items,
    dict_alloc,
    dict_table,
    set_alloc,
    set_table,
    array_typecode_free,
    array_len,
    array_items,
    jsproxy_ref,
    bound_meth,
    bound_self,
    instance_subobj,
    type_name,
    type_slot_index_make_new,
    type_slot_index_parent,
    type_slots,
    map_sentinel,
    kind_str,
    kind_jsproxy,
);

/// The number of samples the Python side passes to `calibrate`, in the order
/// [`Calibration::learn`] reads them (`python/_pyscript_ffi_impl.py`).
pub const SAMPLE_COUNT: usize = 24;

/// A bound on what one conversion may read, so corrupt lengths cannot hang us.
const MAX_ITEMS: u32 = 1 << 28;
/// How far up a class hierarchy we look for a native base type.
const MAX_CLASS_DEPTH: usize = 16;

#[derive(Debug)]
pub struct Heap {
    module: JsValue,
    scratch: u32,
    /// The original behind a guarded function (js/guard.js `unwrap`): what a JsProxy stands for.
    unwrap: js_sys::Function,
    /// The release's offsets (js/versions.js), proven by [`Calibration::learn`].
    layout: Layout,
    /// Whose facts those are ("MicroPython 1.29.0-6"), for the errors that say they do not hold.
    facts_of: String,
}

impl Heap {
    pub fn new(module: JsValue, scratch: u32, unwrap: js_sys::Function, layout: Layout, facts_of: String) -> Self {
        Heap {
            module,
            scratch,
            unwrap,
            layout,
            facts_of,
        }
    }
    /// The JS value behind a JsProxy's ref; for a guarded function, its original.
    fn js_value(&self, reference: u32) -> JsValue {
        let value = js_ref(reference);
        self.unwrap.call1(&JsValue::NULL, &value).unwrap_or(value)
    }
    fn u32(&self, addr: u32) -> u32 {
        heap_u32(&self.module, addr)
    }
    /// The word at `addr` (for the bridge: an object's type pointer).
    pub fn word(&self, addr: u32) -> u32 {
        self.u32(addr)
    }
    pub fn items(&self, start: u32, len: u32) -> Result<Vec<u32>, Error> {
        if len > MAX_ITEMS {
            return Err(Error::interpreter(format!(
                "MicroPython heap: implausible length {len}"
            )));
        }
        Ok((0..len).map(|i| self.u32(start + 4 * i)).collect())
    }
    /// The filled slots of a hash table of `alloc` entries, each `stride` words.
    fn table(&self, table: u32, alloc: u32, stride: u32) -> Result<Vec<u32>, Error> {
        self.items(table, alloc.saturating_mul(stride))
    }
    fn qstr(&self, word: u32) -> Result<JsValue, Error> {
        let text = qstr_text(&self.module, self.scratch, word, self.layout.kind_str);
        if text.is_string() {
            Ok(text)
        } else {
            Err(Error::interpreter("MicroPython heap: a qstr did not read as a str"))
        }
    }
    fn type_name(&self, ty: u32) -> String {
        let index = heap_u16(&self.module, ty + self.layout.type_name);
        self.qstr((index << 3) | 2)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_else(|| "object".to_owned())
    }
    /// `slots[index - 1]` of a type, for a slot index byte at `index_offset`.
    fn type_slot(&self, ty: u32, index_offset: u32) -> Option<u32> {
        match heap_u8(&self.module, ty + index_offset) {
            0 => None,
            index => Some(self.u32(ty + self.layout.type_slots + 4 * (index - 1))),
        }
    }
    fn mpz(&self, addr: u32) -> Result<PyInt, Error> {
        let sign_bits = self.u32(addr + self.layout.int_sign_bits);
        let len = self.u32(addr + self.layout.int_len);
        let digits = self.u32(addr + self.layout.int_digits);
        if len > 1 << 20 {
            return Err(Error::interpreter("MicroPython heap: implausible int length"));
        }
        let mut magnitude_le = Vec::with_capacity(2 * len as usize);
        for i in 0..len {
            let digit = heap_u16(&self.module, digits + 2 * i);
            magnitude_le.extend_from_slice(&(digit as u16).to_le_bytes());
        }
        Ok(PyInt::Big {
            negative: sign_bits & 1 == 1,
            magnitude_le,
        })
    }

    /// Put the object words `found` into the first slots of the list at `list` (the shim's
    /// own list, made `[None] * n` for this): `Ok(found.len())`, or `Err(needed)` when the
    /// list is too short. The objects are reachable from the value being converted, so the
    /// list's new references keep nothing alive that was not.
    pub fn fill_list(&self, list: u32, found: &[u32]) -> Result<u32, u32> {
        let needed = u32::try_from(found.len()).unwrap_or(u32::MAX);
        if needed > self.u32(list + self.layout.list_len) {
            return Err(needed);
        }
        let items = self.u32(list + self.layout.list_items);
        for (i, word) in (0u32..).zip(found) {
            heap_set_u32(&self.module, items + 4 * i, *word);
        }
        Ok(needed)
    }

    /// The argument stack's `n`-th value from the top (what the shim pushed for this call).
    pub fn stack_item(&self, calibration: &Calibration, from_top: u32) -> Result<u32, Error> {
        let list = calibration.arg_stack;
        let len = self.u32(list + self.layout.list_len);
        let items = self.u32(list + self.layout.list_items);
        match len.checked_sub(1 + from_top) {
            Some(index) => Ok(self.u32(items + 4 * index)),
            None => Err(Error::interpreter(
                "MicroPython bridge: the argument stack is shorter than expected",
            )),
        }
    }
}

fn small_int(word: u32) -> i64 {
    i64::from((word as i32) >> 1)
}

fn ids(words: Vec<u32>) -> Cow<'static, [NodeId]> {
    Cow::Owned(words.into_iter().map(NodeId).collect())
}

/// A hash table slot in use: neither empty (0) nor deleted (`sentinel`).
fn filled(key: u32, sentinel: u32) -> bool {
    key != 0 && key != sentinel
}

/// One conversion's view of the heap.
#[derive(Debug)]
pub struct HeapGraph<'a> {
    heap: &'a Heap,
    calibration: &'a Calibration,
    root: u32,
    /// Object address → the word of what Python made of it (a proxy, or a
    /// `default_converter` result); `None` until the shim supplied a table.
    conversions: Option<FxHashMap<u32, u32>>,
    /// Interned strings (qstrs) are immutable: each is read once per conversion.
    qstrs: RefCell<FxHashMap<u32, JsValue>>,
}

impl<'a> HeapGraph<'a> {
    pub fn new(heap: &'a Heap, calibration: &'a Calibration, root: u32) -> Self {
        HeapGraph {
            heap,
            calibration,
            root,
            conversions: None,
            qstrs: RefCell::new(FxHashMap::default()),
        }
    }

    /// Read the shim's `id(obj) -> converted` table (a dict of ints) into the graph;
    /// `None` (no table yet) makes objects without a conversion ask for one.
    pub fn with_conversions(mut self, table: u32) -> Result<Self, Error> {
        if table == self.calibration.none {
            return Ok(self);
        }
        let PyNode::Dict(entries) = self.node(NodeId(table))? else {
            return Err(Error::interpreter(
                "MicroPython bridge: the conversion table is not a dict",
            ));
        };
        let mut conversions = FxHashMap::default();
        for (key, value) in entries.iter() {
            let address = match self.node(*key)? {
                PyNode::Int(PyInt::Small(n)) => u32::try_from(n).ok(),
                PyNode::Int(PyInt::Big {
                    negative: false,
                    magnitude_le,
                }) if magnitude_le.len() <= 4 => {
                    let mut bytes = [0u8; 4];
                    for (dst, src) in bytes.iter_mut().zip(magnitude_le.iter()) {
                        *dst = *src;
                    }
                    Some(u32::from_le_bytes(bytes))
                }
                _ => None,
            };
            let Some(address) = address else {
                return Err(Error::interpreter(
                    "MicroPython bridge: a conversion table key is not an address",
                ));
            };
            conversions.insert(address, value.0);
        }
        self.conversions = Some(conversions);
        Ok(self)
    }

    fn qstr(&self, word: u32) -> Result<JsValue, Error> {
        if let Some(text) = self.qstrs.borrow().get(&word) {
            return Ok(text.clone());
        }
        let text = self.heap.qstr(word)?;
        self.qstrs.borrow_mut().insert(word, text.clone());
        Ok(text)
    }

    /// A heap object of native type `ty` at `word`, or `None` if `ty` is not a type
    /// the conversion reads.
    fn native(&self, word: u32, ty: u32) -> Result<Option<PyNode<'static>>, Error> {
        let (heap, cal) = (self.heap, self.calibration);
        let node = if ty == cal.ty_str {
            let len = heap.u32(word + heap.layout.str_len);
            PyNode::Str(PyStr::Js(heap_utf8(
                &heap.module,
                heap.u32(word + heap.layout.str_data),
                len,
            )))
        } else if ty == cal.ty_bytes {
            let len = heap.u32(word + heap.layout.str_len);
            PyNode::Bytes(PyBytes::Js(heap_bytes(
                &heap.module,
                heap.u32(word + heap.layout.str_data),
                len,
            )))
        } else if ty == cal.ty_bytearray || ty == cal.ty_memoryview {
            // A memoryview of an array('i') or the like is its raw bytes, as bytes(view) is.
            let typecode_free = heap.u32(word + heap.layout.array_typecode_free);
            let Some(item_size) = item_size(typecode_free & 0x7f) else {
                return Ok(None);
            };
            // A memoryview's offset and length count items; a bytearray's offset is 0.
            let offset = if ty == cal.ty_memoryview { typecode_free >> 8 } else { 0 };
            let len = heap.u32(word + heap.layout.array_len);
            let items = heap.u32(word + heap.layout.array_items);
            let (Some(start), Some(bytes)) = (offset.checked_mul(item_size), len.checked_mul(item_size)) else {
                return Err(Error::interpreter("MicroPython heap: implausible memoryview"));
            };
            PyNode::Bytes(PyBytes::Js(heap_bytes(&heap.module, items.wrapping_add(start), bytes)))
        } else if ty == cal.ty_int {
            PyNode::Int(heap.mpz(word)?)
        } else if ty == cal.ty_float {
            PyNode::Float(heap_f64(&heap.module, word + heap.layout.float_value))
        } else if ty == cal.ty_list {
            PyNode::List(ids(heap.items(
                heap.u32(word + heap.layout.list_items),
                heap.u32(word + heap.layout.list_len),
            )?))
        } else if ty == cal.ty_tuple {
            PyNode::Tuple(ids(
                heap.items(word + heap.layout.tuple_items, heap.u32(word + heap.layout.tuple_len))?
            ))
        } else if ty == cal.ty_dict || ty == cal.ty_ordereddict {
            let slots = heap.table(
                heap.u32(word + heap.layout.dict_table),
                heap.u32(word + heap.layout.dict_alloc),
                2,
            )?;
            // Every filled slot, in table order (MicroPython's own iteration order).
            let entries = slots
                .chunks_exact(2)
                .filter_map(|slot| match *slot {
                    [key, value] if filled(key, heap.layout.map_sentinel) => Some((NodeId(key), NodeId(value))),
                    _ => None,
                })
                .collect();
            PyNode::Dict(Cow::Owned(entries))
        } else if ty == cal.ty_set || ty == cal.ty_frozenset {
            let slots = heap.table(
                heap.u32(word + heap.layout.set_table),
                heap.u32(word + heap.layout.set_alloc),
                1,
            )?;
            let items = ids(slots
                .into_iter()
                .filter(|key| filled(*key, heap.layout.map_sentinel))
                .collect());
            if ty == cal.ty_set {
                PyNode::Set(items)
            } else {
                PyNode::FrozenSet(items)
            }
        } else if ty == cal.ty_jsproxy {
            PyNode::Js(heap.js_value(heap.u32(word + heap.layout.jsproxy_ref)))
        } else {
            return Ok(None);
        };
        Ok(Some(node))
    }

    /// A JS function read as an attribute of a JsProxy (`obj.method`) is a bound method
    /// on MicroPython; it stands for the JS function itself, as it does on Pyodide.
    pub fn js_method(&self, word: u32, ty: u32) -> Option<JsValue> {
        let (heap, cal) = (self.heap, self.calibration);
        if ty != cal.ty_bound_meth {
            return None;
        }
        let meth = heap.u32(word + heap.layout.bound_meth);
        let self_ = heap.u32(word + heap.layout.bound_self);
        // Only a JS function bound to a JS object; a Python method stays a Python callable.
        let is_js = |w: u32| w & 3 == 0 && heap.u32(w) == cal.ty_jsproxy;
        (is_js(meth) && is_js(self_)).then(|| heap.js_value(heap.u32(meth + heap.layout.jsproxy_ref)))
    }

    /// An instance of a subclass of a data type reads as its base type's value. The
    /// class chain is checked first: only a class with a native data base has a
    /// `subobj[0]` to read (user classes) or its base's layout (native subtypes such as
    /// namedtuple).
    fn subclass(&self, word: u32, ty: u32) -> Result<Option<PyNode<'static>>, Error> {
        let (heap, cal) = (self.heap, self.calibration);
        let mut base = ty;
        let mut native_base = None;
        for _ in 0..MAX_CLASS_DEPTH {
            let Some(parent) = heap.type_slot(base, heap.layout.type_slot_index_parent) else {
                break;
            };
            // Several bases make `parent` a tuple of types: not a data value.
            if heap.u32(parent) != cal.ty_type {
                break;
            }
            base = parent;
            if cal.is_data_type(base) {
                native_base = Some(base);
                break;
            }
        }
        let Some(base) = native_base else { return Ok(None) };
        if heap.type_slot(ty, heap.layout.type_slot_index_make_new) != Some(cal.instance_make_new) {
            return self.native(word, base);
        }
        let object = heap.u32(word + heap.layout.instance_subobj);
        if object & 3 != 0 {
            // A small int or an interned str held directly in subobj[0].
            return self.read(object).map(Some);
        }
        self.native(object, heap.u32(object))
    }

    /// One object. Everything the heap reader produces is owned, so nodes outlive the
    /// borrow of the graph (recursive reads need no conversion).
    fn read(&self, word: u32) -> Result<PyNode<'static>, Error> {
        let mut word = word;
        // An object Python converted stands for its result, which may itself be one (a
        // default_converter result converted in turn; the shim bounds such chains).
        for _ in 0..=MAX_CONVERSION_CHAIN {
            if let Some(node) = self.read_value(word)? {
                return Ok(node);
            }
            match &self.conversions {
                Some(table) => match table.get(&word) {
                    Some(converted) => word = *converted,
                    None => {
                        return Ok(PyNode::Other {
                            type_name: Cow::Owned(self.heap.type_name(self.heap.u32(word))),
                        })
                    }
                },
                None => {
                    return Err(Error::new(
                        ffi_core::ErrorKind::NeedsPython,
                        self.heap.type_name(self.heap.u32(word)),
                        "JavaScript",
                        "objects that only Python can convert",
                    ))
                }
            }
        }
        Err(Error::interpreter(
            "MicroPython bridge: a conversion table entry leads to itself",
        ))
    }

    /// One object as data or a JS value; `None` for an object only Python can convert
    /// (what `default_converter` or a proxy stands in for).
    fn read_value(&self, word: u32) -> Result<Option<PyNode<'static>>, Error> {
        let (heap, cal) = (self.heap, self.calibration);
        if word & 1 == 1 {
            return Ok(Some(PyNode::Int(PyInt::Small(small_int(word)))));
        }
        if word & 7 == 2 {
            return Ok(Some(PyNode::Str(PyStr::Js(self.qstr(word)?))));
        }
        if word & 7 == 6 {
            return Ok(Some(match word {
                w if w == cal.none => PyNode::None,
                w if w == cal.true_ => PyNode::Bool(true),
                w if w == cal.false_ => PyNode::Bool(false),
                _ => PyNode::Other {
                    type_name: Cow::Borrowed("object"),
                },
            }));
        }
        if word == cal.undefined {
            return Ok(Some(PyNode::Undefined));
        }
        if word == cal.js_undefined {
            return Ok(Some(PyNode::None));
        }
        if word == cal.null {
            return Ok(Some(PyNode::Null));
        }
        let ty = heap.u32(word);
        if let Some(node) = self.native(word, ty)? {
            return Ok(Some(node));
        }
        if let Some(function) = self.js_method(word, ty) {
            return Ok(Some(PyNode::Js(function)));
        }
        self.subclass(word, ty)
    }

    /// The objects in the value at `root` that only Python can convert, once each, in the
    /// order the conversion meets them (depth first, dict keys before their values; what
    /// Pyodide's pickler calls `default_converter` in). Objects already in the conversion
    /// table are complete and not looked into; nothing nested deeper than the nesting limit
    /// is looked for (the conversion fails there anyway).
    pub fn holes(&self, root: u32) -> Result<Vec<u32>, Error> {
        let mut found = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        let mut todo = vec![(root, 0usize)];
        while let Some((word, depth)) = todo.pop() {
            if word & 3 != 0 || !seen.insert(word) {
                continue;
            }
            if self.conversions.as_ref().is_some_and(|table| table.contains_key(&word)) {
                continue;
            }
            let children: Vec<u32> = match self.read_value(word)? {
                None => {
                    found.push(word);
                    continue;
                }
                Some(PyNode::List(items) | PyNode::Tuple(items) | PyNode::Set(items) | PyNode::FrozenSet(items)) => {
                    items.iter().map(|id| id.0).collect()
                }
                Some(PyNode::Dict(entries)) => entries.iter().flat_map(|(k, v)| [k.0, v.0]).collect(),
                Some(_) => continue,
            };
            if depth < ffi_core::unstable::convert::options::MAX_NESTING {
                todo.extend(children.into_iter().rev().map(|child| (child, depth + 1)));
            }
        }
        Ok(found)
    }
}

/// How long a chain of conversion table entries may be (the shim's own bound is lower).
const MAX_CONVERSION_CHAIN: usize = 4 * ffi_core::unstable::convert::options::MAX_CONVERTER_CHAIN;

/// The size of one item of a MicroPython array typecode (32-bit build), for the numeric
/// typecodes and bytearray's own (1).
fn item_size(typecode: u32) -> Option<u32> {
    match char::from_u32(typecode)? {
        '\u{1}' | 'b' | 'B' => Some(1),
        'h' | 'H' => Some(2),
        'i' | 'I' | 'l' | 'L' | 'f' => Some(4),
        'q' | 'Q' | 'd' => Some(8),
        _ => None,
    }
}

impl PyGraph for HeapGraph<'_> {
    fn root(&self) -> NodeId {
        NodeId(self.root)
    }

    fn node(&self, id: NodeId) -> Result<PyNode<'_>, Error> {
        self.read(id.0)
    }
}

impl Calibration {
    fn is_data_type(&self, ty: u32) -> bool {
        [
            self.ty_str,
            self.ty_bytes,
            self.ty_bytearray,
            self.ty_memoryview,
            self.ty_int,
            self.ty_float,
            self.ty_list,
            self.ty_tuple,
            self.ty_dict,
            self.ty_ordereddict,
            self.ty_set,
            self.ty_frozenset,
        ]
        .contains(&ty)
    }

    /// Learn type addresses from the samples and check every layout assumption against
    /// their known contents. The order is fixed by `_pyscript_ffi_impl.py`.
    pub fn learn(heap: &Heap, samples_items: u32, samples_len: u32) -> Result<Calibration, Error> {
        let words = heap.items(samples_items, samples_len)?;
        let [s, big, neg, float, list, tuple, dict, jsproxy, none, false_, true_, undefined, null, arg_stack, bytes, bytearray, memoryview, set, frozenset, ordereddict, user_list, user_int, js_undefined, js_method] =
            <[u32; SAMPLE_COUNT]>::try_from(words)
                .map_err(|w| mismatch(heap, &format!("expected {SAMPLE_COUNT} samples, got {}", w.len())))?;
        let ty = |w: u32| heap.u32(w);
        let cal = Calibration {
            none,
            false_,
            true_,
            ty_str: ty(s),
            ty_bytes: ty(bytes),
            ty_bytearray: ty(bytearray),
            ty_memoryview: ty(memoryview),
            ty_int: ty(big),
            ty_float: ty(float),
            ty_list: ty(list),
            ty_tuple: ty(tuple),
            ty_dict: ty(dict),
            ty_ordereddict: ty(ordereddict),
            ty_set: ty(set),
            ty_frozenset: ty(frozenset),
            ty_jsproxy: ty(jsproxy),
            ty_type: ty(ty(list)),
            ty_bound_meth: ty(js_method),
            instance_make_new: heap
                .type_slot(ty(user_list), heap.layout.type_slot_index_make_new)
                .unwrap_or(0),
            undefined,
            null,
            js_undefined,
            arg_stack,
        };
        cal.self_test(
            heap,
            &Samples {
                s,
                big,
                neg,
                float,
                list,
                tuple,
                dict,
                arg_stack,
                bytes,
                memoryview,
                set,
                user_list,
                user_int,
                js_method,
            },
        )?;
        Ok(cal)
    }

    fn self_test(&self, heap: &Heap, w: &Samples) -> Result<(), Error> {
        let graph = HeapGraph::new(heap, self, w.s);
        let read = |word: u32| graph.node(NodeId(word));
        let expect = |what: &str, ok: bool| if ok { Ok(()) } else { Err(mismatch(heap, what)) };
        let text_of = |node: PyNode<'_>| match node {
            PyNode::Str(s) => Some(s.to_string_lossy()),
            _ => None,
        };
        let bytes_of = |node: PyNode<'_>| match node {
            PyNode::Bytes(PyBytes::Js(v)) => Some(js_sys::Uint8Array::new(&v).to_vec()),
            _ => None,
        };
        expect(
            "immediates",
            self.none == 6 && self.false_ & 7 == 6 && self.true_ & 7 == 6,
        )?;
        expect(
            "str layout",
            text_of(read(w.s)?).as_deref() == Some("pyscript.ffi calibration 12345"),
        )?;
        let two70 = [0, 0, 0, 0, 0, 0, 0, 0, 0x40u8];
        let big_ok = matches!(read(w.big)?, PyNode::Int(PyInt::Big { negative: false, ref magnitude_le }) if trim(magnitude_le) == two70);
        expect("int layout", big_ok)?;
        let neg_ok = matches!(read(w.neg)?, PyNode::Int(PyInt::Big { negative: true, ref magnitude_le }) if trim(magnitude_le) == [0, 0, 0, 0, 0, 1]);
        expect("negative int layout", neg_ok)?;
        expect("float layout", read(w.float)? == PyNode::Float(1.5))?;
        expect(
            "list layout",
            read(w.list)? == PyNode::List(vec![NodeId(3), NodeId(5), NodeId(7)].into()),
        )?;
        expect(
            "tuple layout",
            read(w.tuple)? == PyNode::Tuple(vec![NodeId(9), NodeId(11)].into()),
        )?;
        let dict_ok = match read(w.dict)? {
            PyNode::Dict(entries) => {
                entries.len() == 1
                    && entries.first().is_some_and(|(k, v)| {
                        read(k.0).ok().and_then(text_of).as_deref() == Some("k") && *v == NodeId(15)
                    })
            }
            _ => false,
        };
        expect("dict layout", dict_ok)?;
        expect(
            "bytes layout",
            bytes_of(read(w.bytes)?).as_deref() == Some(b"xy".as_slice()),
        )?;
        expect(
            "memoryview layout",
            bytes_of(read(w.memoryview)?).as_deref() == Some(b"ello".as_slice()),
        )?;
        let set_ok = match read(w.set)? {
            PyNode::Set(items) => {
                let mut items = items.to_vec();
                items.sort();
                items == [NodeId(3), NodeId(5)]
            }
            _ => false,
        };
        expect("set layout", set_ok)?;
        expect(
            "subclass layout",
            read(w.user_list)? == PyNode::List(vec![NodeId(13)].into()),
        )?;
        expect(
            "int subclass layout",
            read(w.user_int)? == PyNode::Int(PyInt::Small(21)),
        )?;
        let math = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Math")).unwrap_or_default();
        let math_max = js_sys::Reflect::get(&math, &JsValue::from_str("max")).unwrap_or_default();
        expect(
            "bound method layout",
            matches!(read(w.js_method)?, PyNode::Js(ref f) if js_sys::Object::is(f, &math_max)),
        )?;
        expect("type names", heap.type_name(self.ty_list) == "list")?;
        expect("argument stack", heap.u32(w.arg_stack) == self.ty_list)?;
        Ok(())
    }
}

/// The samples whose contents the self-test knows.
struct Samples {
    s: u32,
    big: u32,
    neg: u32,
    float: u32,
    list: u32,
    tuple: u32,
    dict: u32,
    arg_stack: u32,
    bytes: u32,
    memoryview: u32,
    set: u32,
    user_list: u32,
    user_int: u32,
    /// `js.Math.max`: a bound method of the JsProxy `js.Math`.
    js_method: u32,
}

fn trim(bytes: &[u8]) -> Vec<u8> {
    let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes.get(..len).unwrap_or(&[]).to_vec()
}

fn mismatch(heap: &Heap, what: &str) -> Error {
    Error::interpreter(format!(
        "ffi-micropython: MicroPython's object layout is not the one the facts of {} say ({what}); \
         supported releases: docs/versions.md",
        heap.facts_of
    ))
}
