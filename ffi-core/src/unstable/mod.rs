//! Not a public API: what the interpreter adapters (`ffi-pyodide`, `ffi-micropython`), the
//! JS glue and the tests use of the core. It changes with them, without notice; a crate
//! exposing objects to Python uses the crate root ([`crate::from_py`], [`crate::to_py`],
//! [`crate::PyCallback`], [`crate::Error`]) instead.

pub mod contract;
pub mod convert;
pub mod interpreter;
pub mod js;
pub mod proxy;
#[cfg(feature = "bridge")]
pub mod view;
pub mod wire;

pub use convert::options::ToJsOptions;
pub use convert::to_js::to_js;
pub use interpreter::{NodeId, PyBytes, PyGraph, PyInt, PyNode, PyStr};

/// Python sources shared by every adapter: the `pyscript` package users import.
pub mod python_sources {
    use wasm_bindgen::JsValue;

    /// `[path, source]` of the shared package, below the install root: every `.py` of
    /// python/pyscript/, as build.rs wrote it (comment lines emptied:
    /// build/python_comments.rs). `ffi.py` is the public face of the private `_ffi`
    /// modules. For install()'s `package: "private"`, js/loader.js `pythonFiles` moves them
    /// into the private package (its `__init__.py` empty).
    pub const SHARED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/python/shared.rs"));

    /// `[path, source]` pairs `install()` writes: the shared package plus the adapter's
    /// own `_pyscript_ffi_impl.py`.
    pub fn files(adapter_impl: &str) -> js_sys::Array {
        let files = js_sys::Array::new();
        for &(path, text) in [("_pyscript_ffi_impl.py", adapter_impl)].iter().chain(SHARED) {
            files.push(&js_sys::Array::of2(&JsValue::from_str(path), &JsValue::from_str(text)));
        }
        files
    }

    #[cfg(all(test, not(target_arch = "wasm32")))]
    mod tests {
        use std::path::Path;

        /// What ships is each source with only its comment lines emptied: the same lines,
        /// and no string left open at the end (the stripper followed every string).
        #[test]
        fn shipped_sources_lose_only_comment_lines() {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../python");
            let paths: Vec<&str> = super::SHARED.iter().map(|(path, _)| *path).collect();
            assert!(
                paths.contains(&"pyscript/ffi.py") && paths.contains(&"pyscript/_ffi/views.py"),
                "{paths:?}"
            );
            for (path, shipped) in super::SHARED {
                let source = std::fs::read_to_string(root.join(path)).expect("a shared source");
                assert_eq!(source.lines().count(), shipped.lines().count(), "{path}: lines");
                for (original, kept) in source.lines().zip(shipped.lines()) {
                    assert!(
                        original == kept || (kept.is_empty() && original.trim_start().starts_with('#')),
                        "{path}: {original}"
                    );
                }
                let open = shipped.lines().fold(None, |open, line| {
                    crate::python_comments::string_open_after(&format!("{line}\n"), open)
                });
                assert_eq!(open, None, "{path}: a string left open");
            }
        }
    }
}
