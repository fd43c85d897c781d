//! Each Python operation on a view (`python/pyscript/_ffi/views.py` `_View`), exported to the adapters' JS glue.
//! A result is what [`carry`] makes of the JS value, a marker (`super::ABSENT`,
//! `OUT_OF_RANGE`, `DONE`), `""` for done, or an error in the wire form: these functions
//! never throw (a throw inside a native call is uncatchable on MicroPython).

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::carry::{carry, raised, take_thrown, thrown_wire};
use crate::error::Error;

#[wasm_bindgen(module = "/js/view.js")]
extern "C" {
    fn collection_kind(value: &JsValue) -> u32;
    #[wasm_bindgen(catch)]
    fn map_get(map: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn map_has(map: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn map_set(map: &JsValue, key: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn map_delete(map: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn set_has(set: &JsValue, item: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn array_includes(value: &JsValue, item: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn has_property(value: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn get_property(value: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn iterator_of(value: &JsValue, kind: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn next_of(iterator: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch)]
    fn is_thenable(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch)]
    fn bytes_of_view(value: &JsValue) -> Result<JsValue, JsValue>;
    fn describe(value: &JsValue) -> String;
    #[wasm_bindgen(catch)]
    fn to_text(value: &JsValue) -> Result<JsValue, JsValue>;
    fn construct_hint(error: JsValue) -> JsValue;
    #[wasm_bindgen(catch)]
    fn byte_view(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// What Python operations an object supports beyond attributes (docs/views.md).
enum Shape {
    Map,
    Set,
    /// An object (not a function) whose `length` is an array length.
    ArrayLike(u32),
    Other,
}

const MAP: u32 = 1;
const SET: u32 = 2;
/// The global object: a namespace, never an array-like (a browser window has a `length`).
const GLOBAL: u32 = 3;
/// An ArrayBuffer or DataView: a sequence of its bytes (see [`indexed`]).
const BYTES: u32 = 4;

/// What the sequence operations index, with its collection kind: an ArrayBuffer's or
/// DataView's bytes (a live Uint8Array over them, so that `bytes()`, `len`, items and
/// iteration read bytes on every interpreter; no collection), else the value itself. The
/// kind is asked once per operation: each ask is a call into JS.
fn indexed(target: &JsValue) -> Result<(JsValue, u32), JsValue> {
    match collection_kind(target) {
        BYTES => Ok((byte_view(target)?, 0)),
        kind => Ok((target.clone(), kind)),
    }
}

/// `indexed(target)` and its kind, or the error value to return.
macro_rules! indexed_or_return {
    ($target:ident, $kind:ident) => {
        let (ref $target, $kind) = match indexed($target) {
            Ok(indexed) => indexed,
            Err(error) => return raised(error),
        };
    };
}

thread_local! {
    /// The key `length`, made once: a JS string from Rust text is decoded on each make.
    static LENGTH: JsValue = JsValue::from_str("length");
}

/// The shape of `target`, whose [`collection_kind`] is `kind`.
fn shape(target: &JsValue, kind: u32) -> Result<Shape, JsValue> {
    match kind {
        MAP => return Ok(Shape::Map),
        SET => return Ok(Shape::Set),
        GLOBAL => return Ok(Shape::Other),
        _ => {}
    }
    if target.is_function() || !target.is_object() {
        return Ok(Shape::Other);
    }
    let length = LENGTH.with(|key| Reflect::get(target, key))?;
    Ok(match length.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Shape::ArrayLike(n as u32),
        _ => Shape::Other,
    })
}

fn wire(error: Error) -> JsValue {
    JsValue::from_str(&error.to_wire())
}

fn type_error(target: &JsValue, message: String) -> JsValue {
    wire(Error::type_error(describe(target), "Python", message))
}

/// `Ok(value)` carried, `Err(thrown)` raised.
fn carried(result: Result<JsValue, JsValue>) -> JsValue {
    match result {
        Ok(value) => carry(value),
        Err(error) => raised(error),
    }
}

fn marker(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// An array index from a Python int (negative from the end), if it is one within `length`.
fn index_in(key: &JsValue, length: u32) -> Option<Result<u32, ()>> {
    let n = key.as_f64().filter(|n| n.fract() == 0.0)?;
    let index = if n < 0.0 { n + f64::from(length) } else { n };
    Some(if (0.0..f64::from(length)).contains(&index) {
        Ok(index as u32)
    } else {
        Err(())
    })
}

/// `view.name`: the property, or ABSENT when it is not `in` the object.
#[wasm_bindgen]
pub fn view_get(target: &JsValue, key: &JsValue) -> JsValue {
    match get_property(target, key) {
        Ok(value) if value.is_undefined() => match has_property(target, key) {
            Ok(true) => marker(super::NONE),
            Ok(false) => marker(super::ABSENT),
            Err(error) => raised(error),
        },
        result => carried(result),
    }
}

/// `view.name = value`: `""`, or the error.
#[wasm_bindgen]
pub fn view_set(target: &JsValue, key: &JsValue, value: &JsValue) -> JsValue {
    match Reflect::set(target, key, value) {
        Ok(true) => marker(""),
        Ok(false) => type_error(
            target,
            format!(
                "JavaScript refused to set the property {} of this {} (read-only, or the object is frozen)",
                quoted(key),
                describe(target)
            ),
        ),
        Err(error) => raised(error),
    }
}

/// `del view.name`: `""`, ABSENT, or the error.
#[wasm_bindgen]
pub fn view_delete(target: &JsValue, key: &JsValue) -> JsValue {
    match has_property(target, key) {
        Ok(false) => return marker(super::ABSENT),
        Err(error) => return raised(error),
        Ok(true) => {}
    }
    match Reflect::delete_property(target.unchecked_ref::<js_sys::Object>(), key) {
        Ok(true) => marker(""),
        Ok(false) => type_error(
            target,
            format!(
                "JavaScript refused to delete the property {} of this {}",
                quoted(key),
                describe(target)
            ),
        ),
        Err(error) => raised(error),
    }
}

fn quoted(key: &JsValue) -> String {
    match (key.as_string(), key.as_f64()) {
        (Some(text), _) => format!("{text:?}"),
        (None, Some(index)) => index.to_string(),
        _ => describe(key),
    }
}

/// `view(*args)`: `function.apply(this, args)`.
#[wasm_bindgen]
pub fn view_call(function: &JsValue, this: &JsValue, args: &Array) -> JsValue {
    let Some(callable) = function.dyn_ref::<Function>() else {
        return type_error(
            function,
            format!(
                "this JS {} is not callable (a view of it can be read, not called)",
                describe(function)
            ),
        );
    };
    match Reflect::apply(callable, this, args) {
        Ok(value) => carry(value),
        Err(error) => raised(construct_hint(error)),
    }
}

/// `view.new(*args)`: `Reflect.construct(cls, args)`.
#[wasm_bindgen]
pub fn view_new(cls: &JsValue, args: &Array) -> JsValue {
    let Some(constructor) = cls.dyn_ref::<Function>() else {
        return type_error(
            cls,
            format!(
                "new: this JS {} is not a constructor (a class or function is)",
                describe(cls)
            ),
        );
    };
    carried(Reflect::construct(constructor, args))
}

/// `view[key]`: a Map's entry, an array-like's item (Python indexing), else the property.
#[wasm_bindgen]
pub fn view_item(target: &JsValue, key: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    match shape(target, kind) {
        Err(error) => raised(error),
        Ok(Shape::Map) => match map_has(target, key) {
            Ok(false) => marker(super::ABSENT),
            Ok(true) => carried(map_get(target, key)),
            Err(error) => raised(error),
        },
        Ok(Shape::Set) => type_error(
            target,
            "a JS Set has no items by key; test membership with `in`, or iterate it".to_owned(),
        ),
        Ok(Shape::ArrayLike(length)) => match index_in(key, length) {
            Some(Ok(index)) => carried(Reflect::get_u32(target, index)),
            Some(Err(())) => marker(super::OUT_OF_RANGE),
            None => view_get(target, key),
        },
        Ok(Shape::Other) => view_get(target, key),
    }
}

/// `view[key] = value`.
#[wasm_bindgen]
pub fn view_set_item(target: &JsValue, key: &JsValue, value: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    match shape(target, kind) {
        Err(error) => raised(error),
        Ok(Shape::Map) => match map_set(target, key, value) {
            Ok(()) => marker(""),
            Err(error) => raised(error),
        },
        Ok(Shape::Set) => type_error(
            target,
            "a JS Set has no items by key; add to it with .add(value)".to_owned(),
        ),
        Ok(Shape::ArrayLike(length)) => match index_in(key, length) {
            Some(Ok(index)) => view_set(target, &JsValue::from(index), value),
            Some(Err(())) => marker(super::OUT_OF_RANGE),
            None => view_set(target, key, value),
        },
        Ok(Shape::Other) => view_set(target, key, value),
    }
}

/// `del view[key]`: a Map's entry or a property; an array-like's items are not deleted
/// (JavaScript would leave a hole where Python shifts the rest).
#[wasm_bindgen]
pub fn view_delete_item(target: &JsValue, key: &JsValue) -> JsValue {
    match shape(target, collection_kind(target)) {
        Err(error) => raised(error),
        Ok(Shape::Map) => match map_delete(target, key) {
            Ok(true) => marker(""),
            Ok(false) => marker(super::ABSENT),
            Err(error) => raised(error),
        },
        Ok(Shape::Set) => type_error(
            target,
            "a JS Set has no items by key; remove from it with .delete(value)".to_owned(),
        ),
        Ok(Shape::ArrayLike(_)) if key.as_f64().is_some() => type_error(
            target,
            "del of an array item would leave a hole in JavaScript; remove it with .splice(index, 1)".to_owned(),
        ),
        Ok(_) => view_delete(target, key),
    }
}

/// The items of `view[start:stop:step]` (bounds already normalised by the shim, as
/// `slice.indices` gives them), carried, as a JS Array.
#[wasm_bindgen]
pub fn view_slice(target: &JsValue, start: i32, stop: i32, step: i32) -> JsValue {
    indexed_or_return!(target, _kind);
    let items = Array::new();
    let mut index = start;
    while (step > 0 && index < stop) || (step < 0 && index > stop) {
        let Ok(position) = u32::try_from(index) else { break };
        match Reflect::get_u32(target, position) {
            Ok(value) => {
                let value = carry(value);
                if is_error(&value) {
                    return value;
                }
                items.push(&value);
            }
            Err(error) => return raised(error),
        }
        index = match index.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    items.into()
}

fn is_error(value: &JsValue) -> bool {
    value
        .as_string()
        .is_some_and(|text| text.starts_with('\0') && text.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic))
}

/// `len(view)`: a Map's or Set's size, an array-like's length.
#[wasm_bindgen]
pub fn view_length(target: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    match shape(target, kind) {
        Err(error) => raised(error),
        Ok(Shape::Map) => size(target),
        Ok(Shape::Set) => size(target),
        Ok(Shape::ArrayLike(length)) => JsValue::from(length),
        Ok(Shape::Other) => type_error(
            target,
            format!(
                "len(): this JS {} has no length (array-likes, Map and Set have one)",
                describe(target)
            ),
        ),
    }
}

/// A Map's or Set's size, by the built-in getter (inspect.js, as `to_py` reads it).
fn size(target: &JsValue) -> JsValue {
    match crate::js::collection_size(target) {
        Ok(n) => JsValue::from(n),
        Err(error) => raised(error),
    }
}

/// `bool(view)`: False for an empty array-like, Map or Set.
#[wasm_bindgen]
pub fn view_truthy(target: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    let length = match shape(target, kind) {
        Err(error) => return raised(error),
        Ok(Shape::Map) => size(target),
        Ok(Shape::Set) => size(target),
        Ok(Shape::ArrayLike(length)) => JsValue::from(length),
        Ok(Shape::Other) => return JsValue::TRUE,
    };
    match length.as_f64() {
        Some(n) => JsValue::from_bool(n > 0.0),
        None => length,
    }
}

/// `item in view`: a Map's key, a Set's item, an array-like's item (SameValueZero), else
/// a property name.
#[wasm_bindgen]
pub fn view_contains(target: &JsValue, item: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    let found = match shape(target, kind) {
        Err(error) => return raised(error),
        Ok(Shape::Map) => map_has(target, item),
        Ok(Shape::Set) => set_has(target, item),
        Ok(Shape::ArrayLike(_)) => array_includes(target, item),
        Ok(Shape::Other) => has_property(target, item),
    };
    match found {
        Ok(found) => JsValue::from_bool(found),
        Err(error) => raised(error),
    }
}

/// `iter(view)`: the JS iterator to step with [`view_next`].
#[wasm_bindgen]
pub fn view_iter(target: &JsValue) -> JsValue {
    indexed_or_return!(target, kind);
    if kind == 0 || kind == GLOBAL {
        let iterable = match Reflect::get(target, &js_sys::Symbol::iterator()) {
            Ok(method) => method.is_function(),
            Err(error) => return raised(error),
        };
        if !iterable && (kind == GLOBAL || !matches!(shape(target, kind), Ok(Shape::ArrayLike(_)))) {
            return type_error(
                target,
                format!(
                    "this JS {} is neither iterable nor awaitable (no Symbol.iterator, no length, no then method)",
                    describe(target)
                ),
            );
        }
    }
    match iterator_of(target, kind) {
        Ok(iterator) => iterator,
        Err(error) => raised(error),
    }
}

/// The next item of a [`view_iter`] iterator, carried, or DONE.
#[wasm_bindgen]
pub fn view_next(iterator: &JsValue) -> JsValue {
    match next_of(iterator) {
        Ok(step) if step.length() == 0 => marker(super::DONE),
        Ok(step) => carry(step.get(0)),
        Err(error) => raised(error),
    }
}

/// `bytes(view)`: a copy of the bytes of an ArrayBuffer, DataView, Uint8Array or
/// Uint8ClampedArray (whose items are bytes); a TypeError for anything else, whose items
/// the shim reads instead.
#[wasm_bindgen]
pub fn view_bytes(target: &JsValue) -> JsValue {
    match bytes_of_view(target) {
        Ok(bytes) if bytes.is_undefined() => type_error(
            target,
            format!(
                "bytes(): the items of this JS {} are not bytes (those of ArrayBuffer, DataView, Uint8Array and Uint8ClampedArray are)",
                describe(target)
            ),
        ),
        Ok(bytes) => bytes,
        Err(error) => raised(error),
    }
}

/// `str(view)`: `String(value)`.
#[wasm_bindgen]
pub fn view_string(target: &JsValue) -> JsValue {
    carried(to_text(target))
}

/// Whether `await view` can wait for it.
#[wasm_bindgen]
pub fn view_thenable(target: &JsValue) -> JsValue {
    match is_thenable(target) {
        Ok(found) => JsValue::from_bool(found),
        Err(error) => raised(error),
    }
}

thread_local! {
    static IDENTITIES: (js_sys::WeakMap, std::cell::Cell<f64>) = (js_sys::WeakMap::new(), std::cell::Cell::new(0.0));
}

/// A number that is the same for the same JS object, for `==` and `hash` of views.
#[wasm_bindgen]
pub fn view_identity(target: &JsValue) -> f64 {
    if !target.is_object() && !target.is_function() {
        return 0.0;
    }
    let object: &js_sys::Object = target.unchecked_ref();
    IDENTITIES.with(|(ids, next)| match ids.get(object).as_f64() {
        Some(id) => id,
        None => {
            let id = next.get() + 1.0;
            next.set(id);
            ids.set(object, &JsValue::from(id));
            id
        }
    })
}

/// "object Date", "function fetch": for reprs and messages.
#[wasm_bindgen]
pub fn view_describe(target: &JsValue) -> String {
    describe(target)
}

/// [`carry`] for the adapters' glue: callback arguments, awaited results.
#[wasm_bindgen]
pub fn view_carry(value: JsValue) -> JsValue {
    carry(value)
}

/// [`raised`] for the adapters' glue: a rejection's reason.
#[wasm_bindgen]
pub fn view_raised(error: JsValue) -> JsValue {
    raised(error)
}

/// The JS value behind the last JsException a view operation reported.
#[wasm_bindgen]
pub fn view_thrown() -> JsValue {
    take_thrown()
}

/// The wire form of a thrown value, for the adapters' glue (js/loader.js errorWire).
#[wasm_bindgen(js_name = thrown_wire)]
pub fn thrown_wire_export(error: &JsValue) -> String {
    thrown_wire(error)
}

/// The markers the shim and the glue read: `[ABSENT, OUT_OF_RANGE, DONE, HELD]` and the
/// wire's value marks `[TEXT, UNITS, DECIMAL, BITS]` (crate::wire::mark): one source for
/// Rust, JS and Python.
#[wasm_bindgen]
pub fn view_markers() -> Array {
    use crate::wire::mark;
    [
        super::ABSENT,
        super::OUT_OF_RANGE,
        super::DONE,
        super::HELD,
        mark::TEXT,
        mark::UNITS,
        mark::DECIMAL,
        mark::BITS,
    ]
    .iter()
    .map(|text| JsValue::from_str(text))
    .collect()
}
