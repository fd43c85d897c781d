//! JS → Python for every value a view hands to Python (docs/views.md, first table).
//!
//! The result crosses into Python by the interpreter's own rules, which are exact for
//! what is returned as it is: booleans, int32 integers, non-integral numbers, strings
//! with no lone surrogate (a leading U+0000 is escaped, so that no string reads as a
//! marker) and JS objects, which the shim wraps in views. Everything else comes as a
//! marker string the shim decodes: `\0` for `undefined`/`null`, `\0\2`/`\0\3` numbers
//! (see `wire::exact_number_text`), `\0\0` a string that starts with U+0000, or an error
//! in the wire form.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Error;
use crate::js;
use crate::proxy::ledger::Ledger;
use crate::wire::error as wire;

thread_local! {
    /// The JS value behind the last JsException a view operation reported, for the shim
    /// to attach to the exception it raises (`view_thrown`).
    static THROWN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// `value` as Python should receive it from a view (see the module docs).
pub fn carry(value: JsValue) -> JsValue {
    if value.is_undefined() || value.is_null() {
        return JsValue::from_str(super::NONE);
    }
    if value.as_bool().is_some() {
        return value;
    }
    if let Some(text) = crate::wire::exact_number_text(&value) {
        return JsValue::from_str(&text);
    }
    if value.as_f64().is_some() {
        return value;
    }
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        if !js::is_well_formed(text) {
            return JsValue::from_str(&lone_surrogate().to_wire());
        }
        if text.char_code_at(0) == 0.0 {
            return js_sys::JsString::from(crate::wire::mark::TEXT).concat(text).into();
        }
        return value;
    }
    // An ffi proxy of a Python object: Python gets the object itself.
    if let Some(target) = Ledger::target_of(&value) {
        return target;
    }
    if (value.is_object() || value.is_function()) && !js::crosses_safely(&value) {
        return JsValue::from_str(&crate::convert::to_py::unreadable("a view").to_wire());
    }
    value
}

/// The wire form of a value JavaScript threw during a view operation, remembered for
/// [`take_thrown`]: a JsException named as Pyodide names it, or a Python exception that
/// crossed into JavaScript and back (a callback that raised).
pub fn raised(error: JsValue) -> JsValue {
    let wire = thrown_wire(&error);
    THROWN.with(|thrown| *thrown.borrow_mut() = Some(error));
    JsValue::from_str(&wire)
}

/// The JS value behind the last error [`raised`] reported, once.
pub fn take_thrown() -> JsValue {
    THROWN
        .with(|thrown| thrown.borrow_mut().take())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `"\0JsException\0<name>\0<message>"`, or `"\0PythonError\0<type>\0<message>"` for an
/// Error named PythonError that carries the Python type name (what both interpreters
/// throw for an exception raised in a callback).
pub fn thrown_wire(error: &JsValue) -> String {
    let (name, message) = js::thrown(error);
    match js::python_error_type(error).as_string() {
        // "PythonError": the name both interpreters give a JS Error made from a Python one.
        Some(type_name) if name == "PythonError" => {
            wire::wire(wire::PYTHON_ERROR, &format!("{type_name}{}{message}", wire::SEPARATOR))
        }
        _ => wire::wire(wire::JS_EXCEPTION, &format!("{name}{}{message}", wire::SEPARATOR)),
    }
}

fn lone_surrogate() -> Error {
    Error::value_error(
        "str",
        "Python",
        "a JavaScript string with a lone surrogate cannot be a Python str on every interpreter; repair it in \
         JavaScript (String.prototype.toWellFormed) first",
    )
}
