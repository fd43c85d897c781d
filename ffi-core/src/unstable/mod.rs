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

    /// `[path, source]` of each file of `python/` named, as build.rs wrote it (comment
    /// lines emptied: build/python_comments.rs).
    macro_rules! shared {
        ($($path:literal),* $(,)?) => {
            &[$(($path, include_str!(concat!(env!("OUT_DIR"), "/python/", $path)))),*]
        };
    }

    /// `[path, source]` of the shared package, below the install root: `ffi.py` is the
    /// public face of the private `_ffi` modules. For install()'s `package: "private"`,
    /// js/loader.js `pythonFiles` moves them into the private package (its `__init__.py`
    /// empty).
    pub const SHARED: &[(&str, &str)] = shared![
        "pyscript/__init__.py",
        "pyscript/ffi.py",
        "pyscript/_ffi/__init__.py",
        "pyscript/_ffi/errors.py",
        "pyscript/_ffi/proxies.py",
        "pyscript/_ffi/views.py",
        "pyscript/_ffi/to_js.py",
        "pyscript/_ffi/to_py.py",
        "pyscript/_ffi/lifetime.py",
        "pyscript/_ffi/callbacks.py",
    ];

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
        use std::collections::BTreeSet;
        use std::path::Path;

        /// Every Python file of python/pyscript/ is installed, and only those.
        #[test]
        fn shared_lists_every_file_of_the_package() {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../python");
            let mut found = BTreeSet::new();
            let mut dirs = vec![root.join("pyscript")];
            while let Some(dir) = dirs.pop() {
                for entry in std::fs::read_dir(&dir).expect("python/pyscript") {
                    let path = entry.expect("entry").path();
                    if path.is_dir() {
                        dirs.push(path);
                    } else if path.extension().is_some_and(|e| e == "py") {
                        let relative = path.strip_prefix(&root).expect("below python/");
                        found.insert(relative.to_string_lossy().replace('\\', "/"));
                    }
                }
            }
            let listed: BTreeSet<String> = super::SHARED.iter().map(|(path, _)| (*path).to_owned()).collect();
            assert_eq!(found, listed, "python/pyscript/ and python_sources::SHARED differ");
        }

        /// What ships is each source with only its comment lines emptied: the same lines,
        /// and no string left open at the end (the stripper followed every string).
        #[test]
        fn shipped_sources_lose_only_comment_lines() {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../python");
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
