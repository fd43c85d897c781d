//! Not a public API: what the interpreter adapters (`ffi-pyodide`, `ffi-micropython`), the
//! JS glue and the tests use of the core. It changes with them, without notice; a crate
//! exposing objects to Python uses the crate root ([`crate::from_py`], [`crate::to_py`],
//! [`crate::PyCallback`], [`crate::Error`]) instead.

pub mod contract;
pub mod convert;
pub mod interpreter;
pub mod js;
pub mod proxy;
#[cfg(feature = "bridge")]
pub mod view;
pub mod wire;

pub use convert::options::ToJsOptions;
pub use convert::to_js::to_js;
pub use interpreter::{NodeId, PyBytes, PyGraph, PyInt, PyNode, PyStr};

/// Python sources shared by every adapter: the `pyscript` package users import.
pub mod python_sources {
    use wasm_bindgen::JsValue;

    pub const PYSCRIPT_INIT: &str = include_str!("../../../python/pyscript/__init__.py");
    pub const PYSCRIPT_FFI: &str = include_str!("../../../python/pyscript/ffi.py");

    /// `[path, source]` pairs `install()` writes: the shared package plus the adapter's
    /// own `_pyscript_ffi_impl.py`.
    pub fn files(adapter_impl: &str) -> js_sys::Array {
        let files = js_sys::Array::new();
        for (path, text) in [
            ("_pyscript_ffi_impl.py", adapter_impl),
            ("pyscript/__init__.py", PYSCRIPT_INIT),
            ("pyscript/ffi.py", PYSCRIPT_FFI),
        ] {
            files.push(&js_sys::Array::of2(&JsValue::from_str(path), &JsValue::from_str(text)));
        }
        files
    }
}
