//! The engine against real JS values, behind a fake interpreter graph. Runs in Node via
//! wasm-bindgen-test-runner (`make wasm-test`).
#![cfg(target_arch = "wasm32")]
// clippy's allow-*-in-tests does not recognise #[wasm_bindgen_test]; this is test code.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use ffi_core::unstable::{to_js, NodeId, PyGraph, PyInt, PyNode, PyStr, ToJsOptions};
use ffi_core::{Error, ErrorKind};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A Python value graph held in a Vec: node 0 is the root.
struct Fake(Vec<PyNode<'static>>);

impl PyGraph for Fake {
    fn root(&self) -> NodeId {
        NodeId(0)
    }
    fn node(&self, id: NodeId) -> Result<PyNode<'_>, Error> {
        self.0
            .get(id.0 as usize)
            .cloned()
            .ok_or_else(|| Error::interpreter("dangling"))
    }
}

fn s(text: &'static str) -> PyNode<'static> {
    PyNode::Str(PyStr::Utf8(text.into()))
}

fn list(items: Vec<NodeId>) -> PyNode<'static> {
    PyNode::List(items.into())
}

fn convert(nodes: Vec<PyNode<'static>>) -> Result<JsValue, Error> {
    to_js(&Fake(nodes), &ToJsOptions::strict())
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).expect("property read")
}

#[wasm_bindgen_test]
fn dict_becomes_a_plain_object_in_iteration_order() {
    let out = convert(vec![
        PyNode::Dict(vec![(NodeId(1), NodeId(2)), (NodeId(3), NodeId(4))].into()),
        s("zeta"),
        PyNode::None,
        s("alpha"),
        PyNode::Int(PyInt::Small(5)),
    ])
    .expect("converts");
    assert_eq!(
        Object::get_prototype_of(&out),
        Object::get_prototype_of(&Object::new().into())
    );
    let object: &Object = out.unchecked_ref();
    let keys: Vec<String> = Object::keys(object).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys, ["zeta", "alpha"]);
    assert!(get(&out, "zeta").is_null(), "None becomes null");
    assert_eq!(get(&out, "alpha").as_f64(), Some(5.0));
}

#[wasm_bindgen_test]
fn colliding_keys_are_a_value_error() {
    let err = convert(vec![
        PyNode::Dict(vec![(NodeId(1), NodeId(3)), (NodeId(2), NodeId(3))].into()),
        PyNode::Int(PyInt::Small(1)),
        s("1"),
        PyNode::None,
    ])
    .expect_err("collides");
    assert_eq!(err.kind, ErrorKind::Value);
    assert!(err.message.contains("\"1\" (str) and 1 (int)"), "{}", err.message);
}

#[wasm_bindgen_test]
fn cycles_and_shared_objects_keep_identity() {
    // 0: [1, 1, 0] where 1 is a dict {} shared twice and the list contains itself.
    let out = convert(vec![
        list(vec![NodeId(1), NodeId(1), NodeId(0)]),
        PyNode::Dict(vec![].into()),
    ])
    .expect("converts");
    let array: &Array = out.unchecked_ref();
    assert!(Object::is(&array.get(0), &array.get(1)));
    assert!(Object::is(&array.get(2), &out));
}

#[wasm_bindgen_test]
fn ints_are_exact() {
    let out = convert(vec![
        list(vec![NodeId(1), NodeId(2), NodeId(3)]),
        PyNode::Int(PyInt::Small((1 << 53) - 1)),
        PyNode::Int(PyInt::Small(1 << 53)),
        PyNode::Int(PyInt::Big {
            negative: true,
            magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0, 0x40],
        }),
    ])
    .expect("converts");
    let array: &Array = out.unchecked_ref();
    assert_eq!(array.get(0).as_f64(), Some(9007199254740991.0));
    assert!(array.get(1).is_bigint());
    assert_eq!(
        String::from(js_sys::BigInt::from(array.get(2)).to_string(10).expect("radix")),
        "-1180591620717411303424"
    );
}

