//! `ffi-pyodide`: the Pyodide adapter. Python pickles the value once (C speed, exact
//! types, shared objects memoised); this crate decodes the stream and hands the graph to
//! `ffi-core`, which applies the canonical rules. `js/index.js` exports `install()`.

pub mod graph;
pub mod pickle;

use ffi_core::unstable::convert::to_js::too_deep;
use ffi_core::unstable::convert::to_py::ToPyOptions;
use ffi_core::unstable::{wire, ToJsOptions};
use ffi_core::Error;
use wasm_bindgen::prelude::*;

use crate::graph::PickleGraph;

/// Python sources written into Pyodide's file system by `install()` (comment lines
/// emptied by build.rs).
const PYTHON_IMPL: &str = include_str!(concat!(env!("OUT_DIR"), "/_pyscript_ffi_impl.py"));

/// One bridge per installed interpreter: its ledger and options.
#[wasm_bindgen]
pub struct Bridge {}

impl std::fmt::Debug for Bridge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bridge").finish_non_exhaustive()
    }
}

impl Default for Bridge {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Bridge {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Bridge {
        Bridge {}
    }

    /// `to_js` on a pickled value; `js_refs` holds the JS values it refers to;
    /// `dict_converter` is a JS function or undefined.
    /// Returns the JS value, or an error string (see `ffi_core::wire`).
    pub fn to_js_pickle(&self, bytes: &[u8], js_refs: js_sys::Array, dict_converter: JsValue) -> JsValue {
        let options = ToJsOptions::with_dict_converter(&dict_converter);
        let result = pickle::decode(bytes)
            .map_err(|e| Error::interpreter(format!("to_js: {e}")))
            .and_then(|decoded| ffi_core::unstable::to_js(&PickleGraph { decoded, js_refs }, &options));
        wire::value_or_error(result)
    }

    /// The canonical nesting error, for when pickling itself hits Python's recursion limit.
    pub fn too_deep(&self) -> String {
        too_deep(ToJsOptions::strict().max_nesting).to_wire()
    }

    /// `to_py`: see `ffi_core::unstable::wire::to_py_package` (CPython parses float literals exactly).
    pub fn to_py(&self, value: JsValue, depth: i32) -> JsValue {
        wire::to_py_package(&value, depth, ToPyOptions::exact_parser())
    }
}

/// `[path, source]` pairs of the Python files `install()` writes.
#[wasm_bindgen]
pub fn python_files() -> js_sys::Array {
    ffi_core::unstable::python_sources::files(PYTHON_IMPL)
}
