//! Python value (as a `#[wasm_bindgen]` export receives it) -> Rust, through serde.

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Error;
use crate::proxy::ledger::Ledger;

/// A `T` from what Python handed a `#[wasm_bindgen]` export: the plain JS data `ffi.to_js`
/// (and `ffi.bind`) sends, or a Pyodide proxy of a Python dict/list/tuple, converted by
/// the same rules. A bad field is an error naming its path (`[1].text: invalid type:
/// integer `1`, expected a string`): a missing or unknown field is a `ValueError`, a wrong
/// type a `TypeError` (the JS error's name, through `ffi.bind`). Unknown keys are seen, so
/// `#[serde(deny_unknown_fields)]` works. Bytes are not data here (use a list of ints).
///
/// A MicroPython proxy of a Python object cannot be read from JavaScript; the error says
/// to pass the value through `ffi.to_js` or to call through `ffi.bind`.
pub fn from_py<T: DeserializeOwned>(value: &JsValue) -> Result<T, Error> {
    let target = std::any::type_name::<T>();
    // Through a JSON-like tree: serde-wasm-bindgen reads a struct's declared fields only,
    // so an unknown key (a typo in an option) would vanish silently; a map visit sees it.
    let tree: serde_json::Value = serde_wasm_bindgen::from_value(plain_data(value)?).map_err(|error| {
        Error::type_error(
            target,
            "Rust",
            format!("from_py: {}", without_js_prefix(&error.to_string())),
        )
    })?;
    serde_path_to_error::deserialize(tree).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner().to_string();
        let message = if path == "." {
            format!("from_py: {inner}")
        } else {
            format!("from_py: {path}: {inner}")
        };
        let wrong_content = [
            "missing field",
            "unknown field",
            "invalid value",
            "invalid length",
            "duplicate field",
        ]
        .iter()
        .any(|start| inner.starts_with(start));
        if wrong_content {
            Error::value_error(target, "Rust", message)
        } else {
            Error::type_error(target, "Rust", message)
        }
    })
}

/// serde-wasm-bindgen's messages are JS errors' `toString()`: "Error: …".
fn without_js_prefix(message: &str) -> &str {
    message.strip_prefix("Error: ").unwrap_or(message)
}

/// `value` as plain JS data: an ffi proxy stands for its Python object, a Pyodide proxy is
/// converted by Pyodide's `toJs` with plain objects for dicts.
fn plain_data(value: &JsValue) -> Result<JsValue, Error> {
    let value = Ledger::target_of(value).unwrap_or_else(|| value.clone());
    if !(value.is_object() || value.is_function()) {
        return Ok(value);
    }
    // Plain data (arrays, plain objects) is read as it is, whatever its keys.
    let prototype: JsValue = js_sys::Object::get_prototype_of(&value).into();
    let object_prototype: JsValue = js_sys::Object::get_prototype_of(&js_sys::Object::new()).into();
    let plain = js_sys::Array::is_array(&value) || prototype.is_null() || prototype == object_prototype;
    if plain {
        return Ok(value);
    }
    // MicroPython's proxies (a function, or a Proxy of its PyProxy class) answer `_ref`
    // without running Python.
    let micropython_ref = js_sys::Reflect::get(&value, &JsValue::from_str("_ref")).unwrap_or(JsValue::UNDEFINED);
    if micropython_ref.as_f64().is_some() {
        return Err(Error::type_error(
            "MicroPython proxy",
            "Rust",
            "from_py: this is a MicroPython proxy of a Python object, which JavaScript cannot read; \
             pass the value through ffi.to_js(value), or call the export through ffi.bind(module)",
        ));
    }
    let to_js = js_sys::Reflect::get(&value, &JsValue::from_str("toJs")).unwrap_or(JsValue::UNDEFINED);
    let type_name = js_sys::Reflect::get(&value, &JsValue::from_str("type")).unwrap_or(JsValue::UNDEFINED);
    match to_js.dyn_ref::<js_sys::Function>() {
        Some(to_js) if type_name.is_string() => {
            let options = js_sys::Object::new();
            let from_entries =
                js_sys::Reflect::get(&js_sys::Object::new().constructor(), &JsValue::from_str("fromEntries"))
                    .map_err(Error::from)?;
            js_sys::Reflect::set(&options, &JsValue::from_str("dict_converter"), &from_entries).map_err(Error::from)?;
            js_sys::Reflect::set(&options, &JsValue::from_str("create_pyproxies"), &JsValue::FALSE)
                .map_err(Error::from)?;
            to_js.call1(&value, &options).map_err(|error| {
                let cause = Error::from(error);
                Error::type_error(
                    type_name.as_string().unwrap_or_default(),
                    "Rust",
                    format!(
                        "from_py: the Python value has parts with no data conversion ({})",
                        cause.message
                    ),
                )
            })
        }
        _ => Ok(value),
    }
}
