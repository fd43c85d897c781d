//! Typed conversion for Rust crates that expose objects to Python (docs/rust-crates.md):
//! [`from_py`] reads what Python handed a `#[wasm_bindgen]` export into a serde type,
//! [`to_py`] makes the value Python receives, [`PyCallback`] keeps a Python callable and
//! calls it with typed arguments. The same on both interpreters.

mod callback;
mod from_py;
mod to_py;

pub use callback::PyCallback;
pub use from_py::from_py;
pub use to_py::to_py;

/// The guide for crate authors, docs/rust-crates.md; its Rust blocks compile as doctests.
#[doc = include_str!("../../../docs/rust-crates.md")]
pub mod guide {}
