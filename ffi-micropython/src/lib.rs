//! `ffi-micropython`: the MicroPython adapter. The value to convert is pushed on a
//! Python list whose address is known; this crate reads the object graph straight from
//! MicroPython's heap ([`heap`]) and hands it to `ffi-core`. No per-value proxies, no
//! slots in MicroPython's proxy table. `js/index.js` exports `install()`.

pub mod heap;

use ffi_core::unstable::convert::to_py::ToPyOptions;
use ffi_core::unstable::{wire, ToJsOptions};
use ffi_core::Error;
use wasm_bindgen::prelude::*;

use crate::heap::{Calibration, Heap, HeapGraph, Layout};

/// The Python modules install() writes, compiled to `.mpy` by build.rs.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/mpy/files.rs"));
}

#[wasm_bindgen]
pub struct Bridge {
    heap: Heap,
    calibration: Option<Calibration>,
}

impl std::fmt::Debug for Bridge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bridge")
            .field("calibration", &self.calibration)
            .finish_non_exhaustive()
    }
}

#[wasm_bindgen]
impl Bridge {
    /// `module` is `mp._module`; `scratch` a 12-byte buffer malloc'ed in its heap;
    /// `unwrap` gives the original behind a guarded function (js/guard.js); `layout` the
    /// release's offsets (js/versions.js) and `facts_of` whose they are ("MicroPython 1.29.0-6").
    #[wasm_bindgen(constructor)]
    pub fn new(
        module: JsValue,
        scratch: u32,
        unwrap: js_sys::Function,
        layout: JsValue,
        facts_of: String,
    ) -> Result<Bridge, JsValue> {
        let layout = Layout::from_js(&layout).map_err(JsValue::from)?;
        Ok(Bridge {
            heap: Heap::new(module, scratch, unwrap, layout, facts_of),
            calibration: None,
        })
    }

    /// Learn and verify the heap layout from the samples list's items. Returns `""` on
    /// success, else the error in wire form.
    pub fn calibrate(&mut self, samples_items: u32, samples_len: u32) -> String {
        match Calibration::learn(&self.heap, samples_items, samples_len) {
            Ok(calibration) => {
                self.calibration = Some(calibration);
                String::new()
            }
            Err(err) => err.to_wire(),
        }
    }

    /// The JS function a bound method on top of the argument stack stands for (see
    /// `HeapGraph::js_method`), or `null` when it is not one.
    pub fn js_method_of_top(&self) -> JsValue {
        let Some(calibration) = self.calibration.as_ref() else {
            return JsValue::NULL;
        };
        let Ok(word) = self.heap.stack_item(calibration, 0) else {
            return JsValue::NULL;
        };
        if word & 3 != 0 {
            return JsValue::NULL;
        }
        let graph = HeapGraph::new(&self.heap, calibration, word);
        graph.js_method(word, self.heap.word(word)).unwrap_or(JsValue::NULL)
    }

    /// `to_js` of the value on top of the shim's argument stack.
    pub fn to_js_stack(&self, dict_converter: JsValue) -> JsValue {
        wire::value_or_error(self.convert_top(&ToJsOptions::with_dict_converter(&dict_converter)))
    }

    /// The objects only Python can convert in the value below the top of the argument
    /// stack (see `HeapGraph::holes`), written into the list on top; the conversion table
    /// below them says which are done. Returns how many were written, `-n` when the list
    /// needs `n` slots, or an error in wire form.
    pub fn holes_of_stack(&self) -> JsValue {
        let result = self.calibration().and_then(|calibration| {
            let root = self.heap.stack_item(calibration, 2)?;
            let table = self.heap.stack_item(calibration, 1)?;
            let list = self.heap.stack_item(calibration, 0)?;
            let graph = HeapGraph::new(&self.heap, calibration, root).with_conversions(table)?;
            let found = graph.holes(root)?;
            Ok(match self.heap.fill_list(list, &found) {
                Ok(written) => f64::from(written),
                Err(needed) => -f64::from(needed),
            })
        });
        match result {
            Ok(n) => JsValue::from_f64(n),
            Err(err) => JsValue::from_str(&err.to_wire()),
        }
    }

    /// `to_py`: see `ffi_core::unstable::wire::to_py_package` (MicroPython's float parser is inexact: floats travel as bits).
    pub fn to_py(&self, value: JsValue, depth: i32) -> JsValue {
        wire::to_py_package(&value, depth, ToPyOptions::minimal_parser())
    }
}

impl Bridge {
    fn calibration(&self) -> Result<&Calibration, Error> {
        self.calibration
            .as_ref()
            .ok_or_else(|| Error::interpreter("ffi-micropython: install() did not finish calibrating"))
    }

    /// The stack holds `[..., value, conversion table or None]`.
    fn convert_top(&self, options: &ToJsOptions) -> Result<JsValue, Error> {
        let calibration = self.calibration()?;
        let root = self.heap.stack_item(calibration, 1)?;
        let table = self.heap.stack_item(calibration, 0)?;
        let graph = HeapGraph::new(&self.heap, calibration, root).with_conversions(table)?;
        ffi_core::unstable::to_js(&graph, options)
    }
}

/// `[path, bytes]` pairs `install()` writes: the shared `pyscript` package and this
/// adapter's `_pyscript_ffi_impl`, as MicroPython bytecode (build.rs).
#[wasm_bindgen]
pub fn python_files() -> js_sys::Array {
    let files = js_sys::Array::new();
    for (path, bytes) in compiled::MPY_FILES {
        let pair = js_sys::Array::of2(&JsValue::from_str(path), &js_sys::Uint8Array::from(*bytes));
        files.push(&pair);
    }
    files
}
