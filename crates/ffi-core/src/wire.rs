//! How bridge functions hand results to the Python shim. They never throw: a JS throw
//! inside a native call is uncatchable on MicroPython 1.27. Results that are always JS
//! objects come back as they are; a failure comes back as a string in
//! [`Error::to_wire`] form, which the shim turns into the named Python exception.
//! (`js/loader.js`'s `wireError` writes the same form for bridge functions implemented
//! in plain JS.)

use wasm_bindgen::JsValue;

use crate::convert::to_py::{to_py, ToPyOptions};
use crate::error::Error;
use crate::proxy::table::Stats;

pub fn object_or_error(result: Result<JsValue, Error>) -> JsValue {
    match result {
        Ok(value) => value,
        Err(err) => JsValue::from_str(&err.to_wire()),
    }
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
/// string. `depth` is `-1` for all levels.
pub fn to_py_package(value: &JsValue, depth: i32, inline_floats: bool) -> JsValue {
    let mut options = ToPyOptions::new(inline_floats);
    options.depth = usize::try_from(depth).ok();
    match to_py(value, &options) {
        Ok(doc) => js_sys::Array::of3(&doc.json.into(), &doc.refs, &doc.floats_hex.into()).into(),
        Err(err) => JsValue::from_str(&err.to_wire()),
    }
}
