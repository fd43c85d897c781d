//! MicroPython's object representation (REPR_A, 32-bit), read directly from its heap.
//!
//! Type addresses are learned at install time from sample objects, and every offset used
//! here is checked against values of known content ([`Calibration::learn`]); if an
//! interpreter upgrade moves anything, `install()` fails loudly instead of misreading.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use ffi_core::{Error, NodeId, PyGraph, PyInt, PyNode, PyStr};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/heap.js")]
extern "C" {
    fn heap_u32(module: &JsValue, addr: u32) -> u32;
    fn heap_u16(module: &JsValue, addr: u32) -> u32;
    fn heap_f64(module: &JsValue, addr: u32) -> f64;
    fn heap_utf8(module: &JsValue, addr: u32, len: u32) -> JsValue;
    fn qstr_text(module: &JsValue, scratch: u32, word: u32) -> JsValue;
    fn js_ref(reference: u32) -> JsValue;
}

/// Words of the immediate objects and addresses of the types this walker reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calibration {
    pub none: u32,
    pub false_: u32,
    pub true_: u32,
    pub ty_str: u32,
    pub ty_int: u32,
    pub ty_float: u32,
    pub ty_list: u32,
    pub ty_tuple: u32,
    pub ty_dict: u32,
    pub ty_jsproxy: u32,
    /// Addresses of `ffi.undefined` and `ffi.null` (MicroPython's GC does not move objects).
    pub undefined: u32,
    pub null: u32,
    /// The shim's argument stack (a list): values to convert are pushed there.
    pub arg_stack: u32,
}

/// Offsets into MicroPython objects (all 32-bit fields after the type pointer at +0).
mod layout {
    pub const STR_LEN: u32 = 8;
    pub const STR_DATA: u32 = 12;
    pub const INT_SIGN_BITS: u32 = 4;
    pub const INT_LEN: u32 = 8;
    pub const INT_DIGITS: u32 = 12;
    pub const FLOAT_VALUE: u32 = 8;
    pub const LIST_LEN: u32 = 8;
    pub const LIST_ITEMS: u32 = 12;
    pub const TUPLE_LEN: u32 = 4;
    pub const TUPLE_ITEMS: u32 = 8;
    pub const DICT_ALLOC: u32 = 8;
    pub const DICT_TABLE: u32 = 12;
    pub const JSPROXY_REF: u32 = 4;
    /// `mp_obj_type_t.name`, a 16-bit qstr index after the base and 16-bit flags.
    pub const TYPE_NAME: u32 = 6;
    /// `MP_OBJ_SENTINEL` marks a deleted slot in a dict's hash table.
    pub const MAP_SENTINEL: u32 = 4;
}

/// The order of the samples the Python side passes to `calibrate` (`_pyscript_ffi_impl.py`).
pub const SAMPLE_COUNT: u32 = 14;

/// A bound on what one conversion may read, so corrupt lengths cannot hang us.
const MAX_ITEMS: u32 = 1 << 28;

#[derive(Debug)]
pub struct Heap {
    module: JsValue,
    scratch: u32,
}

impl Heap {
    pub fn new(module: JsValue, scratch: u32) -> Self {
        Heap { module, scratch }
    }
    fn u32(&self, addr: u32) -> u32 {
        heap_u32(&self.module, addr)
    }
    pub fn items(&self, start: u32, len: u32) -> Result<Vec<u32>, Error> {
        if len > MAX_ITEMS {
            return Err(Error::interpreter(format!(
                "MicroPython heap: implausible length {len}"
            )));
        }
        Ok((0..len).map(|i| self.u32(start + 4 * i)).collect())
    }
    fn qstr(&self, word: u32) -> Result<JsValue, Error> {
        let text = qstr_text(&self.module, self.scratch, word);
        if text.is_string() {
            Ok(text)
        } else {
            Err(Error::interpreter("MicroPython heap: a qstr did not read as a str"))
        }
    }
    fn type_name(&self, ty: u32) -> String {
        let index = heap_u16(&self.module, ty + layout::TYPE_NAME);
        self.qstr((index << 3) | 2)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_else(|| "object".to_owned())
    }
    fn mpz(&self, addr: u32) -> Result<PyInt, Error> {
        let sign_bits = self.u32(addr + layout::INT_SIGN_BITS);
        let len = self.u32(addr + layout::INT_LEN);
        let digits = self.u32(addr + layout::INT_DIGITS);
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

    /// Read the argument stack's top value (what the shim pushed for this call).
    pub fn stack_top(&self, calibration: &Calibration) -> Result<u32, Error> {
        let list = calibration.arg_stack;
        let len = self.u32(list + layout::LIST_LEN);
        let items = self.u32(list + layout::LIST_ITEMS);
        match len.checked_sub(1) {
            Some(top) => Ok(self.u32(items + 4 * top)),
            None => Err(Error::interpreter("MicroPython bridge: empty argument stack")),
        }
    }
}

fn small_int(word: u32) -> i64 {
    i64::from((word as i32) >> 1)
}

/// One conversion's view of the heap.
#[derive(Debug)]
pub struct HeapGraph<'a> {
    heap: &'a Heap,
    calibration: &'a Calibration,
    root: u32,
    /// Interned strings (qstrs) are immutable: each is read once per conversion.
    qstrs: RefCell<HashMap<u32, JsValue>>,
}

