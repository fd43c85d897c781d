//! `ffi-core`: the canonical semantics of `pyscript.ffi`, independent of any interpreter.
//!
//! For a Rust crate that exposes objects to Python, the API is small and stable:
//! [`from_py`] and [`to_py`] (serde to and from what crosses), [`PyCallback`] (a Python
//! callable held by Rust) and the one error type, [`Error`] with its [`ErrorKind`]. The
//! guide is [`typed::guide`] (docs/rust-crates.md).
//!
//! Everything else — the conversion engine, the adapter contract ([`unstable::interpreter`]),
//! the proxy ledger, views, the wire forms — serves the interpreter adapters (`ffi-pyodide`,
//! `ffi-micropython`) and lives in the hidden [`unstable`] module: it changes with them and
//! promises nothing to other crates. See `docs/Architecture.md` and `docs/conversions.md`.

#![warn(missing_docs)]

pub mod error;
pub mod typed;
#[doc(hidden)]
pub mod unstable;

// The build scripts' comment stripper, here for its tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../build/python_comments.rs"]
mod python_comments;

pub use error::{Error, ErrorKind};
pub use typed::{from_py, to_py, PyCallback};

// The crate's own paths (`crate::convert::…`) stay short.
pub(crate) use unstable::{convert, interpreter, js, proxy, wire};