#[wasm_bindgen_test]
fn sentinels_and_lone_surrogates() {
    let out = convert(vec![
        list(vec![NodeId(1), NodeId(2), NodeId(3)]),
        PyNode::Undefined,
        PyNode::Null,
        PyNode::Str(PyStr::Utf16(vec![0x61, 0xd800].into())),
    ])
    .expect("converts");
    let array: &Array = out.unchecked_ref();
    assert!(array.get(0).is_undefined());
    assert!(array.get(1).is_null());
    let text: js_sys::JsString = array.get(2).unchecked_into();
    assert_eq!(text.length(), 2);
    assert_eq!(text.char_code_at(1), f64::from(0xd800));
}

#[wasm_bindgen_test]
fn unsupported_values_and_depth_are_catchable_errors() {
    let err = convert(vec![
        list(vec![NodeId(1)]),
        PyNode::Other {
            type_name: "Point".into(),
        },
    ])
    .expect_err("unsupported");
    assert_eq!((err.kind, err.from.as_str()), (ErrorKind::Type, "Point"));
    // A list nested in itself 2000 times by distinct nodes: deeper than the limit.
    let nodes: Vec<PyNode<'static>> = (0..2000)
        .map(|i| list(if i < 1999 { vec![NodeId(i + 1)] } else { vec![] }))
        .collect();
    let err = convert(nodes).expect_err("too deep");
    assert_eq!(err.kind, ErrorKind::Recursion);
}

#[wasm_bindgen_test]
fn proto_key_is_an_own_property_not_the_prototype() {
    let out = convert(vec![
        PyNode::Dict(vec![(NodeId(1), NodeId(2))].into()),
        s("__proto__"),
        list(vec![]),
    ])
    .expect("converts");
    let object: &Object = out.unchecked_ref();
    assert_eq!(
        Object::get_prototype_of(&out),
        Object::get_prototype_of(&Object::new().into())
    );
    assert!(Object::has_own(object, &JsValue::from_str("__proto__")));
    assert!(Array::is_array(&get(&out, "__proto__")));
}

#[wasm_bindgen_test]
fn deep_nesting_never_touches_the_machine_stack() {
    // With the limit lifted, 100,000 levels convert: the walk and the tape runner are
    // both iterative (a wasm32 stack overflow would corrupt memory, not trap).
    let depth = 100_000u32;
    let nodes: Vec<PyNode<'static>> = (0..depth)
        .map(|i| list(if i + 1 < depth { vec![NodeId(i + 1)] } else { vec![] }))
        .collect();
    let options = ToJsOptions {
        max_nesting: usize::MAX,
        ..ToJsOptions::strict()
    };
    let out = to_js(&Fake(nodes), &options).expect("converts");
    let mut node = out;
    let mut levels = 1;
    while let Some(inner) = node.dyn_ref::<Array>().filter(|a| a.length() == 1).map(|a| a.get(0)) {
        node = inner;
        levels += 1;
    }
    assert_eq!(levels, depth);
}

#[wasm_bindgen_test]
fn to_py_document_puts_what_json_cannot_say_in_fixups() {
    use ffi_core::unstable::convert::to_py::{to_py, ToPyOptions};
    let value =
        js_sys::eval("(() => { const s = [1]; return {a: [0.5, NaN, s, s], m: new Map([[2, 'x']])}; })()").expect("js");
    let inline = to_py(&value, &ToPyOptions::exact_parser()).expect("converts");
    assert_eq!(
        inline.json,
        r#"[{"a":[0.5,null,[1],null],"m":null},[[[0,"a",1],5,"nan"],[[0,"a",3],1,[0,"a",2]],[[0,"m"],2,[[2,"x"]]]]]"#
    );
    // Without inline floats, the Array's floats (0.5 and NaN) travel as bits: one fixup
    // (10) naming their positions and their run of the float table.
    let bits = to_py(&value, &ToPyOptions::minimal_parser()).expect("converts");
    assert!(bits.json.starts_with(r#"[{"a":[0,0,[1],null]"#), "{}", bits.json);
    assert!(bits.json.contains(r#"[[0,"a"],10,[0,[0,1]]]"#), "{}", bits.json);
    assert_eq!(bits.floats_hex, "000000000000e03f000000000000f87f");
}
