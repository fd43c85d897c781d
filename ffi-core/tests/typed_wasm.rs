//! The typed API for Rust crates (`ffi_core::typed`) on plain JS values, in Node through
//! wasm-bindgen-test; the interpreters' proxies are covered by the rust_example_* cases.
#![cfg(target_arch = "wasm32")]
// clippy's allow-*-in-tests does not recognise #[wasm_bindgen_test]; this is test code.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use ffi_core::{from_py, to_py, ErrorKind, PyCallback};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Doc {
    title: String,
    tags: Vec<String>,
    #[serde(default)]
    _ref: Option<u32>,
}

fn js(source: &str) -> JsValue {
    js_sys::eval(&format!("({source})")).unwrap()
}

#[wasm_bindgen_test]
fn plain_data_reads_into_serde_types_even_with_a_ref_key() {
    let doc: Doc = from_py(&js("{ title: 't', tags: ['a', 'b'], _ref: 3 }")).unwrap();
    assert_eq!(
        doc,
        Doc {
            title: "t".into(),
            tags: vec!["a".into(), "b".into()],
            _ref: Some(3)
        }
    );
}

#[wasm_bindgen_test]
fn errors_name_the_path_and_their_kind() {
    let wrong: Result<Vec<Doc>, _> = from_py(&js("[{ title: 'a', tags: [] }, { title: 'b', tags: [1] }]"));
    let wrong = wrong.unwrap_err();
    assert_eq!(wrong.kind, ErrorKind::Type);
    assert!(
        wrong
            .message
            .starts_with("from_py: [1].tags[0]: invalid type: integer `1`"),
        "{}",
        wrong.message
    );
    let unknown = from_py::<Doc>(&js("{ title: 'a', tags: [], colour: 1 }")).unwrap_err();
    assert_eq!(unknown.kind, ErrorKind::Value);
    assert!(
        unknown.message.contains("unknown field `colour`"),
        "{}",
        unknown.message
    );
    let missing = from_py::<Doc>(&js("{ tags: [] }")).unwrap_err();
    assert_eq!(
        (missing.kind, missing.message.as_str()),
        (ErrorKind::Value, "from_py: missing field `title`")
    );
}

#[derive(Serialize)]
struct Out {
    small: u32,
    big: u64,
    none: Option<u8>,
}

#[wasm_bindgen_test]
fn to_py_makes_plain_objects_null_and_exact_big_ints() {
    let value = to_py(&Out {
        small: 1,
        big: u64::MAX,
        none: None,
    })
    .unwrap();
    let text =
        js_sys::eval("(v) => `${Object.getPrototypeOf(v) === Object.prototype} ${typeof v.small} ${v.big} ${v.none}`")
            .unwrap()
            .dyn_into::<js_sys::Function>()
            .unwrap()
            .call1(&JsValue::UNDEFINED, &value)
            .unwrap();
    assert_eq!(text.as_string().unwrap(), "true number 18446744073709551615 null");
}

#[wasm_bindgen_test]
fn a_callback_is_called_with_typed_arguments_and_its_result_read() {
    let callback = PyCallback::from_py(&js("(a, b) => a * b")).unwrap();
    let product: u32 = callback.call(&(6, 7)).unwrap();
    assert_eq!(product, 42);
    let not_callable = PyCallback::from_py(&js("{}")).unwrap_err();
    assert_eq!(not_callable.kind, ErrorKind::Type);
    let count: u32 = PyCallback::from_py(&js("(...a) => a.length"))
        .unwrap()
        .call(&())
        .unwrap();
    assert_eq!(count, 0, "() is no argument");
    let throws = PyCallback::from_py(&js("() => { throw new RangeError('no') }")).unwrap();
    let error = throws.call::<_, ()>(&()).unwrap_err();
    assert!(error.message.contains("RangeError: no"), "{}", error.message);
}

use wasm_bindgen::JsCast;
