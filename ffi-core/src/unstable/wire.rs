//! How bridge functions hand results to the Python shim. They never throw: a JS throw
//! inside a native call is uncatchable on MicroPython 1.27. Results that are always JS
//! objects come back as they are; a failure comes back as a string in
//! [`Error::to_wire`] form, which the shim turns into the named Python exception.
//! (`js/loader.js`'s `wireError` writes the same form for bridge functions implemented
//! in plain JS.)

use wasm_bindgen::JsValue;

/// The marks of a wire-form result string (see [`value_or_error`]); the shim reads them
/// from `_bridge.view_markers` (never a copy of its own).
pub mod mark {
    /// A string result, escaped: the JS string follows.
    pub const TEXT: &str = "\0\0";
    /// A string with a lone surrogate: its UTF-16 units follow, four hex digits each.
    pub const UNITS: &str = "\0\u{1}";
    /// An exact number: its decimal text follows (`-0` for negative zero).
    pub const DECIMAL: &str = "\0\u{2}";
    /// An integral float beyond 2^53: its IEEE bits follow, little-endian hex.
    pub const BITS: &str = "\0\u{3}";
}

/// The error wire: a bridge function's failure is the string `SEPARATOR name SEPARATOR
/// message`, `name` one of these; the shim raises the exception it names. For
/// `JS_EXCEPTION` the message is `js_name SEPARATOR js_message`, for `PYTHON_ERROR`
/// `python_type SEPARATOR traceback_text`. `js/loader.js`, `python/pyscript/_ffi/errors.py` and
/// ffi-micropython's `_pyscript_ffi_impl.py` have generated copies (crate::contract).
pub mod error {
    /// Starts every error string and ends its name (U+0000: no plain result starts with
    /// it, a string result that would is marked, see [`super::mark`]).
    pub const SEPARATOR: &str = "\0";
    pub const TYPE_ERROR: &str = "TypeError";
    pub const VALUE_ERROR: &str = "ValueError";
    pub const RECURSION_ERROR: &str = "RecursionError";
    pub const MEMORY_ERROR: &str = "MemoryError";
    pub const RUNTIME_ERROR: &str = "RuntimeError";
    /// A JS throw, raised as `ffi.JsException`.
    pub const JS_EXCEPTION: &str = "JsException";
    /// A Python exception that crossed into JavaScript (a callback raised) and back.
    pub const PYTHON_ERROR: &str = "PythonError";
    /// Not raised: ffi-micropython's walk hands the value to the shim (see
    /// [`crate::ErrorKind::NeedsPython`]).
    pub const NEEDS_PYTHON: &str = "NeedsPython";
    /// Every constant of the set by name, in order (see `crate::contract`).
    pub const ALL: &[(&str, &str)] = &[
        ("SEPARATOR", SEPARATOR),
        ("TYPE_ERROR", TYPE_ERROR),
        ("VALUE_ERROR", VALUE_ERROR),
        ("RECURSION_ERROR", RECURSION_ERROR),
        ("MEMORY_ERROR", MEMORY_ERROR),
        ("RUNTIME_ERROR", RUNTIME_ERROR),
        ("JS_EXCEPTION", JS_EXCEPTION),
        ("PYTHON_ERROR", PYTHON_ERROR),
        ("NEEDS_PYTHON", NEEDS_PYTHON),
    ];

    /// `name` and `message` in the wire form.
    pub fn wire(name: &str, message: &str) -> String {
        format!("{SEPARATOR}{name}{SEPARATOR}{message}")
    }
}

use crate::convert::to_py::{to_py, ToPyOptions};
use crate::error::Error;
use crate::proxy::table::Stats;

pub fn object_or_error(result: Result<JsValue, Error>) -> JsValue {
    match result {
        Ok(value) => value,
        Err(err) => JsValue::from_str(&err.to_wire()),
    }
}

/// A conversion's result or its error: like [`object_or_error`], but a result that is a
/// JS string comes prefixed with U+0000 U+0000 (no error starts so), so that a string
/// result (a str subclass, a converter returning text) never reads as an error; one with a
/// lone surrogate comes as U+0000 U+0001 and its UTF-16 units in hex, four digits each
/// (MicroPython's own crossing of such a string into Python garbles it). A number result
/// that an interpreter's own crossing would change (an integer beyond 32 bits, which
/// MicroPython wraps; `-0`, which both make `0`) and a BigInt (MicroPython keeps it opaque)
/// come as U+0000 U+0002 and their decimal text; an integral float beyond 2^53 (MicroPython
/// would wrap it too) as U+0000 U+0003 and its IEEE bits, little-endian hex.
pub fn value_or_error(result: Result<JsValue, Error>) -> JsValue {
    use wasm_bindgen::JsCast;
    if let Ok(value) = &result {
        if let Some(text) = exact_number_text(value) {
            return JsValue::from_str(&text);
        }
    }
    match result {
        Ok(value) => match value.dyn_ref::<js_sys::JsString>() {
            Some(text) if crate::js::is_well_formed(text) => js_sys::JsString::from(mark::TEXT).concat(text).into(),
            Some(text) => {
                let mut units = String::from(mark::UNITS);
                for unit in text.iter() {
                    units.push_str(&format!("{unit:04x}"));
                }
                JsValue::from_str(&units)
            }
            None => value,
        },
        Err(err) => JsValue::from_str(&err.to_wire()),
    }
}

