//! JavaScript operations on values that input controls. Each may run user code (a
//! getter, a Proxy trap) that throws, so each is imported with `catch`: a throw comes
//! back as `Err` instead of unwinding through wasm frames. An unwinding throw skips the
//! restore of wasm's stack pointer; a few thousand of them corrupt the module's memory.
//! Code that reads input goes through here, never through js-sys methods that can throw.

use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/inspect.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `value.length`, whatever it is.
    #[wasm_bindgen(catch)]
    pub fn length_of(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `value[index]`.
    #[wasm_bindgen(catch)]
    pub fn item_of(value: &JsValue, index: u32) -> Result<JsValue, JsValue>;
    /// `Object.keys(value)`.
    #[wasm_bindgen(catch)]
    pub fn keys_of(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch)]
    pub fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `Reflect.get(value, key)`.
    #[wasm_bindgen(catch)]
    pub fn property_of(value: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    /// A Map's `[key, value]` entries by the built-in iterator.
    #[wasm_bindgen(catch)]
    pub fn map_entries(map: &JsValue) -> Result<Array, JsValue>;
    /// A Set's items by the built-in iterator.
    #[wasm_bindgen(catch)]
    pub fn set_items(set: &JsValue) -> Result<Array, JsValue>;
    /// The size of a Map or Set, by the built-in getter.
    #[wasm_bindgen(catch)]
    pub fn collection_size(value: &JsValue) -> Result<f64, JsValue>;
    /// A copy of a Uint8Array's or ArrayBuffer's bytes.
    #[wasm_bindgen(catch)]
    pub fn bytes_of(value: &JsValue) -> Result<Uint8Array, JsValue>;
    pub fn is_well_formed(text: &JsString) -> bool;
    /// Whether an interpreter's own crossing into Python can take the value (see js/inspect.js).
    pub fn crosses_safely(value: &JsValue) -> bool;
    /// `[name, message]` of a thrown value (see js/inspect.js).
    pub fn thrown_parts(error: &JsValue) -> Array;
    /// The Python type name an Error named PythonError carries (`.type`), else undefined.
    pub fn python_error_type(error: &JsValue) -> JsValue;
}

/// The name and message of a thrown value, as Pyodide words them for a throw in any call:
/// an Error's own, a string as the message, anything else described. Never throws.
pub fn thrown(error: &JsValue) -> (String, String) {
    let parts = thrown_parts(error);
    let text = |i| parts.get(i).as_string().unwrap_or_default();
    (text(0), text(1))
}