impl<'a> HeapGraph<'a> {
    pub fn new(heap: &'a Heap, calibration: &'a Calibration, root: u32) -> Self {
        HeapGraph {
            heap,
            calibration,
            root,
            qstrs: RefCell::new(HashMap::new()),
        }
    }

    fn qstr(&self, word: u32) -> Result<JsValue, Error> {
        if let Some(text) = self.qstrs.borrow().get(&word) {
            return Ok(text.clone());
        }
        let text = self.heap.qstr(word)?;
        self.qstrs.borrow_mut().insert(word, text.clone());
        Ok(text)
    }
}

impl PyGraph for HeapGraph<'_> {
    fn root(&self) -> NodeId {
        NodeId(self.root)
    }

    fn node(&self, id: NodeId) -> Result<PyNode<'_>, Error> {
        let (heap, cal, word) = (self.heap, self.calibration, id.0);
        if word & 1 == 1 {
            return Ok(PyNode::Int(PyInt::Small(small_int(word))));
        }
        if word & 7 == 2 {
            return Ok(PyNode::Str(PyStr::Js(self.qstr(word)?)));
        }
        if word & 7 == 6 {
            return match word {
                w if w == cal.none => Ok(PyNode::None),
                w if w == cal.true_ => Ok(PyNode::Bool(true)),
                w if w == cal.false_ => Ok(PyNode::Bool(false)),
                _ => Ok(PyNode::Other {
                    type_name: Cow::Borrowed("object"),
                }),
            };
        }
        if word == cal.undefined {
            return Ok(PyNode::Undefined);
        }
        if word == cal.null {
            return Ok(PyNode::Null);
        }
        let ty = heap.u32(word);
        let node = if ty == cal.ty_str {
            let len = heap.u32(word + layout::STR_LEN);
            let data = heap.u32(word + layout::STR_DATA);
            PyNode::Str(PyStr::Js(heap_utf8(&heap.module, data, len)))
        } else if ty == cal.ty_int {
            PyNode::Int(heap.mpz(word)?)
        } else if ty == cal.ty_float {
            PyNode::Float(heap_f64(&heap.module, word + layout::FLOAT_VALUE))
        } else if ty == cal.ty_list {
            PyNode::List(Cow::Owned(ids(heap.items(
                heap.u32(word + layout::LIST_ITEMS),
                heap.u32(word + layout::LIST_LEN),
            )?)))
        } else if ty == cal.ty_tuple {
            PyNode::Tuple(Cow::Owned(ids(
                heap.items(word + layout::TUPLE_ITEMS, heap.u32(word + layout::TUPLE_LEN))?
            )))
        } else if ty == cal.ty_dict {
            let alloc = heap.u32(word + layout::DICT_ALLOC);
            let slots = heap.items(heap.u32(word + layout::DICT_TABLE), alloc.saturating_mul(2))?;
            // Every filled slot, in table order (MicroPython's own iteration order).
            let entries = slots
                .chunks_exact(2)
                .filter_map(|slot| match *slot {
                    [key, value] if key != 0 && key != layout::MAP_SENTINEL => Some((NodeId(key), NodeId(value))),
                    _ => None,
                })
                .collect();
            PyNode::Dict(Cow::Owned(entries))
        } else if ty == cal.ty_jsproxy {
            PyNode::Js(js_ref(heap.u32(word + layout::JSPROXY_REF)))
        } else {
            PyNode::Other {
                type_name: Cow::Owned(heap.type_name(ty)),
            }
        };
        Ok(node)
    }
}

