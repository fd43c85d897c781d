//! Rust -> the value Python receives, through serde.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::error::Error;

/// The JS value for `value` that Python receives with the canonical types once `ffi.to_py`
/// (or `ffi.bind`) converts it: structs and maps become plain objects (dicts), sequences
/// Arrays (lists), `None` null (`None`); 64-bit integers become BigInt, so they arrive as
/// exact Python ints whatever their size.
pub fn to_py<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true)
        .serialize_large_number_types_as_bigints(true);
    value
        .serialize(&serializer)
        .map_err(|error| Error::value_error(std::any::type_name::<T>(), "Python", format!("to_py: {error}")))
}
