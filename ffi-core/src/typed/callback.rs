//! A Python callable kept by Rust and called with typed arguments.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use super::{from_py, to_py};
use crate::error::Error;

/// A Python callable a `#[wasm_bindgen]` export received, kept for later calls. It stays
/// valid while the `PyCallback` (or a clone) lives, whether it arrived as an ffi proxy or
/// as the interpreter's own (lifetime "auto", docs/lifetime.md); once the last clone is
/// dropped, JavaScript no longer holds it and it is released automatically.
#[derive(Debug, Clone)]
pub struct PyCallback {
    function: js_sys::Function,
}

impl PyCallback {
    /// The callable Python passed, or a `TypeError` naming what came instead.
    pub fn from_py(value: &JsValue) -> Result<Self, Error> {
        match value.dyn_ref::<js_sys::Function>() {
            Some(function) => Ok(PyCallback {
                function: function.clone(),
            }),
            None => Err(Error::type_error(
                crate::convert::to_py::js_type_name(value),
                "Rust",
                "PyCallback: expected a Python callable (a function, a lambda, a bound method)",
            )),
        }
    }

    /// Call it with `args` (a tuple or a sequence: one Python argument per element; `()`
    /// none; any other value is one argument), converted by [`to_py`]; its result is read by
    /// [`from_py`] (`()` for a callback returning `None`). A Python exception comes back
    /// as an error carrying its message.
    pub fn call<A: Serialize + ?Sized, R: DeserializeOwned>(&self, args: &A) -> Result<R, Error> {
        let args = to_py(args)?;
        let args = match args.dyn_into::<js_sys::Array>() {
            Ok(array) => array,
            // `()` serializes to null: no arguments.
            Err(nothing) if nothing.is_null() => js_sys::Array::new(),
            Err(single) => js_sys::Array::of1(&single),
        };
        let result = self.function.apply(&JsValue::NULL, &args).map_err(Error::from)?;
        from_py(&result)
    }

    /// The JS function itself, for passing it on to JavaScript.
    pub fn as_js(&self) -> &js_sys::Function {
        &self.function
    }
}