fn ids(words: Vec<u32>) -> Vec<NodeId> {
    words.into_iter().map(NodeId).collect()
}

impl Calibration {
    /// Learn type addresses from the samples and check every layout assumption against
    /// their known contents. Sample order is fixed by `_pyscript_ffi_impl.py`:
    /// `[str, 2**70, -(2**40), 1.5, [1, 2, 3], (4, 5), {"k": 7}, js.Object,
    ///   None, False, True, undefined, null, arg_stack]`.
    pub fn learn(heap: &Heap, samples_items: u32, samples_len: u32) -> Result<Calibration, Error> {
        let words = heap.items(samples_items, samples_len)?;
        let [s, big, neg, float, list, tuple, dict, jsproxy, none, false_, true_, undefined, null, arg_stack] =
            <[u32; SAMPLE_COUNT as usize]>::try_from(words)
                .map_err(|w| mismatch(&format!("expected {SAMPLE_COUNT} samples, got {}", w.len())))?;
        let cal = Calibration {
            none,
            false_,
            true_,
            ty_str: heap.u32(s),
            ty_int: heap.u32(big),
            ty_float: heap.u32(float),
            ty_list: heap.u32(list),
            ty_tuple: heap.u32(tuple),
            ty_dict: heap.u32(dict),
            ty_jsproxy: heap.u32(jsproxy),
            undefined,
            null,
            arg_stack,
        };
        cal.self_test(heap, &[s, big, neg, float, list, tuple, dict, arg_stack])?;
        Ok(cal)
    }

    fn self_test(&self, heap: &Heap, words: &[u32; 8]) -> Result<(), Error> {
        let [s, big, neg, float, list, tuple, dict, arg_stack] = *words;
        let graph = HeapGraph::new(heap, self, s);
        let read = |w: u32| graph.node(NodeId(w));
        let expect = |what: &str, ok: bool| if ok { Ok(()) } else { Err(mismatch(what)) };
        expect(
            "immediates",
            self.none == 6 && self.false_ & 7 == 6 && self.true_ & 7 == 6,
        )?;
        let text_of = |node: PyNode<'_>| match node {
            PyNode::Str(s) => Some(s.to_string_lossy()),
            _ => None,
        };
        expect(
            "str layout",
            text_of(read(s)?).as_deref() == Some("pyscript.ffi calibration 12345"),
        )?;
        let two70 = [0, 0, 0, 0, 0, 0, 0, 0, 0x40u8];
        let big_ok = matches!(read(big)?, PyNode::Int(PyInt::Big { negative: false, ref magnitude_le }) if trim(magnitude_le) == two70);
        expect("int layout", big_ok)?;
        let neg_ok = matches!(read(neg)?, PyNode::Int(PyInt::Big { negative: true, ref magnitude_le }) if trim(magnitude_le) == [0, 0, 0, 0, 0, 1]);
        expect("negative int layout", neg_ok)?;
        expect("float layout", read(float)? == PyNode::Float(1.5))?;
        expect(
            "list layout",
            read(list)? == PyNode::List(vec![NodeId(3), NodeId(5), NodeId(7)].into()),
        )?;
        expect(
            "tuple layout",
            read(tuple)? == PyNode::Tuple(vec![NodeId(9), NodeId(11)].into()),
        )?;
        let dict_ok = match read(dict)? {
            PyNode::Dict(entries) => {
                entries.len() == 1
                    && entries.first().is_some_and(|(k, v)| {
                        read(k.0).ok().and_then(text_of).as_deref() == Some("k") && *v == NodeId(15)
                    })
            }
            _ => false,
        };
        expect("dict layout", dict_ok)?;
        expect("type names", heap.type_name(self.ty_list) == "list")?;
        expect("argument stack", heap.u32(arg_stack) == self.ty_list)?;
        Ok(())
    }
}

fn trim(bytes: &[u8]) -> Vec<u8> {
    let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes.get(..len).unwrap_or(&[]).to_vec()
}

fn mismatch(what: &str) -> Error {
    Error::interpreter(format!(
        "ffi-micropython: MicroPython's object layout is not the one this build reads ({what}); \
         this build supports @micropython/micropython-webassembly-pyscript 1.27.0"
    ))
}
