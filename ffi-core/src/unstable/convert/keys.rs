//! Dict keys → JS property names, by `json.dumps` rules. Never drops or merges data.

use crate::convert::number::{float_repr, int_decimal};
use crate::error::Error;
use crate::interpreter::{PyNode, PyStr};

/// A key's property name, plus how to name the original key in an error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyText {
    /// The property name exactly, for collisions: two keys collide only if their names
    /// are the same JS string (a lone surrogate never equals U+FFFD).
    pub name: KeyName,
    /// The name as text (a lone surrogate as U+FFFD): what a tape defines for a key that
    /// is not a `str`, whose name is always well-formed.
    pub text: String,
    pub shown: String,
}

/// A property name: its text, or its UTF-16 units when it holds a lone surrogate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyName {
    Text(String),
    Units(Vec<u16>),
}

/// A `str` key's exact name and how to show it (lone surrogates as `\ud800` escapes).
fn str_name(s: &PyStr<'_>) -> (KeyName, String) {
    let units: Vec<u16> = match s {
        PyStr::Utf8(text) => return (KeyName::Text(text.to_string()), format!("{text:?}")),
        PyStr::Utf16(units) => units.to_vec(),
        PyStr::Js(value) => {
            use wasm_bindgen::JsCast;
            match value.dyn_ref::<js_sys::JsString>() {
                Some(js) if !crate::js::is_well_formed(js) => js.iter().collect(),
                _ => {
                    let text = value.as_string().unwrap_or_default();
                    let shown = format!("{text:?}");
                    return (KeyName::Text(text), shown);
                }
            }
        }
    };
    match String::from_utf16(&units) {
        Ok(text) => {
            let shown = format!("{text:?}");
            (KeyName::Text(text), shown)
        }
        Err(_) => {
            let mut shown = String::from("\"");
            for unit in std::char::decode_utf16(units.iter().copied()) {
                match unit {
                    Ok(c) => shown.extend(c.escape_debug()),
                    Err(lone) => shown.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate())),
                }
            }
            shown.push('"');
            (KeyName::Units(units), shown)
        }
    }
}

/// `str` as is; `int`/`float` as decimal text; `True`/`False` → `"true"`/`"false"`;
/// `None` → `"null"`; anything else is a `TypeError` naming the key's type.
pub fn key_text(key: &PyNode<'_>) -> Result<KeyText, Error> {
    let (text, shown) = match key {
        PyNode::Str(s) => {
            let (name, shown) = str_name(s);
            return Ok(KeyText {
                name,
                text: s.to_string_lossy(),
                shown: format!("{shown} (str)"),
            });
        }
        PyNode::Int(i) => {
            let text = int_decimal(i);
            let shown = format!("{text} (int)");
            (text, shown)
        }
        PyNode::Float(x) => {
            let text = float_repr(*x);
            let shown = format!("{text} (float)");
            (text, shown)
        }
        PyNode::Bool(b) => {
            let text = if *b { "true" } else { "false" }.to_owned();
            let shown = if *b { "True (bool)" } else { "False (bool)" }.to_owned();
            (text, shown)
        }
        PyNode::None => ("null".to_owned(), "None".to_owned()),
        other => {
            // An object that crossed as a proxy is named by its Python type.
            let type_name = match other {
                PyNode::Js(value) => crate::proxy::ledger::Ledger::python_type_of(value),
                _ => None,
            }
            .unwrap_or_else(|| node_type_name(other));
            return Err(Error::type_error(
                type_name.clone(),
                "object key",
                format!(
                    "to_js: a dict key of type '{type_name}' cannot become a JavaScript property name; \
                     use str, int, float, bool or None keys (for example convert the key with str())"
                ),
            ));
        }
    };
    Ok(KeyText {
        name: KeyName::Text(text.clone()),
        text,
        shown,
    })
}

/// The ValueError for two keys that name the same property. The keys are named in a
/// fixed order, so the message does not depend on the dict's iteration order (which is
/// hash order on MicroPython).
pub fn collision(a: &KeyText, b: &KeyText) -> Error {
    let (first, second) = if a.shown <= b.shown { (a, b) } else { (b, a) };
    Error::value_error(
        "dict",
        "object key",
        format!(
            "to_js: dict keys {} and {} both become the JavaScript property {:?}; rename one of them so no data is lost",
            first.shown, second.shown, first.text
        ),
    )
}

/// `type(x).__name__` of a node, for messages.
pub fn node_type_name(node: &PyNode<'_>) -> String {
    match node {
        PyNode::None => "NoneType",
        PyNode::Bool(_) => "bool",
        PyNode::Int(_) => "int",
        PyNode::Float(_) => "float",
        PyNode::Str(_) => "str",
        PyNode::List(_) => "list",
        PyNode::Tuple(_) => "tuple",
        PyNode::Dict(_) => "dict",
        PyNode::Set(_) => "set",
        PyNode::FrozenSet(_) => "frozenset",
        PyNode::Bytes(_) => "bytes",
        PyNode::Undefined | PyNode::Null => "JsSentinel",
        PyNode::Js(_) => "JsProxy",
        PyNode::Other { type_name } => return type_name.to_string(),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interpreter::{PyInt, PyStr};

    fn text(node: PyNode<'_>) -> String {
        match key_text(&node) {
            Ok(k) => k.text,
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn json_dumps_key_rules() {
        assert_eq!(text(PyNode::Str(PyStr::Utf8("a".into()))), "a");
        assert_eq!(text(PyNode::Int(PyInt::Small(-3))), "-3");
        assert_eq!(text(PyNode::Float(1.0)), "1.0");
        assert_eq!(text(PyNode::Float(f64::INFINITY)), "Infinity");
        assert_eq!(text(PyNode::Bool(true)), "true");
        assert_eq!(text(PyNode::None), "null");
    }

    #[test]
    fn unsupported_key_is_a_type_error_naming_the_type() {
        let err = key_text(&PyNode::Tuple(vec![].into())).err();
        let err = err.map(|e| (e.kind, e.from, e.message.contains("'tuple'")));
        assert_eq!(err, Some((crate::error::ErrorKind::Type, "tuple".to_owned(), true)));
    }

    #[test]
    fn collision_names_both_keys() {
        let a = key_text(&PyNode::Int(PyInt::Small(1))).ok();
        let b = key_text(&PyNode::Str(PyStr::Utf8("1".into()))).ok();
        let (a, b) = (a.expect("int key converts"), b.expect("str key converts"));
        let msg = collision(&a, &b).message;
        assert!(msg.contains("1 (int)") && msg.contains("\"1\" (str)"), "{msg}");
    }
}