/// The wire text of a number or BigInt result that would not cross into Python exactly on
/// every interpreter (see [`value_or_error`]), else `None`.
pub(crate) fn exact_number_text(value: &JsValue) -> Option<String> {
    use wasm_bindgen::JsCast;
    if let Some(x) = value.as_f64() {
        let integral = x.fract() == 0.0;
        return if x == 0.0 && x.is_sign_negative() {
            Some(format!("{}-0", mark::DECIMAL))
        } else if integral && (-2_147_483_648.0..=2_147_483_647.0).contains(&x) {
            None
        } else if integral && x.abs() <= crate::convert::number::MAX_SAFE_INTEGER as f64 {
            Some(format!("{}{}", mark::DECIMAL, x as i64))
        } else if integral {
            let bits: String = x.to_le_bytes().iter().map(|b| format!("{b:02x}")).collect();
            Some(format!("{}{bits}", mark::BITS))
        } else {
            None
        };
    }
    let big = value.dyn_ref::<js_sys::BigInt>()?;
    big.to_string(10)
        .ok()
        .map(|text| format!("{}{}", mark::DECIMAL, String::from(text)))
}

/// `ffi.stats()` as a plain JS object.
pub fn stats_object(stats: Stats) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in [
        ("live", stats.live),
        ("created", stats.created),
        ("destroyed", stats.destroyed),
        ("finalized", stats.finalized),
    ] {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_f64(value as f64));
    }
    object.into()
}

/// `to_py` for a bridge: `[json, refs, floats_hex]` (see `convert::to_py`), or an error
/// string. `depth` is `-1` for all levels; `options` the adapter's preset.
pub fn to_py_package(value: &JsValue, depth: i32, mut options: ToPyOptions) -> JsValue {
    options.depth = usize::try_from(depth).ok();
    match to_py(value, &options) {
        Ok(doc) => js_sys::Array::of3(&doc.json.into(), &doc.refs, &doc.floats_hex.into()).into(),
        Err(err) => JsValue::from_str(&err.to_wire()),
    }
}

/// The limits the Python shims apply themselves, read from here so that one number
/// holds everywhere: `{ max_nesting, max_converter_chain, max_callback_nesting, max_callback_reentry }`.
#[cfg(feature = "bridge")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn limits() -> JsValue {
    use crate::convert::options::{MAX_CALLBACK_NESTING, MAX_CALLBACK_REENTRY, MAX_CONVERTER_CHAIN, MAX_NESTING};
    let object = js_sys::Object::new();
    for (name, value) in [
        ("max_nesting", MAX_NESTING),
        ("max_converter_chain", MAX_CONVERTER_CHAIN),
        ("max_callback_nesting", MAX_CALLBACK_NESTING),
        ("max_callback_reentry", MAX_CALLBACK_REENTRY),
    ] {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_f64(value as f64));
    }
    object.into()
}

/// The wire form of a `default_converter` misuse the shims detect while they walk:
/// `kind` 0, a result containing the object (`type_name` is the object's type); 1, results
/// that keep needing conversion.
#[cfg(feature = "bridge")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn converter_error(kind: u32, type_name: String) -> String {
    use crate::convert::to_js::{default_converter_cycle, default_converter_runaway};
    match kind {
        0 => default_converter_cycle(&type_name),
        _ => default_converter_runaway(),
    }
    .to_wire()
}

/// Whether an interpreter's own crossing of `value` into Python can take it (see
/// `crate::js::crosses_safely`): for the adapters' JS glue, which passes values to the
/// interpreter itself (callback arguments, guarded call results).
#[cfg(feature = "bridge")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn crosses_safely(value: &JsValue) -> bool {
    (!value.is_object() && !value.is_function()) || crate::js::crosses_safely(value)
}

/// `[name, message]` of a thrown value, worded as Pyodide words a throw in any call, read
/// without letting a hostile value throw again: for the adapters' JS glue.
#[cfg(feature = "bridge")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn thrown(error: &JsValue) -> js_sys::Array {
    crate::js::thrown_parts(error)
}
